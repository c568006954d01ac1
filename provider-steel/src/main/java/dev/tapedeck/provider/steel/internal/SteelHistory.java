package dev.tapedeck.provider.steel.internal;

import dev.tapedeck.ProviderMetadata;
import dev.tapedeck.SessionHistory;
import dev.tapedeck.http.HttpKit;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Steel's session list. Unfiltered, {@code GET /v1/sessions} lists only active sessions, so the history asks for
 * each status in turn ({@code live}, {@code released}, {@code failed}), each paged by Steel's {@code nextCursor}
 * ({@code cursorId}, up to 100 a page); a status filter asks only for its word. Status words map as live ACTIVE,
 * released COMPLETED, failed FAILED (a timed-out session is released). {@code createdAt}, {@code duration}
 * (milliseconds) and {@code creditsUsed} are neutral; an ended session's end is derived as created plus duration,
 * for Steel sends no end time; every other field stays in the provider data.
 */
public record SteelHistory(HttpKit kit, SteelApi api, ProviderMetadata metadata) implements SessionHistory {

    /** Steel's status words in the order the history asks for them. */
    static final Map<String, SessionStatus> STATUSES = Map.of("live", SessionStatus.ACTIVE, "released",
            SessionStatus.COMPLETED, "failed", SessionStatus.FAILED);
    private static final List<String> ORDER = List.of("live", "released", "failed");
    private static final int MAX_LIMIT = 100;

    @Override
    public Either<TapedeckError, Page<Session>> fetchPage(SessionQuery query, Optional<PageToken> token) {
        List<String> words = ORDER.stream()
                .filter(word -> query.status().map(wanted -> wanted == STATUSES.get(word)).orElse(true)).toList();
        return PartitionedPages.fetch(metadata.id(), words, token, (word, cursor) -> {
            Map<String, Object> parameters = new LinkedHashMap<>();
            parameters.put("status", word);
            cursor.ifPresent(c -> parameters.put("cursorId", c));
            parameters.put("limit", Math.max(1, Math.min(MAX_LIMIT, query.pageSize().orElse(MAX_LIMIT))));
            return kit.call(() -> api.sessions(parameters)).flatMap(this::page);
        });
    }

    private Either<TapedeckError, Page<Session>> page(JsonValue body) {
        Optional<ItemFields> fields = ItemFields.of(body);
        Optional<JsonValue> sessions = fields.flatMap(f -> f.peek("sessions"));
        if (sessions.isEmpty() || !(sessions.get() instanceof JsonValue.ListValue list)) {
            return Either.left(new TapedeckError.ProviderFailure(metadata.id(), 200, metadata.id() + " answered the "
                    + "session list without a sessions array; try again later", "", false));
        }
        return Either.right(new Page<>(Listings.keepReadable(metadata.id(), "session", list.values(), this::session),
                fields.get().text("nextCursor").filter(next -> !next.isBlank()).map(PageToken::new),
                fields.get().count("totalCount")));
    }

    /** One listed session, or why the item cannot be one. */
    Either<String, Session> session(JsonValue item) {
        return Listings.session(item, "id", (id, fields) -> {
            String word = fields.text("status").orElse(null);
            Optional<Instant> created = fields.instant("createdAt");
            Optional<Duration> duration = fields.count("duration").map(Duration::ofMillis);
            Session.Builder session = Session.builder(metadata.id(), id)
                    .status(word == null ? SessionStatus.UNKNOWN : STATUSES.getOrDefault(word, SessionStatus.UNKNOWN),
                            word)
                    .createdAt(created.orElse(null))
                    .duration(duration.orElse(null))
                    .endedAt(created.isPresent() && duration.isPresent() && !"live".equals(word)
                            ? created.get().plus(duration.get()) : null)
                    .credits(fields.decimal("creditsUsed").orElse(null));
            fields.keepIn(session::providerData, session::unreadField);
            return session.build();
        });
    }
}
