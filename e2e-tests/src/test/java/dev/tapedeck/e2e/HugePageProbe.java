package dev.tapedeck.e2e;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.tapedeck.Connection;
import dev.tapedeck.Tapedeck;
import dev.tapedeck.model.SessionQuery;
import dev.tapedeck.model.TapedeckError;
import dev.tapedeck.spi.ProviderConfig;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Run in a child JVM with a small heap by {@link HugePageMemoryTest}: a loopback server answers AnchorBrowser's
 * session list with one page of {@link #PAGE_BYTES} bytes of valid JSON (generated as it is sent, with a declared
 * length when the first argument is {@code sized}, chunked otherwise); the probe lists 5 sessions through
 * {@link Tapedeck#connect} and prints the one error line it got and its peak heap use. Exits 0 when the listing
 * failed with an error (the expected outcome), 1 when it succeeded, 2 on an {@code Error} such as OutOfMemoryError.
 */
public final class HugePageProbe {

    /** The size of the page: 200 MB. */
    static final long PAGE_BYTES = 200_000_000L;

    private static final byte[] HEAD = "{\"data\":{\"total\":1000000,\"page\":1,\"total_pages\":1,\"sessions\":["
            .getBytes(StandardCharsets.UTF_8);
    private static final byte[] TAIL = "]}}".getBytes(StandardCharsets.UTF_8);

    private HugePageProbe() {
    }

    public static void main(String[] args) throws IOException {
        boolean sized = args.length > 0 && args[0].equals("sized");
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/v1/sessions", exchange -> page(exchange, sized));
        server.start();
        int exit;
        try {
            exit = list(URI.create("http://127.0.0.1:" + server.getAddress().getPort()));
        } catch (Error error) {
            System.out.println("error=" + error);
            exit = 2;
        } finally {
            server.stop(0);
        }
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        System.out.println("heapPoolPeaksMiB=" + (peak >> 20) + " maxHeapMiB=" + (Runtime.getRuntime().maxMemory() >> 20));
        System.exit(exit);
    }

    private static int list(URI base) {
        ProviderConfig config = ProviderConfig.builder().apiKey("sk-probe-key-0123456789").baseUrl(base)
                .environment(name -> Optional.empty()).build();
        try (Connection anchor = Tapedeck.connect("anchor", config).get()) {
            var sessions = anchor.history().sessions(SessionQuery.builder().limit(5).build());
            if (sessions.isRight()) {
                System.out.println("listed=" + sessions.get().count());
                return 1;
            }
            TapedeckError error = sessions.getLeft();
            System.out.println("error=" + error.getClass().getSimpleName() + ": " + error.message());
            return 0;
        }
    }

    /** One session item of about 500 bytes, numbered {@code n}. */
    private static byte[] item(long n) {
        return ("{\"id\":\"sess_" + n + "\",\"status\":\"completed\",\"created_at\":\"2026-01-01T00:00:00Z\","
                + "\"tags\":[\"load\",\"probe\"],\"extra\":\"" + "x".repeat(400) + "\"}")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static void page(HttpExchange exchange, boolean sized) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, sized ? PAGE_BYTES : 0);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(HEAD);
            long sent = HEAD.length;
            for (long n = 0; ; n++) {
                byte[] item = item(n);
                if (sent + item.length + 1 + TAIL.length > PAGE_BYTES) {
                    break;
                }
                if (n > 0) {
                    out.write(',');
                    sent++;
                }
                out.write(item);
                sent += item.length;
            }
            while (sent + TAIL.length < PAGE_BYTES) {
                out.write(' ');
                sent++;
            }
            out.write(TAIL);
        } catch (IOException clientLeft) {
            // the client stopped reading at its limit: that is the point
        }
    }
}
