package dev.tapedeck;

import dev.tapedeck.internal.paging.HistoryListing;
import dev.tapedeck.model.Capabilities;
import dev.tapedeck.model.Page;
import dev.tapedeck.model.PageToken;
import dev.tapedeck.model.Session;
import dev.tapedeck.model.SessionQuery;
import dev.tapedeck.model.TapedeckError;
import io.vavr.control.Either;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The port to a provider's session history.
 *
 * <p>Providers implement {@link #fetchPage}; users call {@link #sessions}, which checks every filter against the
 * provider's capabilities before the first request, applies client-side the filters the provider cannot, pages
 * lazily and honours the query's limit. Implementations are thread-safe.
 */
public interface SessionHistory {

    /** The provider id. */
    String provider();

    /** What this provider supports, including how it supports each history filter. */
    Capabilities capabilities();

    /**
     * One page as the provider returns it, with the filters the provider declares {@link
     * dev.tapedeck.model.FilterSupport#SERVER} applied and no others. {@code token} empty means the first page.
     */
    Either<TapedeckError, Page<Session>> fetchPage(SessionQuery query, Optional<PageToken> token);

    /**
     * Every session that {@code query} selects, fetched page by page as the stream is consumed.
     *
     * <p>Left when a filter is unsupported. A failure after the first page surfaces from the stream as a
     * {@link dev.tapedeck.model.TapedeckException}. Paging stops on the last page, on an empty page and on a page
     * that repeats an earlier one, so it never loops.
     */
    default Either<TapedeckError, Stream<Session>> sessions(SessionQuery query) {
        return HistoryListing.sessions(provider(), capabilities(), this::fetchPage, query);
    }

    /** A history for a provider that publishes none: every call answers {@link TapedeckError.Unsupported}. */
    static SessionHistory unsupported(String provider, Capabilities capabilities) {
        return new SessionHistory() {
            @Override
            public String provider() {
                return provider;
            }

            @Override
            public Capabilities capabilities() {
                return capabilities;
            }

            @Override
            public Either<TapedeckError, Page<Session>> fetchPage(SessionQuery query, Optional<PageToken> token) {
                return Either.left(TapedeckError.Unsupported.capability(provider,
                        "session history (no such endpoint is published); pass session ids explicitly"));
            }
        };
    }
}
