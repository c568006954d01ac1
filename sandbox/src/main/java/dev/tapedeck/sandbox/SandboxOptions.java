package dev.tapedeck.sandbox;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * How a {@link Sandbox} starts: where it listens, the seed of its data, its clock, the valid credentials and the
 * timings of the providers' state changes. Immutable; build one with {@link #builder()}. Secrets never appear in
 * {@link #toString()}.
 */
public final class SandboxOptions {

    /** The seed used unless another is given, so that two default sandboxes hold the same data. */
    public static final long DEFAULT_SEED = 20260309L;
    /** The default AnchorBrowser key ({@code anchor-api-key} header). */
    public static final String DEFAULT_ANCHOR_API_KEY = "sk-sandbox-anchor-0123456789abcdef";
    /** The default Notte key ({@code Authorization: Bearer}). */
    public static final String DEFAULT_NOTTE_API_KEY = "sk-sandbox-notte-0123456789abcdef";
    /** The default Kataven token, a JWT-like one that needs {@code X-Account-ID}. */
    public static final String DEFAULT_KATAVEN_TOKEN = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJzYW5kYm94In0.sandbox";
    /** The default Kataven account id, sent as {@code X-Account-ID}. */
    public static final String DEFAULT_KATAVEN_ACCOUNT_ID = "sandbox";
    /** The default long-lived Kataven key, {@code sk_live_<account>_<rest>}, which needs no X-Account-ID. */
    public static final String DEFAULT_KATAVEN_LIVE_KEY = "sk_live_sandbox_0123456789abcdef";

    static final Pattern ACCOUNT_ID = Pattern.compile("^[a-z0-9][a-z0-9_-]{0,62}$");

    private final String host;
    private final int apiPort;
    private final int mediaPort;
    private final int threads;
    private final long seed;
    private final Clock clock;
    private final Pauser pauser;
    private final String anchorApiKey;
    private final String notteApiKey;
    private final String katavenToken;
    private final String katavenLiveKey;
    private final String katavenAccountId;
    private final String signingKey;
    private final Duration presignTtl;
    private final Duration notteCloseAfter;
    private final Duration katavenReadyAfter;
    private final int katavenReadyAfterPolls;
    private final long largeRecordingBytes;

    private SandboxOptions(Builder b) {
        this.host = b.host;
        this.apiPort = b.apiPort;
        this.mediaPort = b.mediaPort;
        this.threads = b.threads;
        this.seed = b.seed;
        this.clock = b.clock;
        this.pauser = b.pauser;
        this.anchorApiKey = b.anchorApiKey;
        this.notteApiKey = b.notteApiKey;
        this.katavenToken = b.katavenToken;
        this.katavenLiveKey = b.katavenLiveKey;
        this.katavenAccountId = b.katavenAccountId;
        this.signingKey = b.signingKey == null ? "tapedeck-sandbox-signing-key-" + b.seed : b.signingKey;
        this.presignTtl = b.presignTtl;
        this.notteCloseAfter = b.notteCloseAfter;
        this.katavenReadyAfter = b.katavenReadyAfter;
        this.katavenReadyAfterPolls = b.katavenReadyAfterPolls;
        this.largeRecordingBytes = b.largeRecordingBytes;
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
        b.apiPort = apiPort;
        b.mediaPort = mediaPort;
        b.threads = threads;
        b.seed = seed;
        b.clock = clock;
        b.pauser = pauser;
        b.anchorApiKey = anchorApiKey;
        b.notteApiKey = notteApiKey;
        b.katavenToken = katavenToken;
        b.katavenLiveKey = katavenLiveKey;
        b.katavenAccountId = katavenAccountId;
        b.signingKey = signingKey;
        b.presignTtl = presignTtl;
        b.notteCloseAfter = notteCloseAfter;
        b.katavenReadyAfter = katavenReadyAfter;
        b.katavenReadyAfterPolls = katavenReadyAfterPolls;
        b.largeRecordingBytes = largeRecordingBytes;
        return b;
    }

    /** The address both servers bind to, {@code 127.0.0.1} by default. */
    public String host() {
        return host;
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

    /** The clock of every time-dependent behaviour: closing, readiness, URL expiry, rate-limit resets. */
    public Clock clock() {
        return clock;
    }

    /** How added latency and dribbled bodies wait. */
    public Pauser pauser() {
        return pauser;
    }

    /** The valid AnchorBrowser key. */
    public String anchorApiKey() {
        return anchorApiKey;
    }

    /** The valid Notte key. */
    public String notteApiKey() {
        return notteApiKey;
    }

    /** The valid Kataven token that must come with {@code X-Account-ID}. */
    public String katavenToken() {
        return katavenToken;
    }

    /** The valid long-lived Kataven key ({@code sk_live_<account>_...}), accepted without X-Account-ID. */
    public String katavenLiveKey() {
        return katavenLiveKey;
    }

    /** The Kataven account id the token belongs to. */
    public String katavenAccountId() {
        return katavenAccountId;
    }

    /** The HMAC key of presigned media URLs (derived from the seed unless given). */
    public String signingKey() {
        return signingKey;
    }

    /** How long presigned media URLs stay valid (5 minutes by default, Kataven's documented lifetime). */
    public Duration presignTtl() {
        return presignTtl;
    }

    /** How long after start the active Notte sessions close (30 s by default). */
    public Duration notteCloseAfter() {
        return notteCloseAfter;
    }

    /** How long after start the clock-driven processing Kataven recordings become ready (30 s by default). */
    public Duration katavenReadyAfter() {
        return katavenReadyAfter;
    }

    /** How many 409 answers the poll-driven processing Kataven recording gives before it is ready (3). */
    public int katavenReadyAfterPolls() {
        return katavenReadyAfterPolls;
    }

    /** The size of the large generated recording of AnchorBrowser session {@code sess_0003} (3 MiB). */
    public long largeRecordingBytes() {
        return largeRecordingBytes;
    }

    @Override
    public String toString() {
        return "SandboxOptions[host=" + host + ", apiPort=" + apiPort + ", mediaPort=" + mediaPort + ", seed=" + seed
                + ", threads=" + threads + ", presignTtl=" + presignTtl + ", notteCloseAfter=" + notteCloseAfter
                + ", katavenReadyAfter=" + katavenReadyAfter + ", katavenReadyAfterPolls=" + katavenReadyAfterPolls
                + ", largeRecordingBytes=" + largeRecordingBytes + ", keys=<redacted>]";
    }

    /** Collects option values; {@link #build()} validates them. Not thread-safe. */
    public static final class Builder {
        private String host = "127.0.0.1";
        private int apiPort;
        private int mediaPort;
        private int threads = 8;
        private long seed = DEFAULT_SEED;
        private Clock clock = Clock.systemUTC();
        private Pauser pauser = Pauser.SLEEP;
        private String anchorApiKey = DEFAULT_ANCHOR_API_KEY;
        private String notteApiKey = DEFAULT_NOTTE_API_KEY;
        private String katavenToken = DEFAULT_KATAVEN_TOKEN;
        private String katavenLiveKey = DEFAULT_KATAVEN_LIVE_KEY;
        private String katavenAccountId = DEFAULT_KATAVEN_ACCOUNT_ID;
        private String signingKey;
        private Duration presignTtl = Duration.ofMinutes(5);
        private Duration notteCloseAfter = Duration.ofSeconds(30);
        private Duration katavenReadyAfter = Duration.ofSeconds(30);
        private int katavenReadyAfterPolls = 3;
        private long largeRecordingBytes = 3L * 1024 * 1024;

        private Builder() {
        }

        /** Sets the bind address. */
        public Builder host(String value) {
            this.host = Objects.requireNonNull(value, "host");
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

        /** Sets the valid AnchorBrowser key. */
        public Builder anchorApiKey(String value) {
            this.anchorApiKey = Objects.requireNonNull(value, "anchorApiKey");
            return this;
        }

        /** Sets the valid Notte key. */
        public Builder notteApiKey(String value) {
            this.notteApiKey = Objects.requireNonNull(value, "notteApiKey");
            return this;
        }

        /** Sets the valid Kataven token (must not start with {@code sk_live_}). */
        public Builder katavenToken(String value) {
            this.katavenToken = Objects.requireNonNull(value, "katavenToken");
            return this;
        }

        /** Sets the valid long-lived Kataven key ({@code sk_live_<account>_<rest>}). */
        public Builder katavenLiveKey(String value) {
            this.katavenLiveKey = Objects.requireNonNull(value, "katavenLiveKey");
            return this;
        }

        /** Sets the Kataven account id. */
        public Builder katavenAccountId(String value) {
            this.katavenAccountId = Objects.requireNonNull(value, "katavenAccountId");
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

        /** Sets when, after start, the active Notte sessions close. */
        public Builder notteCloseAfter(Duration value) {
            this.notteCloseAfter = Objects.requireNonNull(value, "notteCloseAfter");
            return this;
        }

        /** Sets when, after start, the clock-driven Kataven recordings become ready. */
        public Builder katavenReadyAfter(Duration value) {
            this.katavenReadyAfter = Objects.requireNonNull(value, "katavenReadyAfter");
            return this;
        }

        /** Sets how many polls the poll-driven Kataven recording answers 409 before it is ready. */
        public Builder katavenReadyAfterPolls(int value) {
            this.katavenReadyAfterPolls = value;
            return this;
        }

        /** Sets the size of the large generated recording of {@code sess_0003}. */
        public Builder largeRecordingBytes(long value) {
            this.largeRecordingBytes = value;
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
            requireRange("katavenReadyAfterPolls", katavenReadyAfterPolls, 0, Integer.MAX_VALUE);
            if (largeRecordingBytes < 0) {
                throw new IllegalArgumentException("largeRecordingBytes must not be negative");
            }
            if (presignTtl.isNegative() || presignTtl.isZero()) {
                throw new IllegalArgumentException("presignTtl must be positive");
            }
            if (notteCloseAfter.isNegative() || katavenReadyAfter.isNegative()) {
                throw new IllegalArgumentException("notteCloseAfter and katavenReadyAfter must not be negative");
            }
            if (!ACCOUNT_ID.matcher(katavenAccountId).matches()) {
                throw new IllegalArgumentException("katavenAccountId must match " + ACCOUNT_ID.pattern());
            }
            if (katavenToken.startsWith("sk_live_")) {
                throw new IllegalArgumentException("katavenToken must not start with sk_live_ (use katavenLiveKey)");
            }
            if (!katavenLiveKey.startsWith("sk_live_" + katavenAccountId + "_")) {
                throw new IllegalArgumentException("katavenLiveKey must start with sk_live_<katavenAccountId>_");
            }
            if (anchorApiKey.isBlank() || notteApiKey.isBlank() || katavenToken.isBlank()) {
                throw new IllegalArgumentException("API keys must not be blank");
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
