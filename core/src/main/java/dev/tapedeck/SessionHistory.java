package dev.tapedeck;

import dev.tapedeck.internal.paging.HistoryListing;
import dev.tapedeck.model.Capabilities;
import dev.tapedeck.model.Page;
import dev.tapedeck.model.PageToken;
import dev.tapedeck.model.Session;
import dev.tapedeck.model.SessionListing;
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

    /** What the provider declares about itself; {@link #provider()} and {@link #capabilities()} come from it. */
    ProviderMetadata metadata();

    /** The provider id. */
    default String provider() {
        return metadata().id();
    }

    /** What this provider supports, including how it supports each history filter. */
    default Capabilities capabilities() {
        return metadata().capabilities();
    }

    /**
     * One page as the provider returns it, with the filters the provider declares {@link
     * dev.tapedeck.model.FilterSupport#SERVER} applied and no others. {@code token} empty means the first page.
     */
    Either<TapedeckError, Page<Session>> fetchPage(SessionQuery query, Optional<PageToken> token);

    /**
     * Every session that {@code query} selects, fetched page by page as the stream is consumed.
     *
     * <p>Left when a filter is unsupported: a neutral one the provider's capabilities lack, or a provider filter
     * whose key the metadata does not declare (Unsupported, naming the accepted keys) or whose value is not of the
     * declared type (InvalidRequest); the provider's {@link #fetchPage} sees only declared keys with valid values. A failure after the first page surfaces from the stream as a
     * {@link dev.tapedeck.model.TapedeckException}. Paging stops on the last page, on an empty page and on a page
     * that repeats an earlier one, so it never loops.
     */
    default Either<TapedeckError, Stream<Session>> sessions(SessionQuery query) {
        return listing(query).map(SessionListing::sessions);
    }

    /**
     * {@link #sessions(SessionQuery)} with the provider's count of the sessions its filters select, when it gives
     * one (see {@link SessionListing#total()}).
     */
    default Either<TapedeckError, SessionListing> listing(SessionQuery query) {
        return HistoryListing.sessions(provider(), capabilities(), metadata().providerFilters(), this::fetchPage,
                query);
    }

    /** A history for a provider that publishes none: every call answers {@link TapedeckError.Unsupported}. */
    static SessionHistory unsupported(ProviderMetadata metadata) {
        return new SessionHistory() {
            @Override
            public ProviderMetadata metadata() {
                return metadata;
            }

            @Override
            public Either<TapedeckError, Page<Session>> fetchPage(SessionQuery query, Optional<PageToken> token) {
                return Either.left(TapedeckError.Unsupported.capability(metadata.id(),
                        "session history (no such endpoint is published); pass session ids explicitly"));
            }
        };
    }
}
