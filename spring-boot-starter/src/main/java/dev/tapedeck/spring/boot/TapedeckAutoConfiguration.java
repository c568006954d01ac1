package dev.tapedeck.spring.boot;

import dev.tapedeck.Tapedeck;
import dev.tapedeck.retry.RetryPolicy;
import dev.tapedeck.spi.ProviderConfig;
import dev.tapedeck.spi.Timeouts;
import dev.tapedeck.spring.boot.health.ProviderHealthCheck;
import dev.tapedeck.spring.boot.health.ProviderHealthChecks;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;

/**
 * Tapedeck in a Spring Boot application: binds {@link TapedeckProperties}, opens a connection per configured provider
 * ({@link TapedeckConnections}, plus a {@code Connection} bean per provider), and, unless
 * {@code tapedeck.health.enabled=false}, a {@link ProviderHealthCheck} per provider that the health indicators of
 * Spring Boot 3 or 4 report. Every provider's configuration passes through the {@link ProviderConfigCustomizer}
 * beans, which is where the application attaches what properties cannot express.
 */
@AutoConfiguration
@EnableConfigurationProperties(TapedeckProperties.class)
@Import(ConnectionBeans.class)
public class TapedeckAutoConfiguration {

    /** Made by Spring. */
    public TapedeckAutoConfiguration() {
    }

    /** The configurations of the configured providers, built once. */
    @Bean
    ProviderConfigs tapedeckProviderConfigs(TapedeckProperties properties, Environment environment,
            ObjectProvider<ProviderConfigCustomizer> customizers) {
        return new ProviderConfigs(properties, environment, customizers.orderedStream().collect(Collectors.toList()),
                loader());
    }

    /** The connections of the configured providers, closed when the application stops. */
    @Bean
    @ConditionalOnMissingBean
    TapedeckConnections tapedeckConnections(ProviderConfigs configs) {
        return TapedeckConnections.open(configs.ids(), id -> configs.config(id).build(), loader());
    }

    /**
     * A health check per configured provider, on connections of their own that never retry and give up after
     * {@code tapedeck.health.timeout}.
     */
    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnProperty(prefix = "tapedeck.health", name = "enabled", matchIfMissing = true)
    @Conditional(ConfiguredProviders.AnyConfigured.class)
    ProviderHealthChecks tapedeckHealthChecks(ProviderConfigs configs, TapedeckProperties properties,
            TapedeckConnections connections) {
        Duration timeout = properties.health().timeout();
        List<ProviderHealthCheck> checks = connections.ids().stream().map(id -> new ProviderHealthCheck(id, () -> {
            ProviderConfig.Builder probe = configs.config(id).retryPolicy(RetryPolicy.none())
                    .timeouts(new Timeouts(timeout, timeout, Optional.of(timeout)));
            return Tapedeck.connect(id, probe.build(), loader());
        }, properties.health().cacheFor(), Clock.systemUTC())).collect(Collectors.toList());
        return new ProviderHealthChecks(checks);
    }

    private static ClassLoader loader() {
        return TapedeckAutoConfiguration.class.getClassLoader();
    }
}
