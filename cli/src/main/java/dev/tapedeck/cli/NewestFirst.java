package dev.tapedeck.cli;

import dev.tapedeck.Connection;
import dev.tapedeck.model.FilterSupport;
import dev.tapedeck.model.Session;
import dev.tapedeck.model.SessionFilter;
import dev.tapedeck.model.SessionListing;
import dev.tapedeck.model.SessionQuery;
import dev.tapedeck.model.Sort;
import dev.tapedeck.model.TapedeckError;
import dev.tapedeck.model.TapedeckException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The sessions of several providers as one listing, newest first, cut at the query's limit in all.
 *
 * <p>Each provider is asked for its sessions newest first (a provider that sorts on its server is asked to sort by
 * {@code created_at} descending; the others list newest first by themselves), and the listings are merged by
 * creation time one session at a time: a provider's next page is fetched only when its last fetched session is the
 * newest left, so a limit costs no more pages than it needs. A session without a creation time counts as oldest.
 * With {@code --sort} the providers' own order is kept instead, one provider after another. A provider whose listing
 * fails is handed to {@code onFailure} and the others go on.
 */
final class NewestFirst {

    /** The order asked of providers that sort on their server. */
    static final Sort NEWEST = new Sort("created_at", false);

    private static final Comparator<Session> CREATED = Comparator.comparing(
            (Session s) -> s.createdAt().orElse(Instant.MIN));

    private NewestFirst() {
    }

    /**
     * Lists the sessions of {@code connections} matching {@code filters} into {@code sink}, each with its provider's
     * total, at most the limit in all; each failing provider goes to {@code onFailure}.
     */
    static void list(List<Connection> connections, QueryOptions filters, Consumer<SessionRow> sink,
            Consumer<TapedeckError> onFailure) {
        List<Source> sources = new ArrayList<>();
        try {
            long limit = Long.MAX_VALUE;
            for (Connection connection : connections) {
                SessionQuery query = filters.toQuery(filters.sorted() ? Optional.empty() : order(connection));
                limit = query.limit().orElse(Long.MAX_VALUE);
                connection.history().listing(query).fold(failure -> {
                    onFailure.accept(failure);
                    return null;
                }, listing -> sources.add(new Source(listing)));
            }
            long left = limit;
            while (left > 0) {
                Optional<Source> next = filters.sorted() ? first(sources, onFailure) : newest(sources, onFailure);
                if (next.isEmpty()) {
                    return;
                }
                sink.accept(next.get().take());
                left--;
            }
        } finally {
            sources.forEach(Source::close);
        }
    }

    private static Optional<Sort> order(Connection connection) {
        return connection.history().capabilities().support(SessionFilter.SORT)
                .filter(support -> support == FilterSupport.SERVER).map(support -> NEWEST);
    }

    private static Optional<Source> first(List<Source> sources, Consumer<TapedeckError> onFailure) {
        for (Source source : sources) {
            if (source.peek(onFailure).isPresent()) {
                return Optional.of(source);
            }
        }
        return Optional.empty();
    }

    private static Optional<Source> newest(List<Source> sources, Consumer<TapedeckError> onFailure) {
        Source best = null;
        for (Source source : sources) {
            Optional<Session> head = source.peek(onFailure);
            if (head.isPresent() && (best == null || CREATED.compare(head.get(), best.head) > 0)) {
                best = source;
            }
        }
        return Optional.ofNullable(best);
    }

    /** One provider's lazy listing and the session it fetched last but has not handed on yet. */
    private static final class Source {
        private final SessionListing listing;
        private final Iterator<Session> sessions;
        private Session head;
        private boolean done;

        Source(SessionListing listing) {
            this.listing = listing;
            this.sessions = listing.sessions().iterator();
        }

        /** The next session, fetching a page only when none is held; empty when the listing ended or failed. */
        Optional<Session> peek(Consumer<TapedeckError> onFailure) {
            if (head == null && !done) {
                try {
                    if (sessions.hasNext()) {
                        head = sessions.next();
                    } else {
                        done = true;
                    }
                } catch (TapedeckException e) {
                    done = true;
                    onFailure.accept(e.error());
                }
            }
            return Optional.ofNullable(head);
        }

        SessionRow take() {
            Session taken = head;
            head = null;
            return new SessionRow(taken, listing.total());
        }

        void close() {
            listing.close();
        }
    }
}
