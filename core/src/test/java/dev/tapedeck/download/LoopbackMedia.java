package dev.tapedeck.download;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.tapedeck.MediaRequest;
import dev.tapedeck.MediaStream;
import dev.tapedeck.ProviderMetadata;
import dev.tapedeck.RecordingSource;
import dev.tapedeck.TestMetadata;
import dev.tapedeck.model.Capabilities;
import dev.tapedeck.model.Capability;
import dev.tapedeck.model.MediaLocation;
import dev.tapedeck.model.Recording;
import dev.tapedeck.model.RecordingFormat;
import dev.tapedeck.model.RecordingId;
import dev.tapedeck.model.SessionId;
import dev.tapedeck.model.TapedeckError;
import io.vavr.control.Either;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Test scaffolding for downloads: a JDK {@link HttpServer} on loopback that serves media resources (with ranges,
 * ETags and scripted faults) and a small {@link RecordingSource} over {@link HttpClient} that reaches it the way
 * a provider's credential-free fetcher would. It records every request and the most requests in flight at once.
 */
public final class LoopbackMedia implements AutoCloseable {

    /** The provider id of the test source. */
    public static final String PROVIDER = "loop";

    private static final Pattern RANGE = Pattern.compile("bytes=(\\d+)-");
    private static final Pattern CONTENT_RANGE = Pattern.compile("bytes (\\d+)-(\\d+)/(\\d+)");

    /** One request as the server saw it. */
    public record Seen(String path, Optional<String> range, Optional<String> ifRange) {
    }

    /** Produces the bytes of a resource, so large ones need not be held in memory. */
    @FunctionalInterface
    public interface Content {
        /** Writes bytes {@code from} (inclusive) to {@code to} (exclusive). */
        void write(OutputStream out, long from, long to) throws IOException;
    }

    /** A served resource and its scripted behaviour; the setters return it for chaining. */
    public static final class Resource {
        private final long size;
        private final Content content;
        private volatile String etag = "\"v1\"";
        private volatile String lastModified;
        private volatile String contentType = "video/mp4";
        private volatile boolean honourRange = true;
        private volatile boolean honourIfRange = true;
        private volatile long breakOnceAfter = -1;
        private final AtomicBoolean broken = new AtomicBoolean();
        private volatile long endCleanlyOnceAfter = -1;
        private final AtomicBoolean endedEarly = new AtomicBoolean();
        private volatile boolean alwaysShort;
        private final AtomicInteger failures = new AtomicInteger();
        private volatile int failureStatus;

        private Resource(long size, Content content) {
            this.size = size;
            this.content = content;
        }

        /** Serves it with this Content-Type (video/mp4 unless set). */
        public Resource contentType(String value) {
            contentType = value;
            return this;
        }

        /** Serves it with these validators; a null one is not sent. */
        public Resource validators(String etagValue, String lastModifiedValue) {
            etag = etagValue;
            lastModified = lastModifiedValue;
            return this;
        }

        /**
         * The first time, sends the body without a length (chunked) and ends it properly after {@code bytes}: a
         * clean close that only the provider's size shows to be short.
         */
        public Resource endCleanlyOnceAfter(long bytes) {
            endCleanlyOnceAfter = bytes;
            return this;
        }

        /** Answers every range with 206 and that range of its own bytes, whatever {@code If-Range} says. */
        public Resource ignoreIfRange() {
            honourIfRange = false;
            return this;
        }

        /** Answers ranges with 200 and the whole body. */
        public Resource ignoreRange() {
            honourRange = false;
            return this;
        }

        /** The first time, sends {@code bytes} of the body, waits until the client read them, then drops the connection. */
        public Resource breakOnceAfter(long bytes) {
            breakOnceAfter = bytes;
            return this;
        }

        /** Always announces the full length but sends only half of it, then drops the connection. */
        public Resource alwaysShort() {
            alwaysShort = true;
            return this;
        }

        /** Answers {@code status} to the next {@code times} requests. */
        public Resource fail(int status, int times) {
            failureStatus = status;
            failures.set(times);
            return this;
        }

        /** Answers {@code status} to every request. */
        public Resource failAlways(int status) {
            return fail(status, Integer.MAX_VALUE);
        }

