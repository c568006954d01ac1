package dev.tapedeck.benchmarks.files;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A static server on loopback that answers as AnchorBrowser does for an archive: {@code GET /v1/sessions} in pages,
 * {@code GET /v1/sessions/{id}/recordings} with one MP4 each, and the MP4s themselves under {@code /media/}, every
 * answer prepared in memory before the clock starts, so that the server costs as little as a static file server and
 * Tapedeck and curl fetch the same bytes from it. Not the sandbox: the sandbox's data is fixed at 125 sessions.
 */
final class AnchorShapedServer implements AutoCloseable {

    static final String API_KEY = "bench-key";

    private final HttpServer server;
    private final ExecutorService threads = Executors.newFixedThreadPool(16);
    private final Map<String, byte[]> answers = new HashMap<>();
    private final List<String> sessionIds = new ArrayList<>();

    /** A server of {@code sessions} sessions, each with one recording of {@code recordingBytes} bytes. */
    AnchorShapedServer(int sessions, int recordingBytes) throws IOException {
        // Without it the JDK server's header and body writes meet delayed ACKs: 40 ms per small answer.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 256);
        String origin = "http://127.0.0.1:" + server.getAddress().getPort();
        byte[] media = mp4(recordingBytes);
        Instant newest = Instant.parse("2026-03-01T00:00:00Z");
        for (int i = 1; i <= sessions; i++) {
            String id = String.format("bsess_%05d", i);
            sessionIds.add(id);
            long created = newest.minusSeconds(60L * i).toEpochMilli();
            answers.put("/v1/sessions/" + id + "/recordings", json("{\"data\":{\"count\":1,\"items\":[{\"id\":\"rec_"
                    + id + "\",\"is_primary\":true,\"file_link\":\"" + origin + "/media/" + id + ".mp4\","
                    + "\"suggested_file_name\":\"" + id + ".mp4\",\"duration\":\"00:01:00\",\"size\":"
                    + recordingBytes + ",\"created_at\":" + created + "}]}}"));
            answers.put("/media/" + id + ".mp4", media);
            answers.put(primaryPath(id), media);
        }
        server.createContext("/", this::answer);
        server.setExecutor(threads);
        server.start();
    }

    /** The base URL a provider is pointed at. */
    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Every session id, newest first, as the history lists them. */
    List<String> sessionIds() {
        return sessionIds;
    }

    /** The URL of the history page {@code page} of {@code limit} sessions, as the provider asks for it. */
    String historyPath(int page, int limit) {
        return "/v1/sessions?page=" + page + "&limit=" + limit;
    }

    /** The path of a session's primary recording, which Anchor streams through its API with the key. */
    static String primaryPath(String sessionId) {
        return "/v1/sessions/" + sessionId + "/recordings/primary/fetch";
    }

    private void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            byte[] body;
            if (path.equals("/v1/sessions")) {
                body = history(exchange.getRequestURI().getRawQuery());
            } else {
                body = answers.get(path);
            }
            if (body == null || path.startsWith("/v1/") && !API_KEY.equals(
                    exchange.getRequestHeaders().getFirst("anchor-api-key"))) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            exchange.getResponseHeaders().set("Content-Type", path.startsWith("/media/") || path.endsWith("/fetch") ? "video/mp4"
                    : "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private byte[] history(String rawQuery) {
        int page = 1;
        int limit = 10;
        for (String pair : rawQuery == null ? new String[0] : rawQuery.split("&")) {
            String[] kv = pair.split("=", 2);
            if (kv.length == 2 && kv[0].equals("page")) {
                page = Integer.parseInt(kv[1]);
            } else if (kv.length == 2 && kv[0].equals("limit")) {
                limit = Integer.parseInt(kv[1]);
            }
        }
        int total = sessionIds.size();
        int pages = (total + limit - 1) / limit;
        StringBuilder items = new StringBuilder();
        Instant newest = Instant.parse("2026-03-01T00:00:00Z");
        for (int i = (page - 1) * limit; i < Math.min(total, page * limit); i++) {
            if (items.length() > 0) {
                items.append(',');
            }
            items.append("{\"id\":\"").append(sessionIds.get(i)).append("\",\"status\":\"completed\",\"tags\":[],"
                    + "\"headless\":true,\"recording\":true,\"used_credits\":1,\"duration\":60,\"created_at\":")
                    .append(newest.minusSeconds(60L * (i + 1)).toEpochMilli()).append('}');
        }
        return json("{\"data\":{\"sessions\":[" + items + "],\"total\":" + total + ",\"page\":" + page
                + ",\"total_pages\":" + pages + "}}");
    }

    private static byte[] json(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** {@code size} bytes that start like an MP4 file ({@code ftyp}, then {@code mdat} to the end). */
    private static byte[] mp4(int size) {
        byte[] bytes = new byte[size];
        new Random(14).nextBytes(bytes);
        byte[] header = {0, 0, 0, 24, 'f', 't', 'y', 'p', 'i', 's', 'o', 'm', 0, 0, 2, 0, 'i', 's', 'o', 'm', 'm',
            'p', '4', '1', 0, 0, 0, 0, 'm', 'd', 'a', 't'};
        System.arraycopy(header, 0, bytes, 0, header.length);
        return bytes;
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
