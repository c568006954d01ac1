package dev.tapedeck.spring.boot;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.util.unit.DataSize;

/**
 * The properties of one provider, {@code tapedeck.providers.<id>.*}. Each one left out keeps Tapedeck's own default
 * (see the README's "Timeouts, retries and where downloads may go"); a base URL or setting left out is read from the
 * provider's environment variable ({@code <ID>_BASE_URL}, {@code <ID>_<SETTING>}) through Spring's environment.
 * Immutable; {@code toString} shows which are set, never the key or a setting's value.
 */
public final class ProviderProperties {

    /** The API key; the provider gets a Connection bean only when it is set. */
    private final String apiKey;

    /** The API base URL; unset: <ID>_BASE_URL, else the provider's public API. */
    private final URI baseUrl;

    /** How long to wait to connect; unset: 10s. */
    private final Duration connectTimeout;

    /** The longest silence while an answer or a download arrives; unset: 60s. */
    private final Duration readIdleTimeout;

    /** The longest one API call may take in all, retries included; unset: 5m. Downloads have none. */
    private final Duration overallTimeout;

    /** Retries of a failed API read or download; unset: 2. */
    private final Integer maxRetries;

    /** Let downloads go to private, loopback and link-local addresses, and over plain http to them; unset: false. */
    private final Boolean allowPrivateAddresses;

    /** The most read of one API answer; unset: 8MB. */
    private final DataSize apiBodyLimit;

    /**
     * The most API requests sent, e.g. 60/1m,1000/1h,20 at once, or off; unset: <ID>_RATE_LIMIT, else what the
     * provider's documents publish.
     */
    private final String rateLimit;

    /** The provider's own settings by key, e.g. account-id (its variable is <ID>_ACCOUNT_ID). */
    private final Map<String, String> settings;

    /** Bound by Spring from the environment; any value may be missing. */
    public ProviderProperties(String apiKey, URI baseUrl, Duration connectTimeout, Duration readIdleTimeout,
            Duration overallTimeout, Integer maxRetries, Boolean allowPrivateAddresses, DataSize apiBodyLimit,
            String rateLimit, Map<String, String> settings) {
        this.apiKey = apiKey == null || apiKey.isBlank() ? null : apiKey.strip();
        this.baseUrl = baseUrl;
        this.connectTimeout = connectTimeout;
        this.readIdleTimeout = readIdleTimeout;
        this.overallTimeout = overallTimeout;
        this.maxRetries = maxRetries;
        this.allowPrivateAddresses = allowPrivateAddresses;
        this.apiBodyLimit = apiBodyLimit;
        this.rateLimit = rateLimit == null || rateLimit.isBlank() ? null : rateLimit.strip();
        this.settings = settings == null ? Map.of() : Map.copyOf(settings);
    }

    /** The API key. */
    public Optional<String> apiKey() {
        return Optional.ofNullable(apiKey);
    }

    /** The base URL. */
    public Optional<URI> baseUrl() {
        return Optional.ofNullable(baseUrl);
    }

    /** The connect timeout. */
    public Optional<Duration> connectTimeout() {
        return Optional.ofNullable(connectTimeout);
    }

    /** The read-idle timeout. */
    public Optional<Duration> readIdleTimeout() {
        return Optional.ofNullable(readIdleTimeout);
    }

    /** The overall timeout of one API call. */
    public Optional<Duration> overallTimeout() {
        return Optional.ofNullable(overallTimeout);
    }

    /** The number of retries. */
    public Optional<Integer> maxRetries() {
        return Optional.ofNullable(maxRetries);
    }

    /** Whether downloads may go to private addresses. */
    public Optional<Boolean> allowPrivateAddresses() {
        return Optional.ofNullable(allowPrivateAddresses);
    }

    /** The API body limit. */
    public Optional<DataSize> apiBodyLimit() {
        return Optional.ofNullable(apiBodyLimit);
    }

    /** The rate limit, in its text form. */
    public Optional<String> rateLimit() {
        return Optional.ofNullable(rateLimit);
    }

    /** The provider's own settings, by key as written ({@code account-id} or {@code account_id}). */
    public Map<String, String> settings() {
        return settings;
    }

    @Override
    public String toString() {
        return "ProviderProperties[apiKey=" + (apiKey == null ? "not set" : "****") + ", baseUrl="
                + (baseUrl == null ? "not set" : dev.tapedeck.model.Redaction.url(baseUrl)) + ", connectTimeout="
                + connectTimeout + ", readIdleTimeout=" + readIdleTimeout + ", overallTimeout=" + overallTimeout
                + ", maxRetries=" + maxRetries + ", allowPrivateAddresses=" + allowPrivateAddresses
                + ", apiBodyLimit=" + apiBodyLimit + ", rateLimit=" + rateLimit + ", settings=" + new TreeMap<>(settings).keySet() + "]";
    }
}
