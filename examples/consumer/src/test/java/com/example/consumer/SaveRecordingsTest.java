package com.example.consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tapedeck.download.DownloadResult;
import dev.tapedeck.download.DownloadStatus;
import dev.tapedeck.sandbox.Sandbox;
import dev.tapedeck.spi.ProviderConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's Java quick start, run against the embedded sandbox as a user's test would. */
class SaveRecordingsTest {

    @Test
    void savesThePrimaryRecordingsOfCompletedSessions(@TempDir Path folder) throws Exception {
        try (Sandbox sandbox = Sandbox.start()) {
            ProviderConfig config = ProviderConfig.builder()
                    .apiKey(sandbox.clientSettings("anchor").apiKey())
                    .baseUrl(sandbox.clientSettings("anchor").baseUrl())
                    .build();

            List<DownloadResult> saved = SaveRecordings.completedSessions(config, folder, 5).downloads();

            assertFalse(saved.isEmpty(), "nothing saved");
            for (DownloadResult result : saved) {
                assertEquals(DownloadStatus.DOWNLOADED, result.status(), result.toString());
                assertTrue(result.path().startsWith(folder), result.path().toString());
                assertEquals(result.sizeBytes(), Files.size(result.path()));
            }
        }
    }
}
