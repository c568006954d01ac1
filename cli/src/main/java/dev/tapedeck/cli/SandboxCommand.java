package dev.tapedeck.cli;

import dev.tapedeck.EnvironmentVariable;
import dev.tapedeck.sandbox.Sandbox;
import dev.tapedeck.sandbox.SandboxOptions;
import dev.tapedeck.sandbox.spi.ClientSettings;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Clock;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code tapedeck sandbox [--host ADDRESS] [--public-host NAME] [--port N] [--media-port N]}: runs the sandbox in the foreground and prints
 * the settings that point any client at it, as {@code export} lines (with {@code --json}, as JSON Lines). It listens
 * on loopback unless {@code --host} names another address (in a container, for other languages' tests), with one
 * warning line on stderr, since its keys are published and its media host asks for none. A port in use or an address
 * that cannot be bound is a usage error. It stops at Ctrl-C (or any signal that ends the process); at a terminal
 * also at Ctrl-D. Started in the background or with no standard input it runs until killed: see
 * {@link CliEnvironment#system()}.
 */
@Command(name = "sandbox", mixinStandardHelpOptions = true, description = "Run the sandbox (emulated providers and media host) until stopped.")
final class SandboxCommand implements Callable<Integer> {

    @ParentCommand
    TapedeckCommand root;

    @Option(names = "--host", paramLabel = "ADDRESS", description = "Address to listen on (default: "
            + SandboxLauncher.LOOPBACK + "); e.g. 0.0.0.0 in a container. For tests only: no auth on the media host.")
    String host = SandboxLauncher.LOOPBACK;

    @Option(names = "--public-host", paramLabel = "NAME", description = "Host name to put in the URLs it prints "
            + "and hands out, e.g. the container's name (default: the --host address, 127.0.0.1 for 0.0.0.0).")
    String publicHost;

    @Option(names = "--port", paramLabel = "N", description = "API port (default: any free port).")
    int port;

    @Option(names = "--media-port", paramLabel = "N", description = "Media host port (default: any free port).")
    int mediaPort;

    @Override
    public Integer call() throws IOException {
        requirePort("--port", port);
        requirePort("--media-port", mediaPort);
        CliRun run = root.run();
        InetAddress address = address(host);
        try (SandboxLauncher launcher = start(address, run.loader(), run.env().clock())) {
            if (!address.isLoopbackAddress()) {
                run.err().println("tapedeck: warning: the sandbox listens on " + host + " and is reachable from "
                        + "other machines; it is for tests only: its keys are published and its media host has no auth");
            }
            if (run.options().json) {
                describeAsJson(launcher.sandbox(), run.out());
            } else {
                describe(launcher.sandbox(), run.out());
            }
            run.err().println("tapedeck: sandbox running; press Ctrl-C" + (run.env().terminal() ? " or Ctrl-D" : "")
                    + " to stop");
            drain(run.env().stdin());
        }
        return ExitCodes.OK;
    }

    private static void requirePort(String option, int value) {
        if (value < 0 || value > 65535) {
            throw CliFailure.usage(option + " must be between 0 and 65535, was " + value);
        }
    }

    /** The address {@code --host} names: an IP address or a name of this machine, resolved once. */
    private static InetAddress address(String host) {
        try {
            return InetAddress.getByName(host.strip());
        } catch (UnknownHostException | SecurityException unknown) {
            throw CliFailure.usage("--host takes an address of this machine such as 127.0.0.1 or 0.0.0.0, was '"
                    + host + "'");
        }
    }

    private SandboxLauncher start(InetAddress address, ClassLoader loader, Clock clock) {
        try {
            SandboxOptions.Builder where = SandboxOptions.builder().host(address.getHostAddress()).apiPort(port)
                    .mediaPort(mediaPort);
            if (publicHost != null) {
                where.publicHost(publicHost.strip());
            }
            return SandboxLauncher.start(where, loader, clock);
        } catch (IllegalArgumentException badPublicHost) {
            throw CliFailure.usage("--public-host: " + badPublicHost.getMessage());
        } catch (UncheckedIOException failed) {
            if (!(failed.getCause() instanceof BindException)) {
                throw failed;
            }
            throw CliFailure.usage("cannot start the sandbox on " + host + " (API port " + port + ", media port "
                    + mediaPort + "): " + failed.getCause().getMessage() + "; choose another --port or --media-port, "
                    + "0 for any free port, or an address of this machine for --host");
        }
    }

    /**
     * With {@code --json}: one JSON object per emulated provider, {@code provider, baseUrl, apiKey} and each further
     * setting under its key in camel case (Kataven's {@code account_id} as {@code accountId}), then
     * {@code {"media": URL}}.
     */
    static void describeAsJson(Sandbox sandbox, PrintStream out) {
        ObjectMapper mapper = new ObjectMapper();
        try {
            for (String provider : sandbox.emulated()) {
                ClientSettings settings = sandbox.clientSettings(provider);
                Map<String, Object> line = new LinkedHashMap<>();
                line.put("provider", provider);
                line.put("baseUrl", settings.baseUrl().toString());
                line.put("apiKey", settings.apiKey());
                settings.settings().forEach((key, value) -> line.put(camelCase(key), value));
                out.println(mapper.writeValueAsString(line));
            }
            out.println(mapper.writeValueAsString(Map.of("media", sandbox.mediaBaseUrl().toString())));
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException(impossible);
        }
        out.flush();
    }

    /**
     * Prints the sandbox's settings as shell {@code export} lines named by Tapedeck's rule ({@code <ID>_BASE_URL},
     * {@code <ID>_API_KEY}, {@code <ID>_<SETTING>}); its keys are public test values.
     */
    static void describe(Sandbox sandbox, PrintStream out) {
        for (String provider : sandbox.emulated()) {
            ClientSettings settings = sandbox.clientSettings(provider);
            out.println("export " + EnvironmentVariable.nameFor(provider, "base_url") + "=" + settings.baseUrl());
            out.println("export " + EnvironmentVariable.nameFor(provider, "api_key") + "=" + settings.apiKey());
            settings.settings().forEach((key, value) -> out.println("export "
                    + EnvironmentVariable.nameFor(provider, key) + "=" + value));
        }
        out.println("# media host: " + sandbox.mediaBaseUrl());
        out.flush();
    }

    private static String camelCase(String key) {
        StringBuilder camel = new StringBuilder();
        boolean upper = false;
        for (char c : key.toCharArray()) {
            if (c == '_') {
                upper = true;
            } else {
                camel.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return camel.toString();
    }

    private static void drain(InputStream in) throws IOException {
        byte[] buffer = new byte[256];
        while (in.read(buffer) >= 0) {
            // Input is only a stop signal; its content does not matter.
        }
    }
}
