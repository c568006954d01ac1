package dev.tapedeck.sandbox;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An embeddable emulator of the AnchorBrowser, Notte and Kataven Hub APIs plus a media host: what LocalStack is to
 * AWS users. One server answers the three APIs under {@code /anchor}, {@code /notte} and {@code /kataven} (Kataven's
 * paths sit below that under {@code /api/v1}, also under {@code /v1}); a second server on another port serves the
 * presigned media, so that cross-origin rules and credential scoping are exercised for real.
 *
 * <p>Start one with {@link #start()} or {@link #start(SandboxOptions)}; {@link #close()} stops both servers and is
 * idempotent. The data is described by {@link SeedData}; switch faults on with {@link #faults()} and see what
 * reached where with {@link #counters()}. Thread-safe.
 */
public final class Sandbox implements AutoCloseable {

    /** The provider ids this sandbox emulates, as used by {@link #baseUrl(String)} and {@link #apiKey(String)}. */
    public static final java.util.List<String> PROVIDERS = java.util.List.of("anchor", "notte", "kataven");

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
    private final SeedData data;
    private final Faults faults;
    private final Counters counters;
    private final HttpServer apiServer;
    private final HttpServer mediaServer;
    private final ExecutorService apiThreads;
    private final ExecutorService mediaThreads;
    private final URI apiOrigin;
    private final URI mediaOrigin;
    private final MediaLinks links;
    private final AnchorApi anchor;
    private final KatavenApi kataven;
    private final AtomicBoolean closed = new AtomicBoolean();

    private Sandbox(SandboxOptions options) throws IOException {
        this.options = options;
        this.startedAt = options.clock().instant();
        this.faults = new Faults(options.seed(), options.clock());
        this.counters = new Counters();
        MediaAssets assets = MediaAssets.load();
        this.data = SeedData.generate(options, startedAt, assets.sampleMp4Size());
        this.mediaServer = HttpServer.create(new InetSocketAddress(options.host(), options.mediaPort()), 64);
        try {
            this.apiServer = HttpServer.create(new InetSocketAddress(options.host(), options.apiPort()), 64);
        } catch (IOException | RuntimeException apiPortTaken) {
            // The media port is bound already: release it, or a failed start leaves it listening. A server that never
            // started keeps its socket open through stop() (only its dispatcher thread closes it), hence the start.
            mediaServer.start();
            mediaServer.stop(0);
            throw apiPortTaken;
        }
        this.mediaOrigin = origin(mediaServer);
        this.apiOrigin = origin(apiServer);
        this.links = new MediaLinks(mediaOrigin, new Signer(options.signingKey(), options.clock(),
                options.presignTtl()));
        this.anchor = new AnchorApi(options, data, assets, links);
        this.kataven = new KatavenApi(options, startedAt, data, links);
        NotteApi notte = new NotteApi(options, data, assets, links);
        Map<String, Api> apis = Map.of(anchor.name(), anchor, notte.name(), notte, kataven.name(), kataven);
        mediaServer.createContext("/", Gate.single(Origin.MEDIA, new MediaHost(assets, links), counters, faults,
                options.pauser()));
        apiServer.createContext("/", Gate.routing(Origin.API, apis, counters, faults, options.pauser()));
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

    /** The base URL of a provider ({@code "anchor"}, {@code "notte"}, {@code "kataven"}) or of {@code "media"}. */
    public URI baseUrl(String name) {
        switch (Objects.requireNonNull(name, "name")) {
            case "anchor":
                return anchorBaseUrl();
            case "notte":
                return notteBaseUrl();
            case "kataven":
                return katavenBaseUrl();
            case "media":
                return mediaBaseUrl();
            default:
                throw new IllegalArgumentException("unknown sandbox service '" + name + "'; known: anchor, notte,"
                        + " kataven, media");
        }
    }

    /** AnchorBrowser's base, e.g. {@code http://127.0.0.1:PORT/anchor} (its paths start with {@code /v1}). */
    public URI anchorBaseUrl() {
        return URI.create(apiOrigin + "/anchor");
    }

    /** Notte's base, e.g. {@code http://127.0.0.1:PORT/notte} (its paths start with {@code /sessions}). */
    public URI notteBaseUrl() {
        return URI.create(apiOrigin + "/notte");
    }

    /** Kataven's base, e.g. {@code http://127.0.0.1:PORT/kataven}; its paths sit below under {@code /api/v1}. */
    public URI katavenBaseUrl() {
        return URI.create(apiOrigin + "/kataven");
    }

    /** The media host's origin, e.g. {@code http://127.0.0.1:OTHER_PORT}. */
    public URI mediaBaseUrl() {
        return mediaOrigin;
    }

    /**
     * The valid key of a provider: AnchorBrowser's {@code anchor-api-key}, Notte's bearer key, Kataven's token
     * (which must come with {@code X-Account-ID: }{@link #katavenAccountId()}).
     */
    public String apiKey(String provider) {
        switch (Objects.requireNonNull(provider, "provider")) {
            case "anchor":
                return options.anchorApiKey();
            case "notte":
                return options.notteApiKey();
            case "kataven":
                return options.katavenToken();
            default:
                throw new IllegalArgumentException("unknown provider '" + provider + "'; known: " + PROVIDERS);
        }
    }

    /** The Kataven account id that goes with {@link #apiKey(String) apiKey("kataven")}. */
    public String katavenAccountId() {
        return options.katavenAccountId();
    }

    /** The long-lived Kataven key ({@code sk_live_...}), valid without X-Account-ID. */
    public String katavenLiveKey() {
        return options.katavenLiveKey();
    }

    /** The seeded data. */
    public SeedData data() {
        return data;
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

    /** Whether the recording of an AnchorBrowser session is currently paused. */
    public boolean anchorRecordingPaused(String sessionId) {
        return anchor.isPaused(sessionId);
    }

    /** How many authorised recording requests a Kataven call id has received. */
    public int katavenPolls(String callId) {
        return kataven.polls(callId);
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

    private static URI origin(HttpServer server) {
        InetSocketAddress address = server.getAddress();
        String host = address.getAddress().getHostAddress();
        if (host.indexOf(':') >= 0) {
            host = "[" + host + "]";
        }
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
