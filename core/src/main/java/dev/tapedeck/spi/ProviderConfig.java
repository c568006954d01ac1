package dev.tapedeck.spi;

import dev.tapedeck.EnvironmentVariable;
import dev.tapedeck.ProviderMetadata;
import dev.tapedeck.ProviderSetting;
import dev.tapedeck.model.Redaction;
import dev.tapedeck.model.TapedeckError;
import dev.tapedeck.observe.TapedeckObserver;
import dev.tapedeck.retry.RateLimit;
import dev.tapedeck.retry.RetryBudget;
import dev.tapedeck.retry.RetryPolicy;
import dev.tapedeck.retry.Sleeper;
import io.vavr.control.Either;
import java.net.URI;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Settings for one provider connection. Explicit values win; otherwise the environment is read under the
 * provider's prefix: {@code <ID>_API_KEY}, {@code <ID>_BASE_URL}, {@code <ID>_RATE_LIMIT} and {@code <ID>_<SETTING>}
 * (for example {@code KATAVEN_ACCOUNT_ID} for the setting {@code account_id}). {@code toString} never shows the key, a setting's
 * value, or the base URL's user-info or query string.
 */
public final class ProviderConfig {

    /** The largest API answer read by default: 8 MiB, far above any page a provider sends. */
    public static final long DEFAULT_API_BODY_LIMIT = 8L << 20;

    private final Optional<Secret> apiKey;
    private final Optional<URI> baseUrl;
    private final Map<String, String> settings;
    private final Timeouts timeouts;
    private final RetryPolicy retryPolicy;
    private final RetryBudget retryBudget;
    private final Optional<RateLimit> rateLimit;
    private final long apiBodyLimit;
    private final boolean allowPrivateAddresses;
    private final TapedeckObserver observer;
    private final int wireLogBodyLimit;
    private final Clock clock;
    private final Sleeper sleeper;
    private final Function<String, Optional<String>> environment;

    private ProviderConfig(Builder builder) {
        this.apiKey = Optional.ofNullable(builder.apiKey);
        this.baseUrl = Optional.ofNullable(builder.baseUrl);
        this.settings = Map.copyOf(builder.settings);
        this.timeouts = builder.timeouts;
        this.retryPolicy = builder.retryPolicy;
        this.retryBudget = builder.retryBudget;
        this.rateLimit = Optional.ofNullable(builder.rateLimit);
        this.apiBodyLimit = builder.apiBodyLimit;
        this.allowPrivateAddresses = builder.allowPrivateAddresses;
        this.observer = builder.observer;
        this.wireLogBodyLimit = builder.wireLogBodyLimit;
        this.clock = builder.clock;
        this.sleeper = builder.sleeper;
        this.environment = builder.environment;
    }

    /** A builder with defaults: no explicit values, the process environment, the system clock. */
    public static Builder builder() {
        return new Builder();
    }

    /** Only the environment, with default timeouts and retries. */
    public static ProviderConfig fromEnvironment() {
        return builder().build();
    }

    /** The API key: explicit, else {@code <ID>_API_KEY}. */
    public Optional<Secret> apiKey(String providerId) {
        return apiKey.or(() -> env(providerId, "API_KEY").map(Secret::of));
    }

    /** The base URL: explicit, else {@code <ID>_BASE_URL}; a malformed value is reported by the provider. */
    public Optional<String> baseUrl(String providerId) {
        return baseUrl.map(URI::toString).or(() -> env(providerId, "BASE_URL"));
    }

    /** A provider setting: explicit, else {@code <ID>_<KEY>} with the key upper-cased. */
    public Optional<String> setting(String providerId, String key) {
        return Optional.ofNullable(settings.get(key)).or(() -> env(providerId, key));
    }

    /** A declared setting (see {@link ProviderSetting}), read by the same rule, with surrounding blanks removed. */
    public Optional<String> setting(String providerId, ProviderSetting setting) {
        return setting(providerId, setting.key()).map(String::strip).filter(v -> !v.isEmpty());
    }

