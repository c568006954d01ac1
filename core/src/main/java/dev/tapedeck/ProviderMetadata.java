package dev.tapedeck;

import dev.tapedeck.model.Capabilities;
import dev.tapedeck.model.ProviderFilter;
import dev.tapedeck.model.RecordingFormat;
import dev.tapedeck.retry.RateLimit;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Everything known about a provider without connecting to it, written once by the provider and read by discovery,
 * core, the command line and the sandbox: its id and name, where its documentation and API live, the settings and
 * environment variables it reads, what it supports, the provider filters it accepts, the recording formats it
 * serves, the SPI version it was built for, and the rate limit its API documents. Immutable; build one with {@link #builder}.
 *
 * @param id               the stable lower-case id, e.g. {@code anchor}: letters, digits and {@code -}
 * @param displayName      the name for people, e.g. {@code AnchorBrowser}
 * @param documentation    the provider's API reference
 * @param defaultBaseUrl   the public API, used unless {@code <ID>_BASE_URL} or an explicit base URL says otherwise
 * @param settings         what it reads besides the API key and base URL (Kataven's account id)
 * @param capabilities     what it supports, including how it supports each neutral history filter
 * @param providerFilters  the provider-specific history filters it accepts; core refuses any other key
 * @param recordingFormats the formats of the recordings it serves
 * @param spiVersion       the SPI version it was compiled against, as it declared it (see {@link SpiVersion})
 * @param rateLimit        what its documents say one account may send, which every connection keeps to unless
 *                         {@code <ID>_RATE_LIMIT} or {@code ProviderConfig} says otherwise; {@link
 *                         RateLimit#unlimited()} when they publish none
 */
public record ProviderMetadata(String id, String displayName, URI documentation, URI defaultBaseUrl,
        List<ProviderSetting> settings, Capabilities capabilities, List<ProviderFilter> providerFilters,
        Set<RecordingFormat> recordingFormats, String spiVersion, RateLimit rateLimit) {

    /** The key of the rate limit override, read as {@code <ID>_RATE_LIMIT}; no provider may declare it. */
    public static final String RATE_LIMIT_KEY = "rate_limit";

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,31}");

    /** Checks the id's form, absolute URLs, unique keys; freezes the collections. */
    public ProviderMetadata {
        Objects.requireNonNull(id, "id");
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("a provider id is 1 to 32 lower-case letters, digits or '-', starting"
                    + " with a letter or digit; was '" + id + "'");
        }
        requireText(displayName, "displayName");
        requireAbsolute(documentation, "documentation");
        requireAbsolute(defaultBaseUrl, "defaultBaseUrl");
        settings = List.copyOf(settings);
        Objects.requireNonNull(capabilities, "capabilities");
        providerFilters = List.copyOf(providerFilters);
        recordingFormats = Collections.unmodifiableSet(recordingFormats.isEmpty()
                ? EnumSet.noneOf(RecordingFormat.class) : EnumSet.copyOf(recordingFormats));
        requireText(spiVersion, "spiVersion");
        Objects.requireNonNull(rateLimit, "rateLimit");
        requireUnique(settings.stream().map(ProviderSetting::key).toList(), "setting");
        requireUnique(providerFilters.stream().map(ProviderFilter::key).toList(), "provider filter");
        for (ProviderSetting setting : settings) {
            if (setting.key().equals("api_key") || setting.key().equals("base_url")
                    || setting.key().equals(RATE_LIMIT_KEY)) {
                throw new IllegalArgumentException("'" + setting.key() + "' is read for every provider; do not"
                        + " declare it as a setting");
            }
        }
    }

    /**
     * Starts the metadata of provider {@code id}. Pass {@link SpiVersion#CURRENT} as {@code spiVersion}: it is a
     * compile-time constant, so the provider's class keeps the version it was compiled against.
     */
    public static Builder builder(String id, String displayName, String spiVersion) {
        return new Builder(id, displayName, spiVersion);
    }

    /**
     * The environment variables the provider reads, by the one naming rule ({@link EnvironmentVariable#nameFor}):
     * {@code <ID>_API_KEY}, {@code <ID>_BASE_URL}, then one per setting, then {@code <ID>_RATE_LIMIT}.
     */
    public List<EnvironmentVariable> environment() {
        List<EnvironmentVariable> all = new ArrayList<>();
        all.add(new EnvironmentVariable(EnvironmentVariable.nameFor(id, "api_key"), displayName + " API key", true));
        all.add(new EnvironmentVariable(EnvironmentVariable.nameFor(id, "base_url"),
                "the API base URL (default " + defaultBaseUrl + ")", false));
        settings.forEach(s -> all.add(new EnvironmentVariable(s.variable(id), s.description(), s.secret())));
        all.add(new EnvironmentVariable(EnvironmentVariable.nameFor(id, RATE_LIMIT_KEY), "the most requests sent, e.g."
                + " 60/1m,20 at once, or off (default " + rateLimit + ")", false));
        return List.copyOf(all);
    }

    /** The declared setting with {@code key}. */
    public Optional<ProviderSetting> setting(String key) {
        return settings.stream().filter(s -> s.key().equals(key)).findFirst();
    }

    /** The declared provider filter with {@code key}. */
    public Optional<ProviderFilter> providerFilter(String key) {
        return providerFilters.stream().filter(f -> f.key().equals(key)).findFirst();
    }

    private static void requireText(String value, String name) {
        if (Objects.requireNonNull(value, name).isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
    }

    private static void requireAbsolute(URI value, String name) {
        if (!Objects.requireNonNull(value, name).isAbsolute() || value.getHost() == null) {
            throw new IllegalArgumentException(name + " must be an absolute URL with a host, was " + value);
        }
    }

    private static void requireUnique(List<String> keys, String what) {
        Map<String, Boolean> seen = new LinkedHashMap<>();
        for (String key : keys) {
            if (seen.put(key, Boolean.TRUE) != null) {
                throw new IllegalArgumentException("the " + what + " '" + key + "' is declared twice");
            }
        }
    }

    /** Collects the metadata; {@link #build()} checks it. Not thread-safe. */
    public static final class Builder {
        private final String id;
        private final String displayName;
        private final String spiVersion;
        private URI documentation;
        private URI defaultBaseUrl;
        private final List<ProviderSetting> settings = new ArrayList<>();
        private Capabilities capabilities = Capabilities.builder().build();
        private final List<ProviderFilter> providerFilters = new ArrayList<>();
        private final Set<RecordingFormat> formats = EnumSet.noneOf(RecordingFormat.class);
        private RateLimit rateLimit = RateLimit.unlimited();

        private Builder(String id, String displayName, String spiVersion) {
            this.id = id;
            this.displayName = displayName;
            this.spiVersion = spiVersion;
        }

        /** The provider's API reference. */
        public Builder documentation(String url) {
            this.documentation = URI.create(url);
            return this;
        }

        /** The public API's base URL. */
        public Builder defaultBaseUrl(String url) {
            this.defaultBaseUrl = URI.create(url);
            return this;
        }

        /** Declares settings read besides the API key and base URL. */
        public Builder settings(ProviderSetting... values) {
            Collections.addAll(settings, values);
            return this;
        }

        /** What the provider supports. */
        public Builder capabilities(Capabilities value) {
            this.capabilities = Objects.requireNonNull(value, "capabilities");
            return this;
        }

        /** Declares provider-specific history filters. */
        public Builder providerFilters(ProviderFilter... values) {
            Collections.addAll(providerFilters, values);
            return this;
        }

        /** Declares the formats of the recordings the provider serves. */
        public Builder recordingFormats(RecordingFormat... values) {
            Collections.addAll(formats, values);
            return this;
        }

        /** The rate limit the provider's documents publish (say where in its Javadoc); unlimited by default. */
        public Builder rateLimit(RateLimit value) {
            this.rateLimit = Objects.requireNonNull(value, "rateLimit");
            return this;
        }

        /** Checks and builds. */
        public ProviderMetadata build() {
            return new ProviderMetadata(id, displayName, documentation, defaultBaseUrl, settings, capabilities,
                    providerFilters, formats, spiVersion, rateLimit);
        }
    }
}
