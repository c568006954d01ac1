package dev.tapedeck.spring.boot;

import dev.tapedeck.ProviderMetadata;
import dev.tapedeck.ProviderSetting;
import dev.tapedeck.Tapedeck;
import dev.tapedeck.retry.RateLimit;
import dev.tapedeck.retry.RetryPolicy;
import dev.tapedeck.spi.ProviderConfig;
import dev.tapedeck.spi.Timeouts;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springframework.core.env.Environment;

/**
 * Turns the {@code tapedeck.providers.<id>.*} properties into each configured provider's {@link ProviderConfig}:
 * the properties set, Tapedeck's defaults for the rest, the provider's environment variables read through Spring's
 * {@link Environment}, then the {@link ProviderConfigCustomizer}s. A property Tapedeck refuses (an unknown provider or
 * setting, a zero timeout) stops the application at start-up with one message naming the property.
 */
final class ProviderConfigs {

    private final TapedeckProperties properties;
    private final Environment environment;
    private final List<ProviderConfigCustomizer> customizers;
    private final Map<String, ProviderMetadata> known;

    ProviderConfigs(TapedeckProperties properties, Environment environment, List<ProviderConfigCustomizer> customizers,
            ClassLoader loader) {
        this.properties = properties;
        this.environment = environment;
        this.customizers = List.copyOf(customizers);
        this.known = new TreeMap<>();
        Tapedeck.providers(loader).forEach(info -> known.put(info.id(), info.metadata()));
    }

    /** The ids of the configured providers, sorted. */
    List<String> ids() {
        return List.copyOf(properties.configured().keySet());
    }

    /** The configuration of configured provider {@code id}, customized. */
    ProviderConfig.Builder config(String id) {
        ProviderProperties provider = properties.configured().get(id);
        ProviderMetadata metadata = known.get(id);
        if (provider == null || metadata == null) {
            throw new IllegalStateException(property(id, "api-key") + " names no provider Tapedeck knows; known "
                    + "providers: " + String.join(", ", known.keySet()) + " (add the provider's jar to use another)");
        }
        ProviderConfig.Builder config = ProviderConfig.builder()
                .environment(name -> Optional.ofNullable(environment.getProperty(name)).filter(v -> !v.isBlank()));
        provider.apiKey().ifPresent(config::apiKey);
        provider.baseUrl().ifPresent(config::baseUrl);
        config.timeouts(timeouts(id, provider));
        provider.maxRetries().ifPresent(retries -> {
            try {
                config.retryPolicy(RetryPolicy.defaults().withMaxRetries(retries));
            } catch (IllegalArgumentException e) {
                throw invalid(id, "max-retries", e);
            }
        });
        provider.allowPrivateAddresses().ifPresent(config::allowPrivateAddresses);
        provider.apiBodyLimit().ifPresent(limit -> {
            try {
                config.apiBodyLimit(limit.toBytes());
            } catch (IllegalArgumentException e) {
                throw invalid(id, "api-body-limit", e);
            }
        });
        provider.rateLimit().ifPresent(text -> {
            try {
                config.rateLimit(RateLimit.parse(text));
            } catch (IllegalArgumentException e) {
                throw invalid(id, "rate-limit", e);
            }
        });
        provider.settings().forEach((key, value) -> config.setting(declared(metadata, key), value));
        customizers.forEach(customizer -> customizer.customize(id, config));
        return config;
    }

    private static Timeouts timeouts(String id, ProviderProperties provider) {
        Timeouts defaults = Timeouts.defaults();
        try {
            return new Timeouts(provider.connectTimeout().orElse(defaults.connect()),
                    provider.readIdleTimeout().orElse(defaults.readIdle()),
                    provider.overallTimeout().or(defaults::overall));
        } catch (IllegalArgumentException e) {
            throw invalid(id, "*-timeout", e);
        }
    }

    /** The declared setting {@code key} stands for, written with {@code -} or {@code _}, in any case. */
    private static ProviderSetting declared(ProviderMetadata metadata, String key) {
        String normal = key.strip().toLowerCase(Locale.ROOT).replace('-', '_');
        return metadata.setting(normal).orElseThrow(() -> new IllegalStateException(
                property(metadata.id(), "settings." + key) + ": " + metadata.displayName() + " has no setting '"
                        + normal + "'; its settings: " + (metadata.settings().isEmpty() ? "none"
                        : metadata.settings().stream().map(s -> s.key().replace('_', '-'))
                                .collect(Collectors.joining(", ")))));
    }

    private static IllegalStateException invalid(String id, String name, IllegalArgumentException cause) {
        return new IllegalStateException(property(id, name) + ": " + cause.getMessage(), cause);
    }

    static String property(String id, String name) {
        return "tapedeck.providers." + id + "." + name;
    }
}
