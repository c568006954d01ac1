package dev.tapedeck.sandbox;

import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/**
 * Runs a {@link Sandbox} in the foreground until the process is stopped, printing its URLs and credentials:
 * {@code java -cp ... dev.tapedeck.sandbox.SandboxMain [--port N] [--media-port N] [--seed N]
 * [--notte-close-after SECONDS] [--kataven-ready-after SECONDS]}. The only class of the module that prints.
 */
public final class SandboxMain {

    private SandboxMain() {
    }

    /** Starts the sandbox and blocks; exits with status 2 on a bad argument. */
    public static void main(String[] args) throws InterruptedException {
        SandboxOptions options;
        try {
            options = parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("tapedeck-sandbox: " + e.getMessage());
            System.err.println("usage: SandboxMain [--port N] [--media-port N] [--seed N] [--notte-close-after S]"
                    + " [--kataven-ready-after S]");
            System.exit(2);
            return;
        }
        Sandbox sandbox = Sandbox.start(options);
        Runtime.getRuntime().addShutdownHook(new Thread(sandbox::close, "tapedeck-sandbox-shutdown"));
        describe(sandbox, System.out);
        new CountDownLatch(1).await();
    }

    /** Prints what a user needs to point a client at the sandbox. */
    static void describe(Sandbox sandbox, PrintStream out) {
        out.println("Tapedeck sandbox running (Ctrl-C to stop)");
        out.println("  ANCHOR_BASE_URL=" + sandbox.anchorBaseUrl());
        out.println("  ANCHOR_API_KEY=" + sandbox.apiKey("anchor"));
        out.println("  NOTTE_BASE_URL=" + sandbox.notteBaseUrl());
        out.println("  NOTTE_API_KEY=" + sandbox.apiKey("notte"));
        out.println("  KATAVEN_BASE_URL=" + sandbox.katavenBaseUrl() + "   (paths under /api/v1)");
        out.println("  KATAVEN_API_KEY=" + sandbox.apiKey("kataven"));
        out.println("  KATAVEN_ACCOUNT_ID=" + sandbox.katavenAccountId());
        out.println("  KATAVEN_LIVE_KEY=" + sandbox.katavenLiveKey() + "   (needs no X-Account-ID)");
        out.println("  media host: " + sandbox.mediaBaseUrl());
        out.println("  seed: " + sandbox.options().seed());
    }

    static SandboxOptions parse(String[] args) {
        SandboxOptions.Builder builder = SandboxOptions.builder();
        for (int i = 0; i < args.length; i++) {
            String flag = args[i];
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("missing value after " + flag);
            }
            String value = args[++i];
            try {
                switch (flag) {
                    case "--port":
                        builder.apiPort(Integer.parseInt(value));
                        break;
                    case "--media-port":
                        builder.mediaPort(Integer.parseInt(value));
                        break;
                    case "--seed":
                        builder.seed(Long.parseLong(value));
                        break;
                    case "--notte-close-after":
                        builder.notteCloseAfter(Duration.ofSeconds(Long.parseLong(value)));
                        break;
                    case "--kataven-ready-after":
                        builder.katavenReadyAfter(Duration.ofSeconds(Long.parseLong(value)));
                        break;
                    default:
                        throw new IllegalArgumentException("unknown option " + flag);
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("not a number after " + flag + ": " + value);
            }
        }
        return builder.build();
    }
}
