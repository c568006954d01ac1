package dev.tapedeck.model;

import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The sessions a query selects, fetched lazily page by page as {@code sessions} is consumed, and how many the
 * provider counts. Close it (or its stream) when done.
 *
 * @param sessions the sessions; a failure after the first page surfaces as a {@link TapedeckException}
 * @param total    the provider's count of the sessions its filters select, from its first page, when it gives one
 *                 and no filter is applied client-side (which would make it count others); the query's limit does
 *                 not change it
 */
public record SessionListing(Stream<Session> sessions, Optional<Long> total) implements AutoCloseable {

    /** Checks for nulls. */
    public SessionListing {
        Objects.requireNonNull(sessions, "sessions");
        Objects.requireNonNull(total, "total");
    }

    /** Closes the stream. */
    @Override
    public void close() {
        sessions.close();
    }
}