        /** Stops failing. */
        public Resource heal() {
            failures.set(0);
            return this;
        }
    }

    private final HttpServer server;
    private final ExecutorService pool = Executors.newCachedThreadPool(r -> {
        Thread thread = new Thread(r, "loopback-media");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<String, Resource> resources = new ConcurrentHashMap<>();
    private final List<Seen> seen = new CopyOnWriteArrayList<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();
    private volatile CountDownLatch gate = new CountDownLatch(0);
    private final Object clientProgress = new Object();
    private long clientRead;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).build();

    /** Starts a server on an ephemeral loopback port. */
    public LoopbackMedia() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(pool);
        server.createContext("/", this::handle);
        server.start();
    }

    /** The absolute URL of {@code path} on this server. */
    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    /** Serves {@code bytes} at {@code path}. */
    public Resource put(String path, byte[] bytes) {
        return put(path, bytes.length, (out, from, to) -> out.write(bytes, (int) from, (int) (to - from)));
    }

    /** Serves {@code size} bytes made by {@code content} at {@code path}. */
    public Resource put(String path, long size, Content content) {
        Resource resource = new Resource(size, content);
        resources.put(path, resource);
        return resource;
    }

    /** Every request so far, in order of arrival. */
    public List<Seen> requests() {
        return List.copyOf(seen);
    }

    /** Forgets the requests seen so far and the concurrency high-water mark. */
    public void resetRequests() {
        seen.clear();
        maxInFlight.set(0);
    }

    /** The most requests that were being served at the same time. */
    public int maxConcurrentRequests() {
        return maxInFlight.get();
    }

    /** Holds each of the next {@code parties} requests until all of them have arrived, so overlap is certain. */
    public void gatherFirst(int parties) {
        gate = new CountDownLatch(parties);
    }

    /** A source of provider {@link #PROVIDER} whose recordings are listed from {@code sessions}. */
    public Source source() {
        return new Source();
    }

    /** A recording of {@link #PROVIDER} at {@code media}. */
    public static Recording.Builder recording(String session, String id, RecordingFormat format,
            MediaLocation media) {
        return Recording.builder(PROVIDER, SessionId.of(session), RecordingId.of(id), format, media);
    }

    /**
     * The box headers an MP4 file starts with: {@code ftyp}, then an {@code mdat} box that runs to the end of the
     * file, so that media made by {@link #bytes} and {@link #pattern} is taken for what MP4 recordings hold.
     */
    private static final byte[] MP4_HEADER = {
        0, 0, 0, 24, 'f', 't', 'y', 'p', 'i', 's', 'o', 'm', 0, 0, 2, 0, 'i', 's', 'o', 'm', 'm', 'p', '4', '1',
        0, 0, 0, 0, 'm', 'd', 'a', 't'};

    /**
     * Writes a deterministic MP4-like byte pattern of any length in a fixed buffer, for resources too big to hold:
     * the MP4 box headers, then a pattern that is a function of the offset.
     */
    public static void pattern(OutputStream out, long from, long to) throws IOException {
        byte[] chunk = new byte[64 * 1024];
        for (long position = from; position < to; ) {
            int n = (int) Math.min(chunk.length, to - position);
            for (int i = 0; i < n; i++) {
                long p = position + i;
                chunk[i] = p < MP4_HEADER.length ? MP4_HEADER[(int) p] : (byte) (p * 31 + (p >>> 11));
            }
            out.write(chunk, 0, n);
            position += n;
        }
    }

    /** {@code size} deterministic pseudo-random bytes after the MP4 box headers (cut short below their length). */
    public static byte[] bytes(int size, long seed) {
        byte[] out = raw(size, seed);
        System.arraycopy(MP4_HEADER, 0, out, 0, Math.min(size, MP4_HEADER.length));
        return out;
    }

    /** {@code size} deterministic pseudo-random bytes, without any header. */
    public static byte[] raw(int size, long seed) {
        byte[] out = new byte[size];
        new java.util.Random(seed).nextBytes(out);
        return out;
    }

    /** {@code packets} MPEG-TS packets of 188 bytes, each starting with the sync byte, filled pseudo-randomly. */
    public static byte[] transportStream(int packets, long seed) {
        byte[] out = raw(packets * 188, seed);
        for (int i = 0; i < packets; i++) {
            out[i * 188] = 0x47;
        }
        return out;
    }

