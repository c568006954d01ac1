package dev.tapedeck.sandbox;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * What reached where: requests received and requests that carried a credential header ({@code Authorization},
 * {@code anchor-api-key} or {@code X-Account-ID}), counted per origin ({@code "api"}, {@code "media"}) and per
 * provider ({@code "anchor"}, {@code "notte"}, {@code "kataven"}), and the response body bytes each origin sent.
 * Counting happens before faults and auth, so a request that was refused still counts. Thread-safe.
 */
public final class Counters {

    private final Map<String, LongAdder> requests = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> credentials = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> bodyBytes = new ConcurrentHashMap<>();

    Counters() {
    }

    /** Requests received by an origin ({@code "api"}, {@code "media"}) or a provider ({@code "anchor"}, ...). */
    public long requests(String name) {
        return read(requests, name);
    }

    /** Requests received by an origin. */
    public long requests(Origin origin) {
        return requests(origin.label());
    }

    /** Requests that carried any credential header, per origin or provider name. */
    public long credentialHeadersSeen(String name) {
        return read(credentials, name);
    }

    /** Requests that carried any credential header on an origin. */
    public long credentialHeadersSeen(Origin origin) {
        return credentialHeadersSeen(origin.label());
    }

    /**
     * The response body bytes {@code origin} has written to its clients (what a truncation fault cut off is not
     * counted; what a client stopped reading may be).
     */
    public long bodyBytesSent(Origin origin) {
        return read(bodyBytes, origin.label());
    }

    /** Sets every counter back to zero. */
    public void reset() {
        requests.clear();
        credentials.clear();
        bodyBytes.clear();
    }

    void sent(Origin origin, long bytes) {
        bodyBytes.computeIfAbsent(origin.label(), k -> new LongAdder()).add(bytes);
    }

    void record(Origin origin, String api, boolean carriedCredentials) {
        increment(requests, origin.label());
        if (!api.equals(origin.label())) {
            increment(requests, api);
        }
        if (carriedCredentials) {
            increment(credentials, origin.label());
            if (!api.equals(origin.label())) {
                increment(credentials, api);
            }
        }
    }

    private static long read(Map<String, LongAdder> counters, String name) {
        LongAdder adder = counters.get(Objects.requireNonNull(name, "name"));
        return adder == null ? 0 : adder.sum();
    }

    private static void increment(Map<String, LongAdder> counters, String name) {
        counters.computeIfAbsent(name, k -> new LongAdder()).increment();
    }
}
