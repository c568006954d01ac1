package dev.tapedeck.spring.boot;

import java.util.Map;
import java.util.TreeMap;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.NestedConfigurationProperty;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The {@code tapedeck.*} properties: one {@link ProviderProperties} per provider id under
 * {@code tapedeck.providers.<id>}, and the health indicators' {@link HealthProperties} under {@code tapedeck.health}.
 * Immutable; {@code toString} shows no key or setting value.
 */
@ConfigurationProperties("tapedeck")
public final class TapedeckProperties {

    /**
     * The providers by id: tapedeck.providers.<id>.api-key, base-url, connect-timeout, read-idle-timeout,
     * overall-timeout, max-retries, allow-private-addresses, api-body-limit, rate-limit and settings.<key>. A
     * provider gets a connection when its api-key is set.
     */
    private final Map<String, ProviderProperties> providers;

    /** The health indicators of the configured providers. */
    @NestedConfigurationProperty
    private final HealthProperties health;

    /** Bound by Spring from the environment. */
    public TapedeckProperties(Map<String, ProviderProperties> providers,
            @DefaultValue HealthProperties health) {
        this.providers = providers == null ? Map.of() : Map.copyOf(new TreeMap<>(providers));
        this.health = health;
    }

    /** The providers by id, those without a key included; empty when none. */
    public Map<String, ProviderProperties> providers() {
        return providers;
    }

    /** The providers whose {@code api-key} is set, by id, sorted. */
    public Map<String, ProviderProperties> configured() {
        Map<String, ProviderProperties> configured = new TreeMap<>();
        providers.forEach((id, provider) -> {
            if (provider.apiKey().isPresent()) {
                configured.put(id, provider);
            }
        });
        return configured;
    }

    /** The health indicators' settings. */
    public HealthProperties health() {
        return health;
    }

    @Override
    public String toString() {
        return "TapedeckProperties[providers=" + new TreeMap<>(providers) + ", health=" + health + "]";
    }
}