    /** The HTTP timeouts. */
    public Timeouts timeouts() {
        return timeouts;
    }

    /** The retry policy for API calls. */
    public RetryPolicy retryPolicy() {
        return retryPolicy;
    }

    /** The retry budget each connection starts with (a token bucket per connection). */
    public RetryBudget retryBudget() {
        return retryBudget;
    }

    /**
     * The rate limit of a connection to {@code providerId}: the explicit one, else {@code <ID>_RATE_LIMIT} (in
     * {@link RateLimit}'s text form, e.g. {@code 60/1m,20 at once} or {@code off}), else {@code declared}, what the
     * provider's metadata says. Left(Misconfigured), naming the variable and how to write it, when the variable is
     * malformed.
     */
    public Either<TapedeckError, RateLimit> rateLimit(String providerId, RateLimit declared) {
        Objects.requireNonNull(declared, "declared");
        if (rateLimit.isPresent()) {
            return Either.right(rateLimit.get());
        }
        String variable = EnvironmentVariable.nameFor(providerId, ProviderMetadata.RATE_LIMIT_KEY);
        Optional<String> text = env(providerId, ProviderMetadata.RATE_LIMIT_KEY);
        if (text.isEmpty()) {
            return Either.right(declared);
        }
        try {
            return Either.right(RateLimit.parse(text.get()));
        } catch (IllegalArgumentException malformed) {
            return Either.left(new TapedeckError.Misconfigured(providerId, variable + ": " + malformed.getMessage()));
        }
    }

    /** The most bytes read of one API answer (one page); a larger answer fails with an error naming this limit. */
    public long apiBodyLimit() {
        return apiBodyLimit;
    }

    /**
     * Whether a provider's answer may send downloads to loopback, link-local, private or unique-local addresses, or
     * to another port of this machine, over https or plain http. Off by default: only the same kind of address as the
     * base URL's is allowed then (the sandbox on loopback, say), and otherwise https to public addresses only.
     */
    public boolean allowPrivateAddresses() {
        return allowPrivateAddresses;
    }

    /**
     * What hears every call, retry and media body of the connections made with this config; {@link
     * TapedeckObserver#NONE} by default. The {@code tapedeck-micrometer} module's {@code TapedeckMetrics} is one.
     */
    public TapedeckObserver observer() {
        return observer;
    }

    /**
     * The most bytes of each API request and answer body that the wire log ({@code dev.tapedeck.http.wire}) shows
     * at TRACE, redacted; 0, the default, shows none. Media bodies are never logged.
     */
    public int wireLogBodyLimit() {
        return wireLogBodyLimit;
    }

    /** The clock for expiry checks and Retry-After dates. */
    public Clock clock() {
        return clock;
    }

    /** How to wait between retries and polls. */
    public Sleeper sleeper() {
        return sleeper;
    }

    private Optional<String> env(String providerId, String key) {
        return environment.apply(EnvironmentVariable.nameFor(providerId, key)).filter(v -> !v.isBlank());
    }

    @Override
    public String toString() {
        return "ProviderConfig[apiKey=" + (apiKey.isPresent() ? "****" : "not set explicitly")
                + ", baseUrl=" + baseUrl.map(Redaction::url).orElse("default")
                + ", settings=" + settings.keySet() + ", timeouts=" + timeouts + ", retryPolicy=" + retryPolicy
                + ", retryBudget=" + retryBudget + ", rateLimit=" + rateLimit.map(RateLimit::toString).orElse("default")
                + ", apiBodyLimit=" + apiBodyLimit
                + ", allowPrivateAddresses=" + allowPrivateAddresses + ", wireLogBodyLimit=" + wireLogBodyLimit
                + "]";
    }

