package dev.tapedeck.model;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What to list from a session history: neutral filters, provider-specific filters, paging and a limit.
 *
 * <p>A filter is never silently ignored: the provider applies it, core applies it client-side, or the listing is
 * refused with {@link TapedeckError.Unsupported}. Provider filters are passed through to the provider by key,
 * and a provider refuses keys it does not know.
 *
 * @param status          only sessions in this status
 * @param tags            only sessions carrying all these tags
 * @param domains         only sessions that visited all these domains
 * @param search          free-text search, as the provider defines it
 * @param createdFrom     only sessions created at or after this instant
 * @param createdTo       only sessions created at or before this instant
 * @param sort            the order
 * @param pageSize        the page size to ask the provider for (providers round it to a legal one)
 * @param limit           the most sessions to return in all
 * @param providerFilters provider-specific filters by the provider's own parameter names
 */
public record SessionQuery(
        Optional<SessionStatus> status,
        List<String> tags,
        List<String> domains,
        Optional<String> search,
        Optional<Instant> createdFrom,
        Optional<Instant> createdTo,
        Optional<Sort> sort,
        Optional<Integer> pageSize,
        Optional<Long> limit,
        Map<String, String> providerFilters) {

    /** Checks for nulls, positive sizes and a sensible range. */
    public SessionQuery {
        Objects.requireNonNull(status, "status");
        tags = List.copyOf(tags);
        domains = List.copyOf(domains);
        Objects.requireNonNull(search, "search");
        Objects.requireNonNull(createdFrom, "createdFrom");
        Objects.requireNonNull(createdTo, "createdTo");
        Objects.requireNonNull(sort, "sort");
        Objects.requireNonNull(pageSize, "pageSize");
        Objects.requireNonNull(limit, "limit");
        providerFilters.forEach((key, value) -> Objects.requireNonNull(value, () -> "provider filter " + key));
        providerFilters = Collections.unmodifiableMap(new LinkedHashMap<>(providerFilters));
        if (pageSize.isPresent() && pageSize.get() < 1) {
            throw new IllegalArgumentException("page size must be at least 1, was " + pageSize.get());
        }
        if (limit.isPresent() && limit.get() < 0) {
            throw new IllegalArgumentException("limit must not be negative, was " + limit.get());
        }
        if (createdFrom.isPresent() && createdTo.isPresent() && createdFrom.get().isAfter(createdTo.get())) {
            throw new IllegalArgumentException("created-from " + createdFrom.get() + " is after created-to " + createdTo.get());
        }
    }

    /** The query that selects everything. */
    public static SessionQuery all() {
        return builder().build();
    }

    /** A builder starting from nothing selected out. */
    public static Builder builder() {
        return new Builder();
    }

    /** This query asking for pages of {@code size}. */
    public SessionQuery withPageSize(int size) {
        return new SessionQuery(status, tags, domains, search, createdFrom, createdTo, sort, Optional.of(size), limit,
                providerFilters);
    }

    /** The neutral filters this query uses. */
    public Set<SessionFilter> filtersInUse() {
        Set<SessionFilter> used = EnumSet.noneOf(SessionFilter.class);
        status.ifPresent(s -> used.add(SessionFilter.STATUS));
        if (!tags.isEmpty()) {
            used.add(SessionFilter.TAGS);
        }
        if (!domains.isEmpty()) {
            used.add(SessionFilter.DOMAINS);
        }
        search.ifPresent(s -> used.add(SessionFilter.SEARCH));
        if (createdFrom.isPresent() || createdTo.isPresent()) {
            used.add(SessionFilter.CREATED_RANGE);
        }
        sort.ifPresent(s -> used.add(SessionFilter.SORT));
        return used;
    }

    /** Whether {@code session} passes this query's neutral filters that can be checked on a session. */
    public boolean matches(Session session, Set<SessionFilter> filters) {
        for (SessionFilter filter : filters) {
            boolean ok = switch (filter) {
                case STATUS -> status.map(s -> s == session.status()).orElse(true);
                case TAGS -> session.tags().containsAll(tags);
                case DOMAINS -> session.domains().containsAll(domains);
                case CREATED_RANGE -> inRange(session);
                case SEARCH, SORT -> true;
            };
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private boolean inRange(Session session) {
        if (session.createdAt().isEmpty()) {
            return false;
        }
        Instant created = session.createdAt().get();
        return createdFrom.map(from -> !created.isBefore(from)).orElse(true)
                && createdTo.map(to -> !created.isAfter(to)).orElse(true);
    }

    /** Mutable builder; {@link #build()} validates. */
    public static final class Builder {
        private SessionStatus status;
        private final List<String> tags = new ArrayList<>();
        private final List<String> domains = new ArrayList<>();
        private String search;
        private Instant createdFrom;
        private Instant createdTo;
        private Sort sort;
        private Integer pageSize;
        private Long limit;
        private final Map<String, String> providerFilters = new LinkedHashMap<>();

        private Builder() {
        }

        /** Only sessions in this status. */
        public Builder status(SessionStatus value) {
            this.status = value;
            return this;
        }

        /** Adds a tag that every session must carry. */
        public Builder tag(String value) {
            tags.add(Objects.requireNonNull(value, "tag"));
            return this;
        }

        /** Adds a domain that every session must have visited. */
        public Builder domain(String value) {
            domains.add(Objects.requireNonNull(value, "domain"));
            return this;
        }

        /** Free-text search. */
        public Builder search(String value) {
            this.search = value;
            return this;
        }

        /** Created at or after. */
        public Builder createdFrom(Instant value) {
            this.createdFrom = value;
            return this;
        }

        /** Created at or before. */
        public Builder createdTo(Instant value) {
            this.createdTo = value;
            return this;
        }

        /** The order. */
        public Builder sort(Sort value) {
            this.sort = value;
            return this;
        }

        /** The page size to ask for. */
        public Builder pageSize(int value) {
            this.pageSize = value;
            return this;
        }

        /** The most sessions to return. */
        public Builder limit(long value) {
            this.limit = value;
            return this;
        }

        /** A provider-specific filter by the provider's parameter name. */
        public Builder providerFilter(String key, String value) {
            providerFilters.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /** Builds the immutable query. */
        public SessionQuery build() {
            return new SessionQuery(Optional.ofNullable(status), tags, domains, Optional.ofNullable(search),
                    Optional.ofNullable(createdFrom), Optional.ofNullable(createdTo), Optional.ofNullable(sort),
                    Optional.ofNullable(pageSize), Optional.ofNullable(limit), providerFilters);
        }
    }
}
