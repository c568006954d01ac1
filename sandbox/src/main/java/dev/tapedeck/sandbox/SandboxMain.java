package dev.tapedeck.sandbox;

import java.io.PrintStream;
import dev.tapedeck.sandbox.spi.ClientSettings;
import dev.tapedeck.sandbox.spi.SandboxScenario;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;

/**
 * Runs a {@link Sandbox} in the foreground until the process is stopped, printing its URLs and credentials:
 * {@code java -cp ... dev.tapedeck.sandbox.SandboxMain [--port N] [--media-port N] [--seed N]
 * [--scenario demo|hostile] [--setting PROVIDER.KEY=VALUE]...}, e.g. {@code --setting notte.close_after=60}. The only class of the module
 * that prints.
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
            System.err.println("usage: SandboxMain [--port N] [--media-port N] [--seed N]"
                    + " [--scenario demo|hostile] [--setting PROVIDER.KEY=VALUE]...");
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
        for (String provider : sandbox.emulated()) {
            ClientSettings settings = sandbox.clientSettings(provider);
            out.println("  " + variable(provider, "base_url") + "=" + settings.baseUrl());
            out.println("  " + variable(provider, "api_key") + "=" + settings.apiKey());
            settings.settings().forEach((key, value) -> out.println("  " + variable(provider, key) + "=" + value));
        }
        sandbox.problems().forEach(problem -> out.println("  (not emulated: " + problem + ")"));
        out.println("  media host: " + sandbox.mediaBaseUrl());
        out.println("  seed: " + sandbox.options().seed());
    }

    /**
     * The environment variable a client reads for {@code key} of {@code provider}, by Tapedeck's naming rule
     * ({@code <ID>_<KEY>} upper-cased), written here because the sandbox depends on no Tapedeck class.
     */
    static String variable(String provider, String key) {
        return (provider + "_" + key).toUpperCase(Locale.ROOT).replace('-', '_');
    }

    private static SandboxScenario scenario(String name) {
        try {
            return SandboxScenario.valueOf(name.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--scenario takes demo or hostile, was " + name);
        }
    }

    private static void setting(SandboxOptions.Builder builder, String assignment) {
        int dot = assignment.indexOf('.');
        int eq = assignment.indexOf('=');
        if (dot < 1 || eq < dot + 2) {
            throw new IllegalArgumentException("--setting takes PROVIDER.KEY=VALUE, e.g. acme.ready_after=60, was "
                    + assignment);
        }
        builder.setting(assignment.substring(0, dot), assignment.substring(dot + 1, eq), assignment.substring(eq + 1));
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
                    case "--scenario":
                        builder.scenario(scenario(value));
                        break;
                    case "--setting":
                        setting(builder, value);
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