    /** Mutable builder. */
    public static final class Builder {
        private Secret apiKey;
        private URI baseUrl;
        private final Map<String, String> settings = new LinkedHashMap<>();
        private Timeouts timeouts = Timeouts.defaults();
        private RetryPolicy retryPolicy = RetryPolicy.defaults();
        private RetryBudget retryBudget = RetryBudget.defaults();
        private RateLimit rateLimit;
        private long apiBodyLimit = DEFAULT_API_BODY_LIMIT;
        private boolean allowPrivateAddresses;
        private TapedeckObserver observer = TapedeckObserver.NONE;
        private int wireLogBodyLimit;
        private Clock clock = Clock.systemUTC();
        private Sleeper sleeper = Sleeper.system();
        private Function<String, Optional<String>> environment = name -> Optional.ofNullable(System.getenv(name));

        private Builder() {
        }

        /** The API key. */
        public Builder apiKey(String value) {
            this.apiKey = Secret.of(value);
            return this;
        }

        /** The API base URL, e.g. a sandbox's. */
        public Builder baseUrl(URI value) {
            this.baseUrl = Objects.requireNonNull(value, "baseUrl");
            return this;
        }

        /** A provider setting such as {@code account_id}. */
        public Builder setting(String key, String value) {
            settings.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /** A declared provider setting, e.g. a provider factory's {@code ACCOUNT_ID}. */
        public Builder setting(ProviderSetting setting, String value) {
            return setting(setting.key(), value);
        }

        /** HTTP timeouts. */
        public Builder timeouts(Timeouts value) {
            this.timeouts = Objects.requireNonNull(value, "timeouts");
            return this;
        }

        /** Retry policy for API calls. */
        public Builder retryPolicy(RetryPolicy value) {
            this.retryPolicy = Objects.requireNonNull(value, "retryPolicy");
            return this;
        }

        /** The retry budget of each connection; {@link RetryBudget#unlimited()} turns it off. */
        public Builder retryBudget(RetryBudget value) {
            this.retryBudget = Objects.requireNonNull(value, "retryBudget");
            return this;
        }

        /**
         * The rate limit of the connections, instead of {@code <ID>_RATE_LIMIT} and what the provider declares;
         * {@link RateLimit#unlimited()} turns limiting off.
         */
        public Builder rateLimit(RateLimit value) {
            this.rateLimit = Objects.requireNonNull(value, "rateLimit");
            return this;
        }

        /** The most bytes read of one API answer; default {@link #DEFAULT_API_BODY_LIMIT}. */
        public Builder apiBodyLimit(long bytes) {
            if (bytes < 1) {
                throw new IllegalArgumentException("the API body limit must be positive, was " + bytes);
            }
            this.apiBodyLimit = bytes;
            return this;
        }

        /** Lets downloads go to private and loopback addresses; see {@link ProviderConfig#allowPrivateAddresses()}. */
        public Builder allowPrivateAddresses(boolean value) {
            this.allowPrivateAddresses = value;
            return this;
        }

        /** What hears the connections' calls, retries and media bodies, e.g. {@code TapedeckMetrics.of(registry)}. */
        public Builder observer(TapedeckObserver value) {
            this.observer = Objects.requireNonNull(value, "observer");
            return this;
        }

        /**
         * Lets the wire log show up to {@code bytes} of each API request and answer body at TRACE, redacted; 0 (the
         * default) shows none. For debugging a provider's answers; media bodies are never logged.
         */
        public Builder wireLogBodyLimit(int bytes) {
            if (bytes < 0) {
                throw new IllegalArgumentException("the wire log body limit must not be negative, was " + bytes);
            }
            this.wireLogBodyLimit = bytes;
            return this;
        }

        /** Clock, for tests. */
        public Builder clock(Clock value) {
            this.clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        /** Sleeper, for tests. */
        public Builder sleeper(Sleeper value) {
            this.sleeper = Objects.requireNonNull(value, "sleeper");
            return this;
        }

        /** Where environment variables come from; {@code name -> Optional.empty()} ignores the environment. */
        public Builder environment(Function<String, Optional<String>> value) {
            this.environment = Objects.requireNonNull(value, "environment");
            return this;
        }

        /** Builds the immutable config. */
        public ProviderConfig build() {
            return new ProviderConfig(this);
        }
    }
}
