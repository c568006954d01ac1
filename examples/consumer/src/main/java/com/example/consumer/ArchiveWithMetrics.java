package com.example.consumer;

import static dev.tapedeck.model.TapedeckException.orThrow;

import dev.tapedeck.Connection;
import dev.tapedeck.Tapedeck;
import dev.tapedeck.archive.ArchiveOptions;
import dev.tapedeck.archive.ArchiveSummary;
import dev.tapedeck.archive.Archiver;
import dev.tapedeck.micrometer.TapedeckMetrics;
import dev.tapedeck.model.SessionQuery;
import dev.tapedeck.spi.ProviderConfig;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Path;

/** Archives the newest AnchorBrowser sessions while the application's MeterRegistry records Tapedeck's metrics. */
public final class ArchiveWithMetrics {

    private ArchiveWithMetrics() {
    }

    /** Archives up to {@code limit} sessions into {@code folder}, with the metrics of every call on {@code registry}. */
    public static ArchiveSummary newestSessions(ProviderConfig.Builder config, MeterRegistry registry, Path folder,
            long limit) {
        TapedeckMetrics metrics = TapedeckMetrics.of(registry);
        try (Connection anchor = orThrow(Tapedeck.connect("anchor", config.observer(metrics).build()))) {
            return orThrow(Archiver.of(anchor).archive(SessionQuery.builder().limit(limit).build(), folder,
                    ArchiveOptions.defaults(), metrics.archiveListener()));
        }
    }
}
