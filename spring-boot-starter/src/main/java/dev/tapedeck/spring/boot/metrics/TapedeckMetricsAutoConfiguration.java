package dev.tapedeck.spring.boot.metrics;

import dev.tapedeck.micrometer.TapedeckMetrics;
import dev.tapedeck.spring.boot.ProviderConfigCustomizer;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;

/**
 * Tapedeck's metrics on the application's {@link MeterRegistry}, when {@code tapedeck-micrometer} and Micrometer are
 * on the class path and {@code tapedeck.metrics.enabled} is not {@code false}: a {@link TapedeckMetrics} bean (its
 * {@code archiveListener()} is for archive runs) and a customizer that makes it the observer of every configured
 * provider's connection. The registry is looked up when a connection is configured, not when this is, so no
 * ordering against the application's metrics configuration is needed; without a registry nothing is recorded.
 */
@AutoConfiguration
@ConditionalOnClass({MeterRegistry.class, TapedeckMetrics.class})
@ConditionalOnProperty(prefix = "tapedeck.metrics", name = "enabled", matchIfMissing = true)
public class TapedeckMetricsAutoConfiguration {

    /** Made by Spring. */
    public TapedeckMetricsAutoConfiguration() {
    }

    /** Tapedeck's meters on the application's registry; absent when the application has none. */
    @Bean
    @ConditionalOnMissingBean
    TapedeckMetricsHolder tapedeckMetricsHolder(ObjectProvider<MeterRegistry> registry) {
        return new TapedeckMetricsHolder(registry);
    }

    /** Makes the metrics the observer of every configured provider's connection. */
    @Bean
    ProviderConfigCustomizer tapedeckMetricsObserver(TapedeckMetricsHolder metrics) {
        return (providerId, config) -> metrics.metrics().ifPresent(config::observer);
    }
}
