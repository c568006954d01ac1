package dev.tapedeck.sandbox.spi;

import java.net.URI;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What a client of one emulated provider needs: the base URL to give the provider, its valid API key, and any
 * other settings by the provider's setting keys (Kataven's {@code account_id}). The sandbox's keys are published
 * test values, yet {@code toString} masks the key like any other.
 *
 * @param baseUrl  the base URL for the provider, e.g. {@code http://127.0.0.1:PORT/anchor}
 * @param apiKey   a key the emulation accepts
 * @param settings further settings by key, in a stable order
 */
public record ClientSettings(URI baseUrl, String apiKey, Map<String, String> settings) {

    /** Checks for nulls and freezes the settings. */
    public ClientSettings {
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(apiKey, "apiKey");
        settings = Collections.unmodifiableMap(new LinkedHashMap<>(settings));
    }

    /** Settings with only a base URL and a key. */
    public static ClientSettings of(URI baseUrl, String apiKey) {
        return new ClientSettings(baseUrl, apiKey, Map.of());
    }

    @Override
    public String toString() {
        return "ClientSettings[baseUrl=" + baseUrl + ", apiKey=****, settings=" + settings.keySet() + "]";
    }
}
