package dev.tapedeck.archive;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tapedeck.download.DownloadStatus;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Lines appended by many threads at once are committed in groups, yet every append returns its own line, written
 * whole, once: the file holds each line exactly once, and the manifest reads back every entry.
 */
class ManifestGroupCommitTest {

    @TempDir
    Path dir;

    @Test
    void concurrentAppendsEachLandWholeAndOnce() throws Exception {
        int threads = 8;
        int perThread = 100;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        try (Manifest manifest = Manifest.open(dir).get()) {
            List<Future<List<ManifestEntry>>> results = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                results.add(pool.submit(() -> {
                    start.await();
                    List<ManifestEntry> appended = new ArrayList<>();
                    for (int i = 0; i < perThread; i++) {
                        ManifestEntry entry = new ManifestEntry("anchor", "s" + thread, "r" + i, "anchor/s" + thread
                                + "/r" + i + ".mp4", i, "ab".repeat(32), DownloadStatus.DOWNLOADED, Optional.empty());
                        appended.add(manifest.append(entry).get());
                    }
                    return appended;
                }));
            }
            start.countDown();
            for (Future<List<ManifestEntry>> result : results) {
                assertThat(result.get()).hasSize(perThread);
            }
        } finally {
            pool.shutdownNow();
        }
        List<String> lines = Files.readAllLines(dir.resolve(Manifest.FILE_NAME), StandardCharsets.UTF_8);
        assertThat(lines).hasSize(threads * perThread).doesNotHaveDuplicates();
        assertThat(Manifest.read(dir.resolve(Manifest.FILE_NAME)).get()).hasSize(threads * perThread);
    }
}
