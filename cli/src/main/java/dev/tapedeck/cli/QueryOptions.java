package dev.tapedeck.cli;

import dev.tapedeck.model.SessionQuery;
import dev.tapedeck.model.SessionStatus;
import dev.tapedeck.model.Sort;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * The session filters shared by {@code sessions} and {@code archive}, turned into a {@link SessionQuery}. Values
 * are checked while parsing, so a bad status, date or sort is a usage error (exit 2) before any request.
 */
final class QueryOptions {

    @Option(names = "--status", paramLabel = "STATUS", converter = StatusConverter.class,
            description = "Only sessions in this status: active, completed, failed, timed_out, unknown.")
    SessionStatus status;

    @Option(names = "--tag", paramLabel = "TAG", description = "Only sessions with this tag (repeatable; all must match).")
    List<String> tags = new ArrayList<>();

    @Option(names = "--domain", paramLabel = "DOMAIN",
            description = "Only sessions that visited this domain (repeatable; all must match).")
    List<String> domains = new ArrayList<>();

    @Option(names = "--search", paramLabel = "TEXT", description = "Free-text search, as the provider defines it.")
    String search;

    @Option(names = "--since", paramLabel = "WHEN", converter = Instants.Since.class,
            description = "Created at or after: an ISO-8601 instant or a date (start of day, UTC).")
    Instant since;

    @Option(names = "--until", paramLabel = "WHEN", converter = Instants.Until.class,
            description = "Created at or before: an ISO-8601 instant or a date (end of day, UTC).")
    Instant until;

    @Option(names = "--limit", paramLabel = "N",
            description = "At most N sessions in all, newest first across providers (at least 1).")
    Long limit;

    @Option(names = "--page-size", paramLabel = "N", description = "Page size to ask each provider for.")
    Integer pageSize;

    @Option(names = "--sort", paramLabel = "FIELD[:asc|desc]", converter = SortConverter.class,
            description = "Order by a provider field.")
    Sort sort;

    @Option(names = "--filter", paramLabel = "KEY=VALUE",
            description = "A provider-specific filter by the provider's parameter name (repeatable).")
    Map<String, String> filters = new LinkedHashMap<>();

    /** Whether {@code --sort} chose an order of the provider's own. */
    boolean sorted() {
        return sort != null;
    }

    /** The query these options describe; a usage failure when the values contradict each other. */
    SessionQuery toQuery() {
        return toQuery(Optional.empty());
    }

    /** The query these options describe, ordered by {@code fallbackSort} when {@code --sort} is not given. */
    SessionQuery toQuery(Optional<Sort> fallbackSort) {
        if (limit != null && limit < 1) {
            throw CliFailure.usage("--limit must be at least 1, was " + limit + "; leave it out to list everything");
        }
        SessionQuery.Builder builder = SessionQuery.builder().status(status).search(search).createdFrom(since)
                .createdTo(until).sort(sort != null ? sort : fallbackSort.orElse(null));
        tags.forEach(builder::tag);
        domains.forEach(builder::domain);
        filters.forEach(builder::providerFilter);
        if (limit != null) {
            builder.limit(limit);
        }
        if (pageSize != null) {
            builder.pageSize(pageSize);
        }
        try {
            return builder.build();
        } catch (IllegalArgumentException e) {
            throw CliFailure.usage(e.getMessage());
        }
    }

    /** Parses a session status wire name. */
    static final class StatusConverter implements CommandLine.ITypeConverter<SessionStatus> {
        @Override
        public SessionStatus convert(String value) {
            try {
                return SessionStatus.fromWireName(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }

    /** Parses {@code FIELD[:asc|desc]}. */
    static final class SortConverter implements CommandLine.ITypeConverter<Sort> {
        @Override
        public Sort convert(String value) {
            try {
                return Sort.parse(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }
}