    @Override
    public void close() {
        server.stop(0);
        pool.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        Optional<String> range = Optional.ofNullable(exchange.getRequestHeaders().getFirst("Range"));
        Optional<String> ifRange = Optional.ofNullable(exchange.getRequestHeaders().getFirst("If-Range"));
        seen.add(new Seen(path, range, ifRange));
        int now = inFlight.incrementAndGet();
        maxInFlight.accumulateAndGet(now, Math::max);
        try {
            CountDownLatch waiting = gate;
            waiting.countDown();
            if (!waiting.await(10, TimeUnit.SECONDS)) {
                exchange.sendResponseHeaders(500, -1);
                return;
            }
            Resource resource = resources.get(path);
            if (resource == null) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            if (resource.failures.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0) {
                exchange.sendResponseHeaders(resource.failureStatus, -1);
                return;
            }
            serve(exchange, resource, range, ifRange);
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
        } finally {
            inFlight.decrementAndGet();
            exchange.close();
        }
    }

    private void serve(HttpExchange exchange, Resource resource, Optional<String> range, Optional<String> ifRange)
            throws IOException, InterruptedException {
        long from = 0;
        Matcher matcher = range.map(RANGE::matcher).filter(Matcher::matches).orElse(null);
        String etag = resource.etag;
        String lastModified = resource.lastModified;
        boolean sameVersion = !resource.honourIfRange
                || ifRange.map(v -> v.equals(etag) || v.equals(lastModified)).orElse(true);
        if (matcher != null && resource.honourRange && sameVersion) {
            from = Long.parseLong(matcher.group(1));
        }
        if (etag != null) {
            exchange.getResponseHeaders().set("ETag", etag);
        }
        if (lastModified != null) {
            exchange.getResponseHeaders().set("Last-Modified", lastModified);
        }
        exchange.getResponseHeaders().set("Content-Type", resource.contentType);
        long length = resource.size - from;
        if (from > 0) {
            exchange.getResponseHeaders().set("Content-Range",
                    "bytes " + from + "-" + (resource.size - 1) + "/" + resource.size);
        }
        if (resource.endCleanlyOnceAfter >= 0 && !resource.endedEarly.getAndSet(true)) {
            exchange.sendResponseHeaders(from > 0 ? 206 : 200, 0);
            OutputStream out = exchange.getResponseBody();
            resource.content.write(out, from, Math.min(resource.size, from + resource.endCleanlyOnceAfter));
            out.close();
            return;
        }
        exchange.sendResponseHeaders(from > 0 ? 206 : 200, length == 0 ? -1 : length);
        OutputStream out = exchange.getResponseBody();
        if (resource.alwaysShort) {
            synchronized (clientProgress) {
                clientRead = 0;
            }
            resource.content.write(out, from, from + length / 2);
            out.flush();
            // the connection drops when this returns: let the client have every byte sent first, as with a real
            // server whose peer read the half before the cut, instead of racing the close
            awaitClientRead(length / 2);
            return;
        }
        if (resource.breakOnceAfter >= 0 && !resource.broken.getAndSet(true)) {
            synchronized (clientProgress) {
                clientRead = 0;
            }
            resource.content.write(out, from, from + resource.breakOnceAfter);
            out.flush();
            awaitClientRead(resource.breakOnceAfter);
            return;
        }
        resource.content.write(out, from, resource.size);
    }

