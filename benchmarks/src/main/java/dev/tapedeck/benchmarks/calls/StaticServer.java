package dev.tapedeck.benchmarks.calls;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A minimal Anchor API on loopback serving {@link AnchorData} rendered in advance, so the server does the same
 * small work for every client measured: {@code GET /v1/sessions?page=N} and {@code GET /v1/sessions/ID/recordings},
 * sized bodies, keep-alive. The API key is checked, as Anchor does.
 */
final class StaticServer implements AutoCloseable {

    /** The key the server accepts. */
    static final String API_KEY = "sk-bench-0123456789";

    private final HttpServer server;
    private final ExecutorService threads;
    private final byte[][] pages;
    private final byte[] recordings;

    private StaticServer(HttpServer server, ExecutorService threads, byte[][] pages, byte[] recordings) {
        this.server = server;
        this.threads = threads;
        this.pages = pages;
        this.recordings = recordings;
    }

    /** Starts a server with a history of {@code pages} pages of {@link AnchorData#PAGE_SIZE} sessions. */
    static StaticServer start(int pages) throws IOException {
        byte[][] rendered = new byte[pages][];
        for (int page = 1; page <= pages; page++) {
            rendered[page - 1] = AnchorData.historyPage(page, pages);
        }
        // without it the JDK server writes headers and body apart and Nagle meets delayed ACKs: 40 ms per call
        System.setProperty("sun.net.httpserver.nodelay", "true");
        HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        ExecutorService threads = Executors.newFixedThreadPool(2, runnable -> {
            Thread thread = new Thread(runnable, "static-server");
            thread.setDaemon(true);
            return thread;
        });
        String base = "http://127.0.0.1:" + http.getAddress().getPort();
        StaticServer server = new StaticServer(http, threads, rendered, AnchorData.recordingList(base));
        http.createContext("/", server::handle);
        http.setExecutor(threads);
        http.start();
        return server;
    }

    /** The base URL of the API. */
    URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            exchange.getRequestBody().readAllBytes();
            if (!API_KEY.equals(exchange.getRequestHeaders().getFirst("anchor-api-key"))) {
                send(exchange, 401, "{\"error\":{\"code\":401,\"message\":\"Invalid API key\"}}".getBytes());
                return;
            }
            String path = exchange.getRequestURI().getRawPath();
            if (path.equals("/v1/sessions")) {
                int page = page(exchange.getRequestURI().getRawQuery());
                if (page >= 1 && page <= pages.length) {
                    send(exchange, 200, pages[page - 1]);
                    return;
                }
            } else if (path.startsWith("/v1/sessions/") && path.endsWith("/recordings")) {
                send(exchange, 200, recordings);
                return;
            }
            send(exchange, 404, "{\"error\":{\"code\":404,\"message\":\"Not found\"}}".getBytes());
        }
    }

    private static int page(String query) {
        if (query == null) {
            return 1;
        }
        for (String pair : query.split("&")) {
            if (pair.startsWith("page=")) {
                try {
                    return Integer.parseInt(pair.substring(5));
                } catch (NumberFormatException notANumber) {
                    return 0;
                }
            }
        }
        return 1;
    }

    private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
