package dev.tapedeck.internal.paging;

import dev.tapedeck.model.Capabilities;
import dev.tapedeck.model.Capability;
import dev.tapedeck.model.PageToken;
import dev.tapedeck.model.FilterSupport;
import dev.tapedeck.model.Page;
import dev.tapedeck.model.ProviderFilter;
import dev.tapedeck.model.Session;
import dev.tapedeck.model.SessionFilter;
import dev.tapedeck.model.SessionListing;
import dev.tapedeck.model.SessionQuery;
import dev.tapedeck.model.TapedeckError;
import io.vavr.control.Either;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The listing behind {@code SessionHistory.sessions}: filter checks, client-side filtering, paging, the limit.
 * It takes the history's parts as values so that this package does not depend on the ports' package.
 */
public final class HistoryListing {

    private HistoryListing() {
    }

    /** The largest page size derived from a limit; providers round it to what they accept. */
    private static final int MAX_PAGE_SIZE_HINT = 100;

    /**
     * Every session {@code query} selects from a provider with {@code capabilities}, whose pages come from
     * {@code fetchPage} (an empty token means the first page). Without a page size, the limit is passed on as one.
     */
    public static Either<TapedeckError, SessionListing> sessions(String provider, Capabilities capabilities,
            List<ProviderFilter> providerFilters, BiFunction<SessionQuery, Optional<PageToken>, Either<TapedeckError, Page<Session>>> fetchPage,
            SessionQuery query) {
        if (!capabilities.supports(Capability.SESSION_HISTORY)) {
            return Either.left(TapedeckError.Unsupported.capability(provider,
                    "session history (no such endpoint is published); pass session ids explicitly"));
        }
        Set<SessionFilter> clientSide = EnumSet.noneOf(SessionFilter.class);
        List<SessionFilter> unsupported = new java.util.ArrayList<>();
        for (SessionFilter filter : query.filtersInUse()) {
            Optional<FilterSupport> support = capabilities.support(filter);
            if (support.isEmpty()) {
                unsupported.add(filter);
            } else if (support.get() == FilterSupport.CLIENT) {
                clientSide.add(filter);
            }
        }
        if (!unsupported.isEmpty()) {
            String names = unsupported.stream().map(f -> f.name().toLowerCase(Locale.ROOT))
                    .collect(Collectors.joining(", "));
            return Either.left(new TapedeckError.Unsupported(provider, "filter " + names,
                    provider + " cannot filter sessions by " + names
                            + "; drop the filter or use a provider that supports it"));
        }
        Optional<TapedeckError> refused = checkProviderFilters(provider, providerFilters, query);
        if (refused.isPresent()) {
            return Either.left(refused.get());
        }
        if (query.limit().filter(limit -> limit == 0).isPresent()) {
            return Either.right(new SessionListing(Stream.empty(), Optional.empty()));
        }
        if (query.pageSize().isEmpty() && query.limit().isPresent() && clientSide.isEmpty()) {
            // Without client-side filtering every fetched session counts, so pages larger than the limit are waste.
            SessionQuery sized = query.withPageSize((int) Math.min(query.limit().get(), MAX_PAGE_SIZE_HINT));
            return pages(sized, token -> fetchPage.apply(sized, token), clientSide);
        }
        return pages(query, token -> fetchPage.apply(query, token), clientSide);
    }

    /**
     * The first provider filter of {@code query} that the provider does not declare (Unsupported, listing the
     * accepted keys with their types) or whose value is not of the declared type (InvalidRequest).
     */
    private static Optional<TapedeckError> checkProviderFilters(String provider, List<ProviderFilter> accepted,
            SessionQuery query) {
        for (Map.Entry<String, String> filter : query.providerFilters().entrySet()) {
            Optional<ProviderFilter> declared = accepted.stream().filter(f -> f.key().equals(filter.getKey()))
                    .findFirst();
            if (declared.isEmpty()) {
                String known = accepted.isEmpty() ? "it accepts none"
                        : "it accepts " + accepted.stream().map(ProviderFilter::describe)
                                .collect(Collectors.joining(", "));
                return Optional.of(new TapedeckError.Unsupported(provider, "provider filter " + filter.getKey(),
                        provider + " has no provider filter '" + filter.getKey() + "'; " + known));
            }
            Optional<String> problem = declared.get().type().problem(filter.getValue());
            if (problem.isPresent()) {
                return Optional.of(TapedeckError.InvalidRequest.of(provider, provider + ": the provider filter '"
                        + filter.getKey() + "' " + problem.get() + ", not '" + filter.getValue() + "'"));
            }
        }
        return Optional.empty();
    }

    private static Either<TapedeckError, SessionListing> pages(SessionQuery query,
            Function<Optional<PageToken>, Either<TapedeckError, Page<Session>>> fetchPage,
            Set<SessionFilter> clientSide) {
        Either<TapedeckError, Page<Session>> first = fetchPage.apply(Optional.empty());
        if (first.isLeft()) {
            return Either.left(first.getLeft());
        }
        Stream<Session> all = Paginator.stream(first.get(), token -> fetchPage.apply(Optional.of(token)),
                Session::id);
        Stream<Session> filtered = clientSide.isEmpty() ? all : all.filter(s -> query.matches(s, clientSide));
        Optional<Long> total = clientSide.isEmpty() ? first.get().total() : Optional.empty();
        return Either.right(new SessionListing(query.limit().map(filtered::limit).orElse(filtered), total));
    }
}
