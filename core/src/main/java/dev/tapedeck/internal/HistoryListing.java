package dev.tapedeck.internal;

import dev.tapedeck.SessionHistory;
import dev.tapedeck.model.FilterSupport;
import dev.tapedeck.model.Page;
import dev.tapedeck.model.Session;
import dev.tapedeck.model.SessionFilter;
import dev.tapedeck.model.SessionQuery;
import dev.tapedeck.model.TapedeckError;
import io.vavr.control.Either;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The listing behind {@link SessionHistory#sessions}: filter checks, client-side filtering, paging, the limit. */
public final class HistoryListing {

    private HistoryListing() {
    }

    /** See {@link SessionHistory#sessions}. */
    public static Either<TapedeckError, Stream<Session>> sessions(SessionHistory history, SessionQuery query) {
        Set<SessionFilter> clientSide = EnumSet.noneOf(SessionFilter.class);
        List<SessionFilter> unsupported = new java.util.ArrayList<>();
        for (SessionFilter filter : query.filtersInUse()) {
            Optional<FilterSupport> support = history.capabilities().support(filter);
            if (support.isEmpty()) {
                unsupported.add(filter);
            } else if (support.get() == FilterSupport.CLIENT) {
                clientSide.add(filter);
            }
        }
        if (!unsupported.isEmpty()) {
            String names = unsupported.stream().map(f -> f.name().toLowerCase(Locale.ROOT))
                    .collect(Collectors.joining(", "));
            return Either.left(new TapedeckError.Unsupported(history.provider(), "filter " + names,
                    history.provider() + " cannot filter sessions by " + names
                            + "; drop the filter or use a provider that supports it"));
        }
        Either<TapedeckError, Page<Session>> first = history.fetchPage(query, Optional.empty());
        if (first.isLeft()) {
            return Either.left(first.getLeft());
        }
        Stream<Session> all = Paginator.stream(first.get(), token -> history.fetchPage(query, Optional.of(token)),
                Session::id);
        Stream<Session> filtered = clientSide.isEmpty() ? all : all.filter(s -> query.matches(s, clientSide));
        return Either.right(query.limit().map(filtered::limit).orElse(filtered));
    }
}
