package dev.tapedeck.sandbox;

import dev.tapedeck.sandbox.spi.MediaPaths;
import com.sun.net.httpserver.HttpServer;
import dev.tapedeck.sandbox.spi.ClientSettings;
import dev.tapedeck.sandbox.spi.Emulation;
import dev.tapedeck.sandbox.spi.ProviderEmulator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * An embeddable emulator of providers' APIs plus a media host: what LocalStack is to AWS users. One server answers
 * every emulated provider under {@code /<id>}; a second server on another port serves the presigned media, so that
 * cross-origin rules and credential scoping are exercised for real. The emulators are plug-ins ({@link
 * ProviderEmulator}), found with {@link java.util.ServiceLoader} like providers: the three bundled ones
 * (AnchorBrowser, Notte, Kataven Hub) and any a provider jar ships.
 *
 * <p>Start one with {@link #start()} or {@link #start(SandboxOptions)}; {@link #close()} stops both servers and is
 * idempotent. {@link #clientSettings(String)} tells a client how to reach a provider; switch faults on with
 * {@link #faults()} and see what reached where with {@link #counters()}; {@link #reset()} puts it back as it
 * started, for the next test. Thread-safe.
 */
public final class Sandbox implements AutoCloseable {

    static {
        // The JDK server writes headers and body separately; with Nagle's algorithm on, every small response then
        // waits for the client's delayed ACK (~40 ms). The property is read once, when the first server is made,
        // and an explicit setting by the application wins.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final SandboxOptions options;
    private final Instant startedAt;
    private final Faults faults;
    private final Counters counters;
    private final HttpServer apiServer;
    private final HttpServer mediaServer;
    private final ExecutorService apiThreads;
    private final ExecutorService mediaThreads;
    private final URI apiOrigin;
    private final URI mediaOrigin;
    private final MediaLinks links;
    private final Map<String, Supplier<Emulation>> starters;
    private volatile Map<String, Emulation> emulations;
    private final List<String> problems;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final AtomicLong resets = new AtomicLong();

    private Sandbox(SandboxOptions options) throws IOException {
        this.options = options;
        this.startedAt = options.clock().instant();
        this.faults = new Faults(options.seed(), options.clock());
        this.counters = new Counters();
        MediaAssets assets = MediaAssets.load();
        this.mediaServer = HttpServer.create(new InetSocketAddress(options.host(), options.mediaPort()), 64);
        try {
            this.apiServer = HttpServer.create(new InetSocketAddress(options.host(), options.apiPort()), 64);
        } catch (IOException | RuntimeException apiPortTaken) {
            release(mediaServer);
            throw apiPortTaken;
        }
        this.mediaOrigin = origin(mediaServer, options.publicHost());
        this.apiOrigin = origin(apiServer, options.publicHost());
        this.links = new MediaLinks(mediaOrigin, new Signer(options.signingKey(), options.clock(),
                options.presignTtl()));
        EmulatorDiscovery found = EmulatorDiscovery.discover(options.emulatorLoader()
                .orElseGet(() -> Thread.currentThread().getContextClassLoader()));
        List<String> skipped = new ArrayList<>(found.problems());
        Map<String, Emulation> started = new TreeMap<>();
        Map<String, Supplier<Emulation>> startersById = new TreeMap<>();
        Set<String> credentialHeaders = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        for (ProviderEmulator emulator : found.byId().values()) {
            String id = emulator.providerId();
            try {
                if (!id.matches("[a-z0-9][a-z0-9-]{0,31}") || id.equals(Origin.MEDIA.label())) {
                    throw new IllegalStateException("it claims the id '" + id + "', which cannot be a path segment"
                            + " of its own");
                }
                MountedContext context = new MountedContext(id, URI.create(apiOrigin + "/" + id), options, startedAt,
                        assets, links);
                started.put(id, emulator.start(context));
                startersById.put(id, () -> emulator.start(context));
                credentialHeaders.addAll(emulator.credentialHeaders());
            } catch (RuntimeException | LinkageError failed) {
                if (!options.settings(id).isEmpty()) {
                    // settings were given for this provider: they are the likely cause, and the caller wants it
                    release(mediaServer, apiServer);
                    throw failed;
                }
                // a broken plug-in must not take the other emulators down with it
                skipped.add("the emulator of '" + id + "' (" + emulator.getClass().getName() + ") failed to start: "
                        + failed.getMessage());
            }
        }
        this.problems = List.copyOf(skipped);
        this.emulations = Collections.unmodifiableMap(started);
        this.starters = Collections.unmodifiableMap(startersById);
        mediaServer.createContext("/", Gate.single(Origin.MEDIA, new MediaHost(assets, links), credentialHeaders,
                counters, faults, options.pauser(), resets::get));
        apiServer.createContext("/", Gate.routing(Origin.API, () -> emulations, credentialHeaders, counters,
                faults, options.pauser(), resets::get));
        this.mediaThreads = Executors.newFixedThreadPool(options.threads(), threads("tapedeck-sandbox-media-"));
        this.apiThreads = Executors.newFixedThreadPool(options.threads(), threads("tapedeck-sandbox-api-"));
        mediaServer.setExecutor(mediaThreads);
        apiServer.setExecutor(apiThreads);
    }

    /** Starts a sandbox with {@link SandboxOptions#defaults()}. */
    public static Sandbox start() {
        return start(SandboxOptions.defaults());
    }

    /**
     * Starts a sandbox: binds both servers and begins serving.
     *
     * @throws UncheckedIOException when a port cannot be bound
     */
    public static Sandbox start(SandboxOptions options) {
        Objects.requireNonNull(options, "options");
        Sandbox sandbox;
        try {
            sandbox = new Sandbox(options);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot bind the sandbox on " + options.host() + ": " + e.getMessage(), e);
        }
        sandbox.mediaServer.start();
        sandbox.apiServer.start();
        return sandbox;
    }

    /** Runs a sandbox in the foreground; see {@link SandboxMain}. */
    public static void main(String[] args) throws InterruptedException {
        SandboxMain.main(args);
    }

    /** The ids of the emulated providers, sorted. */
    public List<String> emulated() {
        return List.copyOf(emulations.keySet());
    }

    /**
     * What a client of {@code providerId} needs to use this sandbox: base URL, API key and any other settings.
     *
     * @throws IllegalArgumentException when no emulator of that provider was found, naming the emulated ones
     */
    public ClientSettings clientSettings(String providerId) {
        return emulation(providerId).clientSettings();
    }

    /**
     * The running emulation of {@code providerId}, as the type its emulator documents (for tests that look at its
     * seeded data or state, e.g. {@code AnchorApi}).
     *
     * @throws IllegalArgumentException when there is none, or it is not a {@code type}
     */
    public <T extends Emulation> T emulation(String providerId, Class<T> type) {
        Emulation emulation = emulation(providerId);
        if (!type.isInstance(emulation)) {
            throw new IllegalArgumentException("the emulation of " + providerId + " is a "
                    + emulation.getClass().getName() + ", not a " + type.getName());
        }
        return type.cast(emulation);
    }

    private Emulation emulation(String providerId) {
        Emulation emulation = emulations.get(Objects.requireNonNull(providerId, "providerId"));
        if (emulation == null) {
            throw new IllegalArgumentException("the sandbox emulates no provider '" + providerId + "'; it emulates "
                    + String.join(", ", emulations.keySet()));
        }
        return emulation;
    }

    /**
     * The emulators visible to {@code loader} (and to the sandbox's own loader) that could not be loaded, one line
     * each, without starting a sandbox; empty when all is well.
     */
    public static List<String> emulatorProblems(ClassLoader loader) {
        return EmulatorDiscovery.discover(loader).problems();
    }

    /** Emulators that were found but could not be used, one line each; empty when all is well. */
    public List<String> problems() {
        return problems;
    }

    /** The media host's origin, e.g. {@code http://127.0.0.1:OTHER_PORT}. */
    public URI mediaBaseUrl() {
        return mediaOrigin;
    }

    /** The switchable faults. */
    public Faults faults() {
        return faults;
    }

    /** The request counters. */
    public Counters counters() {
        return counters;
    }

    /** The options it was started with. */
    public SandboxOptions options() {
        return options;
    }

    /** The clock instant at which it started; seeded closing and readiness times count from here. */
    public Instant startedAt() {
        return startedAt;
    }

    /** A media URL for {@code path} (see {@link MediaPaths}), presigned now for {@link SandboxOptions#presignTtl()}. */
    public URI presignedMediaUrl(String path) {
        Objects.requireNonNull(path, "path");
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("a media path starts with '/': " + path);
        }
        return URI.create(links.url(path));
    }

    /** A presigned URL of a generated stream of exactly {@code bytes} bytes (see {@link GeneratedBytes}). */
    public URI generatedMediaUrl(long bytes) {
        if (bytes > MediaAssets.MAX_GENERATED) {
            throw new IllegalArgumentException("generated streams are at most " + MediaAssets.MAX_GENERATED + " bytes");
        }
        return presignedMediaUrl(MediaPaths.generated(bytes));
    }

    /**
     * Puts the sandbox back as it started, on the same ports, for the next test: drops every pending fault, sets the
     * counters to zero, sets a {@link ManualClock} back to {@link #startedAt()} (another clock cannot be set), and
     * starts every emulation afresh from the same seed and start instant, so that paused sessions, readiness polls
     * and rate-limit windows are forgotten. An answer still pausing for a fault (latency, a dribbled body) is dropped
     * at its next pause, so that it cannot move the clock of what follows. Requests in flight while it runs may see
     * either state; call it between tests, not during one.
     */
    public void reset() {
        resets.incrementAndGet();
        faults.clear();
        if (options.clock() instanceof ManualClock) {
            ((ManualClock) options.clock()).set(startedAt);
        }
        Map<String, Emulation> fresh = new TreeMap<>();
        starters.forEach((id, starter) -> fresh.put(id, starter.get()));
        emulations = Collections.unmodifiableMap(fresh);
        counters.reset();
    }

    /** Stops both servers and their threads. Calling it again does nothing. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        apiServer.stop(0);
        mediaServer.stop(0);
        apiThreads.shutdownNow();
        mediaThreads.shutdownNow();
        try {
            apiThreads.awaitTermination(2, TimeUnit.SECONDS);
            mediaThreads.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return "Sandbox[api=" + apiOrigin + ", media=" + mediaOrigin + ", closed=" + closed.get() + "]";
    }

    /**
     * Releases servers that were bound but will not serve. A server that never started keeps its socket open through
     * stop() (only its dispatcher thread closes it), hence the start.
     */
    private static void release(HttpServer... servers) {
        for (HttpServer server : servers) {
            server.start();
            server.stop(0);
        }
    }

    /**
     * The origin clients are told: the public host when one was given, else the bound address; a wildcard address
     * (bound to every interface) cannot be connected to from elsewhere, so it reads as loopback.
     */
    private static URI origin(HttpServer server, Optional<String> publicHost) {
        InetSocketAddress address = server.getAddress();
        String host = publicHost.orElseGet(() -> {
            String bound = address.getAddress().isAnyLocalAddress() ? "127.0.0.1"
                    : address.getAddress().getHostAddress();
            return bound.indexOf(':') >= 0 ? "[" + bound + "]" : bound;
        });
        return URI.create("http://" + host + ":" + address.getPort());
    }

    private static ThreadFactory threads(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
