package dev.tapedeck.cli;

import dev.tapedeck.Connection;
import dev.tapedeck.ProviderInfo;
import dev.tapedeck.Tapedeck;
import dev.tapedeck.model.TapedeckError;
import dev.tapedeck.spi.ProviderConfig;
import io.vavr.control.Either;
import java.io.PrintStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One run of the command: the global options, the streams, the environment, and what the run opened (provider
 * connections, an in-process sandbox), all closed together at the end.
 */
final class CliRun implements AutoCloseable {

    /** The table width when the terminal's is not known. */
    static final int DEFAULT_WIDTH = 120;

    private final GlobalOptions options;
    private final CliEnvironment env;
    private final PrintStream out;
    private final PrintStream err;
    private final ErrorLine errors = new ErrorLine();
    private final List<Connection> connections = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private Printer printer;
    private Plugins plugins;
    private SandboxLauncher sandbox;

    CliRun(GlobalOptions options, CliEnvironment env, PrintStream out, PrintStream err) {
        this.options = options;
        this.env = env;
        this.out = out;
        this.err = err;
    }

    GlobalOptions options() {
        return options;
    }

    CliEnvironment env() {
        return env;
    }

    PrintStream out() {
        return out;
    }

    PrintStream err() {
        return err;
    }

    ErrorLine errors() {
        return errors;
    }

    /** JSON Lines or tables, as {@code --json} asks, with the fields {@code --fields} names. */
    Printer printer() {
        if (printer == null) {
            EchoedSecrets secrets = EchoedSecrets.of(providers(), env.variables());
            printer = options.json ? new JsonLines(out, errors, options.revealUrls, options.fields(), secrets)
                    : new TableOutput(out, errors, tableWidth(), options.fields(), secrets);
        }
        return printer;
    }

    /** How wide tables may be: {@code COLUMNS} (the launcher sets it at a terminal), else 120. */
    int tableWidth() {
        return env.variables().apply("COLUMNS").map(String::strip).filter(text -> text.matches("\\d{1,5}"))
                .map(Integer::parseInt).filter(columns -> columns >= 20).orElse(DEFAULT_WIDTH);
    }

    /** A progress bar, drawn only for people at a terminal and never with {@code --json}. */
    ProgressBar progressBar() {
        return new ProgressBar(err, env.terminal() && !options.json);
    }

    /**
     * A remark (not an error) for stderr. It is held until the command ends and printed only when it succeeded, so
     * that a failing command leaves exactly one line, its error; with {@code --verbose} it is printed at once.
     */
    synchronized void note(String text) {
        String line = "tapedeck: " + errors.scrub(text);
        if (options.verbose) {
            err.println(line);
            err.flush();
        } else {
            notes.add(line);
        }
    }

    /** Prints a problem that does not end the command (one provider of several failed) on stderr at once. */
    synchronized void problem(String text) {
        err.println("tapedeck: " + errors.scrub(text));
        err.flush();
    }

    /** Prints the held notes when the command {@code succeeded}, drops them otherwise. */
    synchronized void endNotes(boolean succeeded) {
        if (succeeded) {
            notes.forEach(err::println);
            err.flush();
        }
        notes.clear();
    }

    /**
     * The class loader that sees the command's providers and emulators and those of the plug-in folders, loaded on
     * first use; each broken plug-in is reported once, as a problem.
     */
    ClassLoader loader() {
        if (plugins == null) {
            plugins = Plugins.load(env.variables(), this::problem);
        }
        return plugins.loader();
    }

    /** The providers of {@link #loader()}, sorted by id. */
    List<ProviderInfo> providers() {
        return Tapedeck.providers(loader());
    }

    /** The sandbox behind {@code --sandbox}, started on first use with the plug-ins' emulators too. */
    SandboxLauncher sandbox() {
        if (sandbox == null) {
            sandbox = SandboxLauncher.start(loader(), env.clock());
            sandbox.sandbox().problems().forEach(this::problem);
        }
        return sandbox;
    }

    /**
     * The settings for provider {@code id}: the sandbox's with {@code --sandbox}, else the environment's; with
     * {@code --rate-limit} that limit in both cases.
     */
    ProviderConfig config(String id) {
        ProviderConfig.Builder builder = ProviderConfig.builder().clock(env.clock()).sleeper(env.sleeper())
                .timeouts(options.timeouts()).apiBodyLimit(options.apiBodyLimit())
                .allowPrivateAddresses(options.allowPrivateAddresses)
                .wireLogBodyLimit(options.wireLogBodyLimit());
        if (options.sandbox) {
            sandbox().configure(id, builder);
        } else {
            builder.environment(env.variables());
            options.baseUrl().ifPresent(builder::baseUrl);
        }
        options.rateLimit().ifPresent(builder::rateLimit);
        ProviderConfig config = builder.build();
        config.apiKey(id).ifPresent(key -> errors.secret(key.reveal()));
        return config;
    }

    /** Whether an API key is set for provider {@code id}: one without is not set up at all, rather than wrongly. */
    boolean hasApiKey(String id) {
        return config(id).apiKey(id).isPresent();
    }

    /** Connects to {@code id}; the connection is closed with this run. */
    Either<TapedeckError, Connection> connect(String id) {
        if (options.sandbox && !sandbox().emulates(id)) {
            return Either.left(new TapedeckError.Misconfigured(id, "the sandbox does not emulate " + id
                    + "; it emulates " + String.join(", ", sandbox().sandbox().emulated())
                    + " (a provider jar can ship an emulator: see README, Writing a provider)"));
        }
        Either<TapedeckError, Connection> connection = Tapedeck.connect(id, config(id), loader());
        connection.forEach(connections::add);
        return connection;
    }

    /** The base URL given with {@code --base-url}, checked. */
    static Optional<URI> parseUrl(String text) {
        try {
            URI uri = new URI(text.trim());
            if (!uri.isAbsolute() || uri.getHost() == null) {
                throw CliFailure.usage("--base-url must be an absolute http(s) URL, was " + text);
            }
            return Optional.of(uri);
        } catch (java.net.URISyntaxException e) {
            throw CliFailure.usage("--base-url is not a URL: " + e.getReason());
        }
    }

    @Override
    public void close() {
        connections.forEach(Connection::close);
        connections.clear();
        if (sandbox != null) {
            sandbox.close();
            sandbox = null;
        }
        if (plugins != null) {
            plugins.close();
            plugins = null;
        }
    }
}