    private void awaitClientRead(long bytes) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        synchronized (clientProgress) {
            while (clientRead < bytes && System.nanoTime() < deadline) {
                clientProgress.wait(100);
            }
        }
    }

    private void clientRead(int n) {
        synchronized (clientProgress) {
            clientRead += n;
            clientProgress.notifyAll();
        }
    }

    /** A body that tells the server how far the client has read. */
    private final class Counting extends FilterInputStream {
        Counting(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                clientRead(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                clientRead(n);
            }
            return n;
        }
    }

    /** The test provider: recordings from a map, media over HTTP with no credentials, refresh by a function. */
    public final class Source implements RecordingSource {
        private final Map<SessionId, List<Recording>> sessions = new ConcurrentHashMap<>();
        private final AtomicInteger refreshes = new AtomicInteger();
        private volatile Function<Recording, Either<TapedeckError, Recording>> refresher =
                recording -> Either.left(new TapedeckError.NotFound(PROVIDER, "no refresh scripted"));

        private Source() {
        }

        /** Lists {@code recordings} for their session (replacing what was there). */
        public Source with(Recording... recordings) {
            for (Recording recording : recordings) {
                sessions.computeIfAbsent(recording.sessionId(), id -> new CopyOnWriteArrayList<>()).add(recording);
            }
            return this;
        }

        /** Answers {@link #refresh} with {@code function}. */
        public Source refreshWith(Function<Recording, Either<TapedeckError, Recording>> function) {
            refresher = function;
            return this;
        }

        /** How many times {@link #refresh} was called. */
        public int refreshes() {
            return refreshes.get();
        }

        @Override
        public ProviderMetadata metadata() {
            return TestMetadata.of(PROVIDER, Capabilities.builder().supports(Capability.LIST_RECORDINGS).build());
        }

        @Override
        public Either<TapedeckError, List<Recording>> recordings(SessionId session) {
            List<Recording> found = sessions.get(session);
            return found == null
                    ? Either.left(new TapedeckError.NotFound(PROVIDER, "session " + session + " does not exist"))
                    : Either.right(new ArrayList<>(found));
        }

        @Override
        public Either<TapedeckError, Recording> refresh(Recording recording) {
            refreshes.incrementAndGet();
            return refresher.apply(recording);
        }

        @Override
        public Either<TapedeckError, MediaStream> openMedia(Recording recording, MediaRequest request) {
            URI target;
            if (request.part().isPresent()) {
                target = request.part().get();
            } else if (recording.media() instanceof MediaLocation.RemoteUrl) {
                target = ((MediaLocation.RemoteUrl) recording.media()).uri();
            } else if (recording.media() instanceof MediaLocation.ProviderStream) {
                target = uri("/provider/" + recording.id());
            } else {
                return Either.left(TapedeckError.InvalidRequest.of(PROVIDER, "a playlist is opened part by part"));
            }
            HttpRequest.Builder http = HttpRequest.newBuilder(target).GET();
            if (request.offset() > 0) {
                http.header("Range", "bytes=" + request.offset() + "-");
                request.ifRange().ifPresent(etag -> http.header("If-Range", etag));
            }
            try {
                HttpResponse<InputStream> response = client.send(http.build(),
                        HttpResponse.BodyHandlers.ofInputStream());
                int status = response.statusCode();
                if (status != 200 && status != 206) {
                    response.body().close();
                    return Either.left(error(status));
                }
                Optional<Long> length = response.headers().firstValueAsLong("Content-Length").stream().boxed()
                        .findFirst();
                long offset = 0;
                Optional<Long> total = length;
                Optional<Matcher> contentRange = response.headers().firstValue("Content-Range")
                        .map(CONTENT_RANGE::matcher).filter(Matcher::matches);
                if (status == 206 && contentRange.isPresent()) {
                    offset = Long.parseLong(contentRange.get().group(1));
                    total = Optional.of(Long.parseLong(contentRange.get().group(3)));
                }
                return Either.right(new MediaStream(new Counting(response.body()), offset, length, total,
                        response.headers().firstValue("ETag"), response.headers().firstValue("Last-Modified"),
                        response.headers().firstValue("Content-Type"), Optional.of(response.uri())));
            } catch (IOException failed) {
                return Either.left(new TapedeckError.Transport(PROVIDER, "request failed: " + failed));
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                return Either.left(new TapedeckError.Transport(PROVIDER, "interrupted"));
            }
        }

        private TapedeckError error(int status) {
            switch (status) {
                case 403:
                    return new TapedeckError.Forbidden(PROVIDER, "the media URL expired or was refused (403)");
                case 404:
                    return new TapedeckError.NotFound(PROVIDER, "no such media (404)");
                case 409:
                    return new TapedeckError.NotReady(PROVIDER, "the recording is not ready (409)", Optional.empty());
                default:
                    return new TapedeckError.ProviderFailure(PROVIDER, status, "the media host answered " + status,
                            "", status >= 500);
            }
        }
    }
}
