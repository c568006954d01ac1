package com.example.consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tapedeck.archive.ArchiveSummary;
import dev.tapedeck.download.DownloadStatus;
import dev.tapedeck.sandbox.Sandbox;
import dev.tapedeck.spi.ProviderConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's metrics example against the sandbox, and the wire log that slf4j-simple writes meanwhile. */
class ArchiveWithMetricsTest {

    @Test
    void theRegistryHoldsTheArchiveRunsCallsBytesAndEntriesAndTheWireLogItsRequests(@TempDir Path folder)
            throws Exception {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        try (Sandbox sandbox = Sandbox.start()) {
            ProviderConfig.Builder config = ProviderConfig.builder()
                    .apiKey(sandbox.clientSettings("anchor").apiKey())
                    .baseUrl(sandbox.clientSettings("anchor").baseUrl());

            ArchiveSummary summary = ArchiveWithMetrics.newestSessions(config, registry, folder, 3);

            long downloaded = summary.count(DownloadStatus.DOWNLOADED);
            assertTrue(downloaded > 0, summary.toString());
            assertEquals(downloaded, registry.get("tapedeck.calls").tags("provider", "anchor", "operation", "media",
                    "outcome", "success").timer().count());
            assertEquals(downloaded, registry.get("tapedeck.archive.entries").tags("status", "downloaded").counter()
                    .count());
            assertTrue(registry.get("tapedeck.downloaded").counter().count() > 0);
            assertEquals(0, registry.get("tapedeck.downloads.active").gauge().value());

            String wire = Files.readString(Path.of("target", "wire.log"));
            assertTrue(wire.contains("--> anchor GET " + sandbox.clientSettings("anchor").baseUrl() + "/v1/sessions"),
                    wire);
            assertTrue(wire.contains("(sessions, attempt 1, "), wire);
            assertTrue(!wire.contains(sandbox.clientSettings("anchor").apiKey()), "the key is never logged");
        }
    }
}
