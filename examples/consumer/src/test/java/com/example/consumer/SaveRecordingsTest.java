package com.example.consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tapedeck.download.DownloadResult;
import dev.tapedeck.download.DownloadStatus;
import dev.tapedeck.model.TapedeckError;
import dev.tapedeck.sandbox.Origin;
import dev.tapedeck.sandbox.Sandbox;
import dev.tapedeck.spi.ProviderConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's Java quick start, run against the embedded sandbox as a user's test would. */
class SaveRecordingsTest {

    private static ProviderConfig config(Sandbox sandbox) {
        return ProviderConfig.builder()
                .apiKey(sandbox.clientSettings("anchor").apiKey())
                .baseUrl(sandbox.clientSettings("anchor").baseUrl())
                .build();
    }

    @Test
    void savesThePrimaryRecordingsOfCompletedSessions(@TempDir Path folder) throws Exception {
        try (Sandbox sandbox = Sandbox.start()) {
            SaveRecordings.Outcome outcome = SaveRecordings.completedSessions(config(sandbox), folder, 5);

            assertFalse(outcome.saved().isEmpty(), "nothing saved");
            for (DownloadResult result : outcome.saved()) {
                assertEquals(DownloadStatus.DOWNLOADED, result.status(), result.toString());
                assertTrue(result.path().startsWith(folder), result.path().toString());
                assertEquals(result.sizeBytes(), Files.size(result.path()));
            }
        }
    }

    @Test
    void downloadsRefusedByTheMediaHostAreFailuresNotSaves(@TempDir Path folder) throws Exception {
        try (Sandbox sandbox = Sandbox.start()) {
            sandbox.faults().failNext(Origin.MEDIA, 1_000, 403);

            SaveRecordings.Outcome outcome = SaveRecordings.completedSessions(config(sandbox), folder, 5);

            // Before, each of these was a "saved" result whose status was FAILED.
            assertEquals(0, outcome.saved().size(), outcome.saved().toString());
            assertEquals(5, outcome.failed().size(), outcome.failed().toString());
            for (TapedeckError error : outcome.failed()) {
                assertTrue(error instanceof TapedeckError.Forbidden, error.toString());
                assertTrue(SaveRecordings.advice(error).startsWith("check the key or fetch a fresh link: "),
                        SaveRecordings.advice(error));
            }
            try (Stream<Path> files = Files.walk(folder)) {
                assertTrue(files.filter(Files::isRegularFile).noneMatch(file -> file.toString().endsWith(".mp4")));
            }
        }
    }
}
