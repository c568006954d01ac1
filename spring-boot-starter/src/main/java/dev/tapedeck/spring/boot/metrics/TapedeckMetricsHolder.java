package dev.tapedeck.spring.boot.metrics;

import dev.tapedeck.micrometer.TapedeckMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;

/**
 * The application's {@link TapedeckMetrics}, made on first use from its {@link MeterRegistry} (the one registry, or
 * the primary of several); empty when it has none. Inject it to pass {@code archiveListener()} to archive runs.
 */
public final class TapedeckMetricsHolder {

    private final ObjectProvider<MeterRegistry> registry;
    private volatile Optional<TapedeckMetrics> metrics;

    TapedeckMetricsHolder(ObjectProvider<MeterRegistry> registry) {
        this.registry = registry;
    }

    /** The metrics on the application's registry, or empty when the application has no registry. */
    public Optional<TapedeckMetrics> metrics() {
        Optional<TapedeckMetrics> made = metrics;
        if (made == null) {
            synchronized (this) {
                if (metrics == null) {
                    metrics = Optional.ofNullable(registry.getIfAvailable()).map(TapedeckMetrics::of);
                }
                made = metrics;
            }
        }
        return made;
    }
}
