package dev.tapedeck.sandbox;

import dev.tapedeck.sandbox.spi.SandboxScenario;
import java.time.Clock;
import java.time.Duration;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * How a {@link Sandbox} starts: where it listens, the seed of its data, which data (the realistic demo, or with
 * hostile values for tests: {@link SandboxScenario}), its clock, how presigned media URLs are
 * signed, the settings of each emulated provider (its keys and timings, by the keys its emulator documents), and the
 * class loader emulators are found through. Immutable; build one with {@link #builder()}. Setting values (keys among
 * them) never appear in {@link #toString()}.
 */
public final class SandboxOptions {

    /** The seed used unless another is given, so that two default sandboxes hold the same data. */
    public static final long DEFAULT_SEED = 20260309L;

    private static final Pattern SETTING_KEY = Pattern.compile("[a-z0-9][a-z0-9_]{0,63}");
    private static final Pattern PUBLIC_HOST = Pattern.compile("[A-Za-z0-9.-]{1,253}|\\[[0-9A-Fa-f:.]{2,45}]");

    private final String host;
    private final Optional<String> publicHost;
    private final int apiPort;
    private final int mediaPort;
    private final int threads;
    private final long seed;
    private final SandboxScenario scenario;
    private final Clock clock;
    private final Pauser pauser;
    private final String signingKey;
    private final Duration presignTtl;
    private final Map<String, Map<String, String>> settings;
    private final Optional<ClassLoader> emulatorLoader;

    private SandboxOptions(Builder b) {
        this.host = b.host;
        this.publicHost = Optional.ofNullable(b.publicHost);
        this.apiPort = b.apiPort;
        this.mediaPort = b.mediaPort;
        this.threads = b.threads;
        this.seed = b.seed;
        this.scenario = b.scenario;
        this.clock = b.clock;
        this.pauser = b.pauser;
        this.signingKey = b.signingKey == null ? "tapedeck-sandbox-signing-key-" + b.seed : b.signingKey;
        this.presignTtl = b.presignTtl;
        Map<String, Map<String, String>> copy = new TreeMap<>();
        b.settings.forEach((provider, values) -> copy.put(provider, Collections.unmodifiableMap(new TreeMap<>(values))));
        this.settings = Collections.unmodifiableMap(copy);
        this.emulatorLoader = Optional.ofNullable(b.emulatorLoader);
    }

    /** The defaults: loopback, ephemeral ports, {@link #DEFAULT_SEED}, the system UTC clock. */
    public static SandboxOptions defaults() {
        return builder().build();
    }

    /** A builder holding the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding these options, to change some of them. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.host = host;
        b.publicHost = publicHost.orElse(null);
        b.apiPort = apiPort;
        b.mediaPort = mediaPort;
        b.threads = threads;
        b.seed = seed;
        b.scenario = scenario;
        b.clock = clock;
        b.pauser = pauser;
        b.signingKey = signingKey;
        b.presignTtl = presignTtl;
        settings.forEach((provider, values) -> b.settings.put(provider, new TreeMap<>(values)));
        b.emulatorLoader = emulatorLoader.orElse(null);
        return b;
    }

    /** The address both servers bind to, {@code 127.0.0.1} by default. */
    public String host() {
        return host;
    }

    /**
     * The host name written into every URL the sandbox hands out (base URLs, presigned media links) when it is not
     * the bound address: the name other machines or containers reach it by. Empty by default: the bound address, or
     * {@code 127.0.0.1} when that is a wildcard such as {@code 0.0.0.0}.
     */
    public Optional<String> publicHost() {
        return publicHost;
    }

    /** The API server's port; 0 (the default) picks a free one. */
    public int apiPort() {
        return apiPort;
    }

    /** The media host's port; 0 (the default) picks a free one. */
    public int mediaPort() {
        return mediaPort;
    }

    /** Threads serving each of the two servers (8 by default), so parallel downloads really run in parallel. */
    public int threads() {
        return threads;
    }

    /** The seed of the generated data and of the random share of failures. */
    public long seed() {
        return seed;
    }

    /** Which data the emulators serve: {@link SandboxScenario#DEMO} unless set. */
    public SandboxScenario scenario() {
        return scenario;
    }

    /** The clock of every time-dependent behaviour: closing, readiness, URL expiry, rate-limit resets. */
    public Clock clock() {
        return clock;
    }

    /** How added latency and dribbled bodies wait. */
    public Pauser pauser() {
        return pauser;
    }

    /** The HMAC key of presigned media URLs (derived from the seed unless given). */
    public String signingKey() {
        return signingKey;
    }

    /** How long presigned media URLs stay valid (5 minutes by default, Kataven's documented lifetime). */
    public Duration presignTtl() {
        return presignTtl;
    }

    /** The settings given for emulated provider {@code providerId}, by key; empty when none. */
    public Map<String, String> settings(String providerId) {
        return settings.getOrDefault(providerId, Map.of());
    }

    /** The class loader emulators are discovered through besides the sandbox's own; empty: the context loader. */
    public Optional<ClassLoader> emulatorLoader() {
        return emulatorLoader;
    }

    @Override
    public String toString() {
        StringBuilder keys = new StringBuilder();
        settings.forEach((provider, values) -> values.keySet().forEach(key -> keys.append(keys.length() == 0 ? ""
                : ", ").append(provider).append('.').append(key)));
        return "SandboxOptions[host=" + host + publicHost.map(h -> ", publicHost=" + h).orElse("") + ", apiPort=" + apiPort + ", mediaPort=" + mediaPort + ", seed=" + seed
                + ", scenario=" + scenario + ", threads=" + threads + ", presignTtl=" + presignTtl + ", settings=["
                + keys + "] (values redacted)]";
    }

    /** Collects option values; {@link #build()} validates them. Not thread-safe. */
    public static final class Builder {
        private String host = "127.0.0.1";
        private String publicHost;
        private int apiPort;
        private int mediaPort;
        private int threads = 8;
        private long seed = DEFAULT_SEED;
        private SandboxScenario scenario = SandboxScenario.DEMO;
        private Clock clock = Clock.systemUTC();
        private Pauser pauser = Pauser.SLEEP;
        private String signingKey;
        private Duration presignTtl = Duration.ofMinutes(5);
        private final Map<String, Map<String, String>> settings = new TreeMap<>();
        private ClassLoader emulatorLoader;

        private Builder() {
        }

        /** Sets the bind address. */
        public Builder host(String value) {
            this.host = Objects.requireNonNull(value, "host");
            return this;
        }

        /** Sets the host name written into the URLs the sandbox hands out; see {@link SandboxOptions#publicHost()}. */
        public Builder publicHost(String value) {
            if (!PUBLIC_HOST.matcher(Objects.requireNonNull(value, "publicHost")).matches()) {
                throw new IllegalArgumentException("a public host is a host name or an IP address (IPv6 in brackets),"
                        + " was '" + value + "'");
            }
            this.publicHost = value;
            return this;
        }

        /** Sets the API server's port (0 = any free port). */
        public Builder apiPort(int value) {
            this.apiPort = value;
            return this;
        }

        /** Sets the media host's port (0 = any free port). */
        public Builder mediaPort(int value) {
            this.mediaPort = value;
            return this;
        }

        /** Sets the number of serving threads per server. */
        public Builder threads(int value) {
            this.threads = value;
            return this;
        }

        /** Sets the data seed. */
        public Builder seed(long value) {
            this.seed = value;
            return this;
        }

        /** Sets which data the emulators serve; tests of hostile input choose {@link SandboxScenario#HOSTILE}. */
        public Builder scenario(SandboxScenario value) {
            this.scenario = Objects.requireNonNull(value, "scenario");
            return this;
        }

        /** Sets the clock, e.g. a {@link ManualClock}. */
        public Builder clock(Clock value) {
            this.clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        /** Sets how latency and dribbling wait. */
        public Builder pauser(Pauser value) {
            this.pauser = Objects.requireNonNull(value, "pauser");
            return this;
        }

        /** Sets the HMAC key of presigned URLs. */
        public Builder signingKey(String value) {
            this.signingKey = Objects.requireNonNull(value, "signingKey");
            return this;
        }

        /** Sets the lifetime of presigned URLs. */
        public Builder presignTtl(Duration value) {
            this.presignTtl = Objects.requireNonNull(value, "presignTtl");
            return this;
        }

        /**
         * Sets a setting of emulated provider {@code providerId}, by a key its emulator documents (e.g. Kataven's
         * {@code ready_after_polls}); the emulator checks the value when the sandbox starts.
         */
        public Builder setting(String providerId, String key, String value) {
            Objects.requireNonNull(providerId, "providerId");
            Objects.requireNonNull(value, "value");
            if (!SETTING_KEY.matcher(Objects.requireNonNull(key, "key")).matches()) {
                throw new IllegalArgumentException("a sandbox setting key is lower-case letters, digits and '_',"
                        + " was '" + key + "'");
            }
            settings.computeIfAbsent(providerId, id -> new TreeMap<>()).put(key, value);
            return this;
        }

        /** Sets the class loader emulators are discovered through (e.g. one holding plug-in jars). */
        public Builder emulatorLoader(ClassLoader value) {
            this.emulatorLoader = Objects.requireNonNull(value, "emulatorLoader");
            return this;
        }

        /**
         * Validates and builds.
         *
         * @throws IllegalArgumentException naming the first invalid value
         */
        public SandboxOptions build() {
            requireRange("apiPort", apiPort, 0, 65535);
            requireRange("mediaPort", mediaPort, 0, 65535);
            requireRange("threads", threads, 1, 256);
            if (presignTtl.isNegative() || presignTtl.isZero()) {
                throw new IllegalArgumentException("presignTtl must be positive");
            }
            return new SandboxOptions(this);
        }

        private static void requireRange(String name, int value, int min, int max) {
            if (value < min || value > max) {
                throw new IllegalArgumentException(name + " must be in " + min + ".." + max + ", was " + value);
            }
        }
    }
}
