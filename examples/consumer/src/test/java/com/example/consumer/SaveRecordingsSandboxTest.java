package com.example.consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tapedeck.download.DownloadResult;
import dev.tapedeck.download.DownloadStatus;
import dev.tapedeck.junit.ClockSleeper;
import dev.tapedeck.junit.SandboxProvider;
import dev.tapedeck.junit.TapedeckSandbox;
import dev.tapedeck.model.TapedeckError;
import dev.tapedeck.model.TapedeckException;
import dev.tapedeck.sandbox.Counters;
import dev.tapedeck.sandbox.Faults;
import dev.tapedeck.sandbox.Origin;
import dev.tapedeck.spi.ProviderConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The quick start again, as a user tests code of their own with {@code @TapedeckSandbox}: one sandbox for the class,
 * reset between tests, with a provider's configuration and the sandbox's faults and counters as parameters.
 */
@TapedeckSandbox
class SaveRecordingsSandboxTest {

    @Test
    void savesThePrimaryRecordingOfEachCompletedSession(@SandboxProvider("anchor") ProviderConfig anchor,
            Counters counters, @TempDir Path folder) throws Exception {
        List<DownloadResult> saved = SaveRecordings.completedSessions(anchor, folder, 5).saved();

        assertFalse(saved.isEmpty(), "nothing saved");
        for (DownloadResult result : saved) {
            assertEquals(DownloadStatus.DOWNLOADED, result.status(), result.toString());
            assertEquals(result.sizeBytes(), Files.size(result.path()));
        }
        assertEquals(saved.size(), counters.requests(Origin.MEDIA));
    }

    @Test
    void anOutageIsAnErrorAfterTwoRetriesThatWaitOnTheSandboxClock(@SandboxProvider("anchor") ProviderConfig anchor,
            Faults faults, ClockSleeper sleeper, @TempDir Path folder) {
        faults.failNext(Origin.API, 3, 503);

        TapedeckException thrown = assertThrows(TapedeckException.class,
                () -> SaveRecordings.completedSessions(anchor, folder, 5));

        assertInstanceOf(TapedeckError.ProviderFailure.class, thrown.error());
        assertEquals(List.of(Duration.ofMillis(500), Duration.ofSeconds(1)), sleeper.sleeps());
    }
}
