package dev.tapedeck.spring.boot;

import dev.tapedeck.spi.ProviderConfig;

/**
 * Changes the {@link ProviderConfig} of a configured provider after the {@code tapedeck.providers.<id>.*}
 * properties were applied and before it connects: declare beans of this type to set what properties cannot (a
 * {@code RetryBudget}, a clock, an observer of the connection's calls). Applied in bean order, to the application's
 * connections and to the health checks' own connections alike.
 */
@FunctionalInterface
public interface ProviderConfigCustomizer {

    /** Changes {@code config}, the configuration of provider {@code providerId}. */
    void customize(String providerId, ProviderConfig.Builder config);
}
