package dev.tapedeck.cli;

import dev.tapedeck.retry.RateLimit;
import dev.tapedeck.spi.ProviderConfig;
import dev.tapedeck.spi.Timeouts;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** The options every command accepts, before or after the command name. */
final class GlobalOptions {

    /**
     * The library's messages name the {@code ProviderConfig} setting that would change what went wrong; on the
     * command line the option that sets it is named instead.
     */
    static final Map<String, String> OPTION_FOR_SETTING = Map.of(
            "ProviderConfig timeouts overall", "--timeout",
            "ProviderConfig timeouts readIdle", "--idle-timeout",
            "ProviderConfig allowPrivateAddresses", "--allow-private-addresses",
            "ProviderConfig apiBodyLimit", "--api-body-limit");

    @Option(names = "--provider", paramLabel = "ID", split = ",", scope = ScopeType.INHERIT,
            description = "Provider id(s), comma-separated or repeated, e.g. anchor,notte. Default: all that apply.")
    List<String> providers = new ArrayList<>();

    @Option(names = "--base-url", paramLabel = "URL", scope = ScopeType.INHERIT,
            description = "API base URL of the one selected provider.")
    String baseUrl;

    @Option(names = "--rate-limit", paramLabel = "LIMIT", scope = ScopeType.INHERIT,
            description = "The most API requests sent to the one selected provider instead of what it declares, e.g. "
                    + "60/1m,1000/1h,20 at once, or off (also <ID>_RATE_LIMIT).")
    String rateLimit;

    @Option(names = "--sandbox", scope = ScopeType.INHERIT,
            description = "Start the built-in sandbox and point every provider at it; needs no keys.")
    boolean sandbox;

    @Option(names = "--json", scope = ScopeType.INHERIT, description = "Print JSON Lines on stdout.")
    boolean json;

    @Option(names = "--reveal-urls", scope = ScopeType.INHERIT,
            description = "With --json, print recordings' presigned URLs whole, signature included, for scripts that "
                    + "fetch them; by default their signature and credential parameters read REDACTED.")
    boolean revealUrls;

    @Option(names = "--verbose", scope = ScopeType.INHERIT,
            description = "Print stack traces of errors and the debug log, HTTP requests included.")
    boolean verbose;

    @Option(names = "--log-http", paramLabel = "WHAT", scope = ScopeType.INHERIT,
            description = "Log HTTP traffic on stderr, redacted: requests (a line per request and answer), headers "
                    + "(and their headers) or bodies (and the first 4 KiB of each API body; never media).")
    HttpLogging logHttp;

    @Option(names = "--timeout", paramLabel = "DURATION", converter = Durations.class, scope = ScopeType.INHERIT,
            description = "The longest one API call may take in all: every try, the waits between them and reading "
                    + "each answer (30s, 2m, PT30S; default 5m). Downloads have no overall timeout.")
    Duration timeout;

    @Option(names = "--idle-timeout", paramLabel = "DURATION", converter = Durations.class,
            scope = ScopeType.INHERIT, description = "The longest silence while an answer or a download arrives "
                    + "(30s, 2m, PT30S; default 60s).")
    Duration idleTimeout;

    @Option(names = "--allow-private-addresses", scope = ScopeType.INHERIT,
            description = "Let downloads go to private, loopback and link-local addresses, and over plain http to "
                    + "them (e.g. media behind an S3 VPC endpoint). Off by default: only https to public addresses.")
    boolean allowPrivateAddresses;

    @Option(names = "--api-body-limit", paramLabel = "SIZE", converter = ByteSizes.class, scope = ScopeType.INHERIT,
            description = "The most read of one API answer, one page (16MiB, 512KiB, bytes; default 8MiB).")
    Long apiBodyLimit;

    /**
     * The timeouts {@code --timeout} and {@code --idle-timeout} ask for, each defaulting to {@link
     * Timeouts#defaults()}; a zero duration is a usage error naming the option.
     */
    Timeouts timeouts() {
        Timeouts defaults = Timeouts.defaults();
        Duration idle = positive("--idle-timeout", idleTimeout).orElse(defaults.readIdle());
        Optional<Duration> overall = positive("--timeout", timeout).or(defaults::overall);
        return new Timeouts(defaults.connect(), idle, overall);
    }

    /** The {@code --api-body-limit} value, checked, or the library's default. */
    long apiBodyLimit() {
        if (apiBodyLimit == null) {
            return ProviderConfig.DEFAULT_API_BODY_LIMIT;
        }
        if (apiBodyLimit < 1) {
            throw CliFailure.usage("--api-body-limit must be at least 1 byte, was " + apiBodyLimit);
        }
        return apiBodyLimit;
    }

    private static Optional<Duration> positive(String option, Duration value) {
        if (value != null && value.isZero()) {
            throw CliFailure.usage(option + " must be longer than zero; write e.g. 30s, 2m or PT30S");
        }
        return Optional.ofNullable(value);
    }

    /** The most bytes of each API body the wire log shows: 4 KiB with {@code --log-http bodies}, else none. */
    int wireLogBodyLimit() {
        return logHttp == null ? 0 : logHttp.bodyLimit();
    }

    @Option(names = "--fields", paramLabel = "NAMES", split = ",", scope = ScopeType.INHERIT,
            description = "The fields to print, by their JSON names, comma-separated, for tables and --json alike, "
                    + "e.g. id,status,providerData. Default: all for --json, the usual columns for tables.")
    List<String> fields;

    /** The {@code --fields} names, trimmed, without blanks; empty when not given. */
    Optional<List<String>> fields() {
        if (fields == null) {
            return Optional.empty();
        }
        List<String> names = new ArrayList<>();
        fields.stream().map(String::strip).filter(name -> !name.isEmpty() && !names.contains(name))
                .forEach(names::add);
        return Optional.of(names);
    }

    /** The {@code --rate-limit} value, checked. */
    Optional<RateLimit> rateLimit() {
        if (rateLimit == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(RateLimit.parse(rateLimit));
        } catch (IllegalArgumentException malformed) {
            throw CliFailure.usage("--rate-limit: " + malformed.getMessage());
        }
    }

    /** The {@code --base-url} value, checked. */
    Optional<URI> baseUrl() {
        return baseUrl == null ? Optional.empty() : CliRun.parseUrl(baseUrl);
    }

    /** The {@code --provider} ids, trimmed and lower-cased, without blanks or repeats. */
    List<String> providerIds() {
        List<String> ids = new ArrayList<>();
        for (String id : providers) {
            String clean = id.trim().toLowerCase(java.util.Locale.ROOT);
            if (!clean.isEmpty() && !ids.contains(clean)) {
                ids.add(clean);
            }
        }
        return ids;
    }
}
