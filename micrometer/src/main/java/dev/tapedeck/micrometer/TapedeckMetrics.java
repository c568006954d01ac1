package dev.tapedeck.micrometer;

import dev.tapedeck.archive.ArchiveListener;
import dev.tapedeck.model.TapedeckError;
import dev.tapedeck.observe.CallEvent;
import dev.tapedeck.observe.RetryEvent;
import dev.tapedeck.observe.TapedeckObserver;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Tapedeck's metrics on a Micrometer {@link MeterRegistry}. It is a {@link TapedeckObserver}: pass it to
 * {@code ProviderConfig.builder().observer(metrics)} and every connection made with that config reports to it; pass
 * {@link #archiveListener()} to an archive run for its progress. One instance per registry serves any number of
 * connections and threads.
 *
 * <p>The meters follow Micrometer's conventions (dot-separated lower-case names, base units, tags of bounded
 * cardinality: providers, operations, outcomes and error types, never a session id or a URL):
 * <ul>
 *   <li>{@value #CALLS} (timer): each API call and media fetch from its first request to its final answer, retries
 *       included; tags {@code provider}, {@code operation} (the provider API's method, or {@code media}),
 *       {@code outcome} ({@code success} or {@code failure}) and {@code error} ({@code none}, or the error type in
 *       snake case such as {@code not_found}, {@code rate_limited}, {@code transport})</li>
 *   <li>{@value #RETRIES} (counter): tries made again; tags {@code provider}, {@code operation}, {@code cause}
 *       ({@code http_503}, {@code timeout}, {@code connection}, ...)</li>
 *   <li>{@value #DOWNLOADED} (counter, bytes): media bytes received; tag {@code provider}</li>
 *   <li>{@value #DOWNLOADS_ACTIVE} (gauge): media bodies being received right now, a recording's file or one HLS
 *       segment each; tag {@code provider}</li>
 *   <li>{@value #ARCHIVE_ENTRIES} (counter): recordings (and sessions that could not be listed) an archive run is
 *       done with; tags {@code provider}, {@code status} ({@code downloaded}, {@code skipped}, {@code failed},
 *       {@code waiting})</li>
 * </ul>
 */
public final class TapedeckMetrics implements TapedeckObserver {

    /** The timer of calls. */
    public static final String CALLS = "tapedeck.calls";
    /** The counter of retries. */
    public static final String RETRIES = "tapedeck.retries";
    /** The counter of media bytes received. */
    public static final String DOWNLOADED = "tapedeck.downloaded";
    /** The gauge of media bodies being received. */
    public static final String DOWNLOADS_ACTIVE = "tapedeck.downloads.active";
    /** The counter of archive entries done with. */
    public static final String ARCHIVE_ENTRIES = "tapedeck.archive.entries";

    private final MeterRegistry registry;
    private final Map<String, Counter> downloaded = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> active = new ConcurrentHashMap<>();

    private TapedeckMetrics(MeterRegistry registry) {
        this.registry = Objects.requireNonNull(registry, "registry");
    }

    /** The metrics of Tapedeck on {@code registry}; meters appear as their first value arrives. */
    public static TapedeckMetrics of(MeterRegistry registry) {
        return new TapedeckMetrics(registry);
    }

    /** A listener for {@code Archiver} runs that counts {@value #ARCHIVE_ENTRIES}; thread-safe, like the runs. */
    public ArchiveListener archiveListener() {
        return new ArchiveMetrics(registry);
    }

    @Override
    public void callEnded(CallEvent call) {
        Timer.builder(CALLS).description("Tapedeck API calls and media fetches, retries included")
                .tags(Tags.of("provider", call.provider(), "operation", call.operation(),
                        "outcome", call.succeeded() ? "success" : "failure",
                        "error", call.error().map(TapedeckMetrics::errorType).orElse("none")))
                .register(registry).record(call.duration());
    }

    @Override
    public void retrying(RetryEvent retry) {
        Counter.builder(RETRIES).description("Tapedeck tries made again")
                .tags("provider", retry.provider(), "operation", retry.operation(), "cause", retry.cause())
                .register(registry).increment();
    }

    @Override
    public void mediaOpened(String provider, String operation) {
        gauge(provider).incrementAndGet();
    }

    @Override
    public void mediaReceived(String provider, String operation, long bytes) {
        downloaded.computeIfAbsent(provider, id -> Counter.builder(DOWNLOADED).baseUnit("bytes")
                .description("Media bytes Tapedeck received").tag("provider", id).register(registry))
                .increment(bytes);
    }

    @Override
    public void mediaClosed(String provider, String operation) {
        gauge(provider).decrementAndGet();
    }

    /** The gauge's value for {@code provider}, held here: a registry only keeps a weak reference to it. */
    private AtomicLong gauge(String provider) {
        return active.computeIfAbsent(provider, id -> registry.gauge(DOWNLOADS_ACTIVE, Tags.of("provider", id),
                new AtomicLong()));
    }

    /** {@code NotFound} as {@code not_found}: the error's type, a fixed set, as a tag value. */
    static String errorType(TapedeckError error) {
        return error.getClass().getSimpleName().replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }
}
