package dev.tapedeck.micrometer;

import dev.tapedeck.archive.ArchiveListener;
import dev.tapedeck.archive.ManifestEntry;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/** Counts the entries of archive runs by provider and status, {@code waiting} for those not ready yet. */
final class ArchiveMetrics implements ArchiveListener {

    private final MeterRegistry registry;

    ArchiveMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void entryDone(ManifestEntry entry) {
        Counter.builder(TapedeckMetrics.ARCHIVE_ENTRIES).description("Archive entries done with")
                .tags("provider", entry.provider(), "status", entry.notReady() ? "waiting" : entry.status().wireName())
                .register(registry).increment();
    }
}
