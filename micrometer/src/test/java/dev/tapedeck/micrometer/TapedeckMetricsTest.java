package dev.tapedeck.micrometer;

import static dev.tapedeck.model.TapedeckException.orThrow;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tapedeck.Connection;
import dev.tapedeck.Tapedeck;
import dev.tapedeck.archive.ArchiveOptions;
import dev.tapedeck.archive.ArchiveSummary;
import dev.tapedeck.archive.Archiver;
import dev.tapedeck.archive.ManifestEntry;
import dev.tapedeck.download.DownloadStatus;
import dev.tapedeck.model.SessionId;
import dev.tapedeck.model.SessionQuery;
import dev.tapedeck.model.TapedeckError;
import dev.tapedeck.retry.Sleeper;
import dev.tapedeck.sandbox.Origin;
import dev.tapedeck.sandbox.Sandbox;
import dev.tapedeck.spi.ProviderConfig;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The metrics of real runs against the sandbox, read from a {@link SimpleMeterRegistry}. */
class TapedeckMetricsTest {

    private static final Sleeper NO_WAIT = duration -> { };

    @TempDir
    Path folder;

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final TapedeckMetrics metrics = TapedeckMetrics.of(registry);
    private Sandbox sandbox;
    private Connection anchor;

    @BeforeEach
    void connect() {
        sandbox = Sandbox.start();
        anchor = orThrow(Tapedeck.connect("anchor", ProviderConfig.builder()
                .apiKey(sandbox.clientSettings("anchor").apiKey())
                .baseUrl(sandbox.clientSettings("anchor").baseUrl())
                .sleeper(NO_WAIT)
                .environment(name -> Optional.empty())
                .observer(metrics)
                .build()));
    }

    @AfterEach
    void close() {
        anchor.close();
        sandbox.close();
    }

    private ArchiveSummary archive() {
        return orThrow(new Archiver(anchor.recordings(), anchor.history(), Clock.systemUTC(), NO_WAIT)
                .archive(SessionQuery.builder().limit(3).build(), folder, ArchiveOptions.defaults(),
                        metrics.archiveListener()));
    }

    @Test
    void anArchiveRunIsTimedCallsBytesDownloadedNoneInFlightAndItsEntriesByStatus() {
        ArchiveSummary summary = archive();

        assertThat(summary.count(DownloadStatus.DOWNLOADED)).isPositive();
        assertThat(calls("sessions", "success", "none").count()).isEqualTo(1);
        assertThat(calls("recordings", "success", "none").count()).isEqualTo(3);
        assertThat(calls("media", "success", "none").count()).isEqualTo(summary.count(DownloadStatus.DOWNLOADED));
        assertThat(calls("media", "success", "none").totalTime(java.util.concurrent.TimeUnit.NANOSECONDS))
                .isPositive();
        long bytes = summary.entries().stream().filter(entry -> entry.status() == DownloadStatus.DOWNLOADED)
                .mapToLong(ManifestEntry::sizeBytes).sum();
        assertThat(registry.get(TapedeckMetrics.DOWNLOADED).tag("provider", "anchor").counter().count())
                .isEqualTo(bytes);
        assertThat(registry.get(TapedeckMetrics.DOWNLOADED).counter().getId().getBaseUnit()).isEqualTo("bytes");
        assertThat(registry.get(TapedeckMetrics.DOWNLOADS_ACTIVE).tag("provider", "anchor").gauge().value())
                .isZero();
        assertThat(registry.get(TapedeckMetrics.ARCHIVE_ENTRIES).tags("provider", "anchor", "status", "downloaded")
                .counter().count()).isEqualTo(summary.count(DownloadStatus.DOWNLOADED));
        assertThat(registry.find(TapedeckMetrics.RETRIES).counters()).isEmpty();
    }

    @Test
    void retriesAreCountedByCauseAndFailuresTaggedWithTheirErrorType() {
        sandbox.faults().failNext(Origin.API, 1, 503);
        sandbox.faults().failNext(Origin.MEDIA, 1_000, 403);

        ArchiveSummary summary = archive();

        assertThat(registry.get(TapedeckMetrics.RETRIES).tags("provider", "anchor", "operation", "sessions",
                "cause", "http_503").counter().count()).isEqualTo(1);
        assertThat(calls("sessions", "success", "none").count()).isEqualTo(1);
        assertThat(calls("media", "failure", "forbidden").count()).isPositive();
        assertThat(registry.get(TapedeckMetrics.ARCHIVE_ENTRIES).tags("provider", "anchor", "status", "failed")
                .counter().count()).isEqualTo(summary.count(DownloadStatus.FAILED)).isPositive();
        assertThat(registry.find(TapedeckMetrics.DOWNLOADED).counters()).isEmpty();
    }

    @Test
    void anUnknownSessionIsAFailedCallTaggedNotFound() {
        TapedeckError error = anchor.recordings().recordings(SessionId.of("sess_9999")).getLeft();

        assertThat(error).isInstanceOf(TapedeckError.NotFound.class);
        assertThat(calls("recordings", "failure", "not_found").count()).isEqualTo(1);
    }

    @Test
    void metersFollowMicrometersNamingAndNeverTagAnIdOrAUrl() {
        archive();

        assertThat(registry.getMeters()).isNotEmpty().allSatisfy(meter -> {
            assertThat(meter.getId().getName()).matches("tapedeck(\\.[a-z]+)+");
            assertThat(meter.getId().getTags()).extracting(Tag::getKey)
                    .isSubsetOf("provider", "operation", "outcome", "error", "cause", "status");
            assertThat(meter.getId().getTags()).extracting(Tag::getValue)
                    .allSatisfy(value -> assertThat(value).matches("[a-z0-9_]+"));
        });
        assertThat(registry.getMeters().stream().map(Meter::getId).map(Meter.Id::getName)
                .collect(Collectors.toSet())).containsExactlyInAnyOrder(TapedeckMetrics.CALLS,
                TapedeckMetrics.DOWNLOADED, TapedeckMetrics.DOWNLOADS_ACTIVE, TapedeckMetrics.ARCHIVE_ENTRIES);
    }

    private Timer calls(String operation, String outcome, String error) {
        return registry.get(TapedeckMetrics.CALLS)
                .tags("provider", "anchor", "operation", operation, "outcome", outcome, "error", error).timer();
    }
}
