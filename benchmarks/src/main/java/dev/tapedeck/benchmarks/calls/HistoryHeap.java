package dev.tapedeck.benchmarks.calls;

import static dev.tapedeck.model.TapedeckException.orThrow;

import dev.tapedeck.Connection;
import dev.tapedeck.Tapedeck;
import dev.tapedeck.model.Session;
import dev.tapedeck.model.SessionQuery;
import dev.tapedeck.spi.ProviderConfig;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The whole history through Tapedeck in a child JVM with a small heap ({@code -Xmx64m}): the parent serves the
 * pages, the child walks them and prints how many sessions it read and the largest heap it held after a
 * collection (live data, not garbage waiting for the collector).
 */
final class HistoryHeap {

    private HistoryHeap() {
    }

    /** Runs the child against {@code server}; its one line of outcome, or why it failed. */
    static String check(StaticServer server, String heap) throws IOException, InterruptedException {
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + heap, "-cp", System.getProperty("java.class.path"), HistoryHeap.class.getName(),
                server.baseUrl().toString()).redirectErrorStream(true).start();
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        if (!child.waitFor(10, TimeUnit.MINUTES)) {
            child.destroyForcibly();
            return "history in -Xmx" + heap + ": the child did not finish";
        }
        return "history in -Xmx" + heap + ": " + (child.exitValue() == 0 ? output
                : "FAILED (exit " + child.exitValue() + "): " + output);
    }

    /** The child: walks the history at {@code args[0]}. */
    public static void main(String[] args) {
        ProviderConfig config = ProviderConfig.builder().apiKey(StaticServer.API_KEY).baseUrl(URI.create(args[0]))
                .build();
        List<MemoryPoolMXBean> pools = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP && pool.getCollectionUsage() != null).toList();
        long[] count = {0};
        long[] largestLive = {0};
        try (Connection anchor = orThrow(Tapedeck.connect("anchor", config));
                Stream<Session> sessions = orThrow(anchor.history().sessions(
                        SessionQuery.builder().pageSize(AnchorData.PAGE_SIZE).build()))) {
            sessions.forEach(session -> {
                if (++count[0] % 1_000 == 0) {
                    largestLive[0] = Math.max(largestLive[0], afterCollection(pools));
                }
            });
        }
        System.out.printf("%,d sessions, largest heap after a collection %.1f MiB, max heap %.0f MiB%n", count[0],
                largestLive[0] / 1048576.0, Runtime.getRuntime().maxMemory() / 1048576.0);
    }

    private static long afterCollection(List<MemoryPoolMXBean> pools) {
        long used = 0;
        for (MemoryPoolMXBean pool : pools) {
            MemoryUsage usage = pool.getCollectionUsage();
            used += usage.getUsed();
        }
        return used;
    }
}
