package dev.tapedeck.provider.kernel.internal;

import dev.tapedeck.ProviderMetadata;
import dev.tapedeck.SessionHistory;
import dev.tapedeck.http.HttpKit;
import dev.tapedeck.http.JsonAnswer;
import dev.tapedeck.http.Listings;
import dev.tapedeck.http.PartitionedPages;
import dev.tapedeck.http.json.ItemFields;
import dev.tapedeck.model.JsonValue;
import dev.tapedeck.model.Page;
import dev.tapedeck.model.PageToken;
import dev.tapedeck.model.Session;
import dev.tapedeck.model.SessionQuery;
import dev.tapedeck.model.SessionStatus;
import dev.tapedeck.model.TapedeckError;
import io.vavr.control.Either;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Kernel's browser list, {@code GET /browsers}. Unfiltered it asks for {@code status=all}: running browsers and the
 * soft-deleted ones (ended, by a delete call or a timeout), so the history reaches as far back as Kernel keeps
 * deleted browsers; ACTIVE asks for {@code active}, COMPLETED for {@code deleted}, any other status for nothing.
 * Pages are Kernel's offsets ({@code offset}, {@code limit} up to 100, UNVERIFIED), read as the SDK's pager reads
 * them: the next is the {@code X-Next-Offset} header, none when it is 0 or {@code X-Has-More} is {@code false};
 * without the one, the page's end; without either, a full page is followed. A browser with {@code deleted_at} is
 * COMPLETED and ended then, else ACTIVE; {@code session_id}, {@code created_at} and {@code deleted_at} are neutral,
 * {@code usage.uptime_ms} also gives the duration and {@code tags} neutral {@code key=value} tags; every other field
 * stays in the provider data.
 */
public record KernelHistory(HttpKit kit, KernelApi api, ProviderMetadata metadata) implements SessionHistory {

    private static final Map<SessionStatus, String> WORDS = Map.of(SessionStatus.ACTIVE, "active",
            SessionStatus.COMPLETED, "deleted");
    private static final int MAX_LIMIT = 100;

    @Override
    public Either<TapedeckError, Page<Session>> fetchPage(SessionQuery query, Optional<PageToken> token) {
        List<String> words = query.status().map(wanted -> Optional.ofNullable(WORDS.get(wanted)).stream().toList())
                .orElse(List.of("all"));
        int limit = Math.max(1, Math.min(MAX_LIMIT, query.pageSize().orElse(MAX_LIMIT)));
        return PartitionedPages.fetch(metadata.id(), words, token, (word, offset) -> {
            if (offset.isPresent() && !offset.get().matches("\\d{1,9}")) {
                return Either.left(TapedeckError.InvalidRequest.of(metadata.id(), metadata.id() + " page tokens "
                        + "end in an offset; '" + offset.get() + "' is none, so start the listing again"));
            }
            long from = offset.map(Long::parseLong).orElse(0L);
            Map<String, Object> parameters = new TreeMap<>(Map.of("status", word, "offset", from, "limit", limit));
            Optional.ofNullable(query.providerFilters().get("query")).ifPresent(text -> parameters.put("query", text));
            return kit.call(() -> api.browsers(parameters)).flatMap(answer -> page(answer, from, limit));
        });
    }

    private Either<TapedeckError, Page<Session>> page(JsonAnswer answer, long offset, int limit) {
        if (!(answer.body() instanceof JsonValue.ListValue list)) {
            return Either.left(new TapedeckError.ProviderFailure(metadata.id(), 200, metadata.id() + " answered the "
                    + "browser list with something other than a JSON array; try again later", "", false));
        }
        Optional<Long> next = answer.header("X-Next-Offset").filter(v -> v.matches("\\d{1,9}")).map(Long::parseLong);
        boolean more = answer.header("X-Has-More").map(v -> !v.equalsIgnoreCase("false"))
                .orElse(next.map(v -> v > 0).orElse(list.values().size() >= limit));
        Optional<Long> following = more ? next.or(() -> Optional.of(offset + list.values().size())).filter(v -> v > 0)
                : Optional.empty();
        return Either.right(new Page<>(Listings.keepReadable(metadata.id(), "browser", list.values(), this::session),
                following.map(value -> new PageToken(Long.toString(value))), Optional.empty()));
    }

    /** One listed browser session, or why the item cannot be one. */
    Either<String, Session> session(JsonValue item) {
        return Listings.session(item, "session_id", (id, fields) -> {
            Optional<Instant> deleted = fields.instant("deleted_at");
            Session.Builder session = Session.builder(metadata.id(), id)
                    .status(deleted.isPresent() ? SessionStatus.COMPLETED : SessionStatus.ACTIVE,
                            deleted.isPresent() ? "deleted" : "active")
                    .createdAt(fields.instant("created_at").orElse(null))
                    .endedAt(deleted.orElse(null))
                    .duration(fields.peek("usage").flatMap(ItemFields::of).flatMap(usage -> usage.count("uptime_ms"))
                            .map(Duration::ofMillis).orElse(null))
                    .tags(fields.peek("tags").filter(JsonValue.ObjectValue.class::isInstance)
                            .map(tags -> ((JsonValue.ObjectValue) tags).members().entrySet().stream()
                                    .filter(tag -> tag.getValue() instanceof JsonValue.TextValue)
                                    .map(tag -> tag.getKey() + "=" + ((JsonValue.TextValue) tag.getValue()).value())
                                    .toList()).orElse(List.of()));
            fields.keepIn(session::providerData, session::unreadField);
            return session.build();
        });
    }
}
