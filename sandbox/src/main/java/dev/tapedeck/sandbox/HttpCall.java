package dev.tapedeck.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import dev.tapedeck.sandbox.spi.Call;
import dev.tapedeck.sandbox.spi.Json;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongConsumer;

/**
 * The {@link Call} of one exchange with the JDK server: the request's {@link FaultPlan} (truncated or dribbled
 * body) applies to every answer alike.
 */
final class HttpCall implements Call {

    private final HttpExchange exchange;
    private final String path;
    private final Map<String, String> query;
    private final FaultPlan plan;
    private final Pauser pauser;
    private final LongConsumer sent;
    private boolean responded;

    /** A call whose body bytes, as written to the client, are reported to {@code sent}. */
    HttpCall(HttpExchange exchange, String path, FaultPlan plan, Pauser pauser, LongConsumer sent) {
        this.exchange = exchange;
        this.path = path;
        this.query = parseQuery(exchange.getRequestURI().getRawQuery());
        this.plan = plan;
        this.pauser = pauser;
        this.sent = sent;
    }

    @Override
    public String method() {
        return exchange.getRequestMethod();
    }

    @Override
    public boolean isHead() {
        return "HEAD".equals(method());
    }

    @Override
    public String path() {
        return path;
    }

    @Override
    public Map<String, String> query() {
        return query;
    }

    @Override
    public Optional<String> param(String name) {
        return Optional.ofNullable(query.get(name));
    }

    @Override
    public Optional<String> header(String name) {
        return Optional.ofNullable(exchange.getRequestHeaders().getFirst(name));
    }

    @Override
    public Headers responseHeaders() {
        return exchange.getResponseHeaders();
    }

    boolean responded() {
        return responded;
    }

    @Override
    public void json(int status, JsonNode body) throws IOException {
        bytes(status, "application/json", Json.bytes(body));
    }

    @Override
    public void text(int status, String body) throws IOException {
        bytes(status, "text/plain; charset=utf-8", body.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void bytes(int status, String contentType, byte[] body) throws IOException {
        responseHeaders().set("Content-Type", contentType);
        body(status, body.length, out -> out.write(body));
    }

    /**
     * Sends {@code length} bytes produced by {@code writer}, honouring HEAD and the fault plan (content type,
     * dribbling, truncation, a reset mid-body). A truncated body ends by dropping the connection (see
     * {@link ConnectionAbort}).
     */
    @Override
    public void body(int status, long length, BodyWriter writer) throws IOException {
        responded = true;
        Headers headers = responseHeaders();
        if (isHead()) {
            headers.set("Content-Length", Long.toString(length));
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
            return;
        }
        plan.contentType().ifPresent(type -> headers.set("Content-Type", type));
        boolean cutMidBody = plan.resetsMidBody();
        // chunked when cut mid-body, so that the dropped connection is an error to the client, not a short body
        exchange.sendResponseHeaders(status, cutMidBody ? 0 : length == 0 ? -1 : length);
        if (length == 0 && !cutMidBody) {
            exchange.close();
            return;
        }
        OutputStream out = new Counting(exchange.getResponseBody(), sent);
        if (plan.dribbles()) {
            out = new Dribbling(out, plan.dribbleChunk(), plan.dribblePause(), pauser);
        }
        if (cutMidBody) {
            cut(out, plan.resetAfter(), writer, "connection dropped by a fault after ");
        }
        if (plan.truncates() && plan.truncateAfter() < length) {
            cut(out, plan.truncateAfter(), writer, "body truncated by a fault after ");
        }
        writer.write(out);
        out.flush();
        exchange.close();
    }

    /** Sends the first {@code bytes} bytes of the body, then drops the connection (see {@link ConnectionAbort}). */
    private static void cut(OutputStream out, long bytes, BodyWriter writer, String why) throws IOException {
        Truncating truncating = new Truncating(out, bytes);
        try {
            writer.write(truncating);
        } catch (Truncating.Cut cut) {
            // The cut is the point: fall through to dropping the connection.
        }
        truncating.flush();
        throw new ConnectionAbort(why + bytes + " bytes");
    }

    /** Drops the connection without sending anything. */
    void reset() throws ConnectionAbort {
        responded = true;
        throw new ConnectionAbort("connection reset by a fault");
    }

    private static Map<String, String> parseQuery(String raw) {
        if (raw == null || raw.isEmpty()) {
            return Map.of();
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            values.putIfAbsent(name, value);
        }
        return Collections.unmodifiableMap(values);
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s;
        }
    }

    /** Reports every byte written through it. */
    private static final class Counting extends FilterOutputStream {
        private final LongConsumer sent;

        Counting(OutputStream out, LongConsumer sent) {
            super(out);
            this.sent = sent;
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            sent.accept(1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            sent.accept(len);
        }
    }

    /** Passes at most {@code limit} bytes through, then stops the writer with {@link Cut}. */
    private static final class Truncating extends FilterOutputStream {
        static final class Cut extends IOException {
            private static final long serialVersionUID = 1L;

            Cut() {
                super("cut");
            }
        }

        private long remaining;

        Truncating(OutputStream out, long limit) {
            super(out);
            this.remaining = limit;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            int n = (int) Math.min(len, remaining);
            out.write(b, off, n);
            remaining -= n;
            if (n < len) {
                throw new Cut();
            }
        }
    }

    /** Sends the body in small flushed chunks with a pause between them. */
    private static final class Dribbling extends FilterOutputStream {
        private final int chunk;
        private final Duration pause;
        private final Pauser pauser;
        private boolean started;

        Dribbling(OutputStream out, int chunk, Duration pause, Pauser pauser) {
            super(out);
            this.chunk = chunk;
            this.pause = pause;
            this.pauser = pauser;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            for (int i = 0; i < len; i += chunk) {
                // The pause goes before every chunk but the first, so all of them are over before the client can
                // have the whole body: a test that counts them after reading it sees every one.
                if (started) {
                    try {
                        pauser.pause(pause);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new ConnectionAbort("interrupted while dribbling");
                    }
                }
                started = true;
                out.write(b, off + i, Math.min(chunk, len - i));
                out.flush();
            }
        }
    }
}
