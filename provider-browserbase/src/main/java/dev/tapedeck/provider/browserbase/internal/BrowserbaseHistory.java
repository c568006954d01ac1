package dev.tapedeck.provider.browserbase.internal;

import dev.tapedeck.ProviderMetadata;
import dev.tapedeck.SessionHistory;
import dev.tapedeck.http.HttpKit;
import dev.tapedeck.http.Listings;
import dev.tapedeck.http.PartitionedPages;
import dev.tapedeck.http.json.Instants;
import dev.tapedeck.model.JsonValue;
import dev.tapedeck.model.Page;
import dev.tapedeck.model.PageToken;
import dev.tapedeck.model.Session;
import dev.tapedeck.model.SessionQuery;
import dev.tapedeck.model.SessionStatus;
import dev.tapedeck.model.TapedeckError;
import io.vavr.control.Either;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Browserbase's session list. {@code GET /v1/sessions} has no paging (one bare array), so the history is paged by
 * status: one request per status word, live ones first ({@code RUNNING}, {@code PENDING}, then {@code COMPLETED},
 * {@code ERROR}, {@code TIMED_OUT}), each page newest first; a status filter asks only for its words, and the
 * provider filter {@code q} (a user-metadata query) is sent as it is. Sessions are newest first within a status, not
 * across statuses. Status words map as RUNNING and PENDING ACTIVE, COMPLETED COMPLETED, ERROR FAILED, TIMED_OUT
 * TIMED_OUT; {@code createdAt} and {@code endedAt} are neutral, the duration runs from {@code startedAt} (kept) to
 * {@code endedAt}, and every other field stays in the provider data.
 */
public record BrowserbaseHistory(HttpKit kit, BrowserbaseApi api, ProviderMetadata metadata)
        implements SessionHistory {

    /** Browserbase's status words, in the order the history asks for them, with their neutral statuses. */
    static final List<String> WORDS = List.of("RUNNING", "PENDING", "COMPLETED", "ERROR", "TIMED_OUT");
    static final Map<String, SessionStatus> STATUSES = Map.of("RUNNING", SessionStatus.ACTIVE, "PENDING",
            SessionStatus.ACTIVE, "COMPLETED", SessionStatus.COMPLETED, "ERROR", SessionStatus.FAILED, "TIMED_OUT",
            SessionStatus.TIMED_OUT);

    private static final Comparator<Session> NEWEST_FIRST = Comparator.comparing(
            (Session s) -> s.createdAt().orElse(Instant.MIN)).reversed();

    @Override
    public Either<TapedeckError, Page<Session>> fetchPage(SessionQuery query, Optional<PageToken> token) {
        List<String> words = WORDS.stream()
                .filter(word -> query.status().map(wanted -> wanted == STATUSES.get(word)).orElse(true)).toList();
        return PartitionedPages.fetch(metadata.id(), words, token, (word, unused) ->
                kit.call(() -> api.sessions(word, query.providerFilters().get("q"))).flatMap(this::page));
    }

    private Either<TapedeckError, Page<Session>> page(JsonValue body) {
        if (!(body instanceof JsonValue.ListValue list)) {
            return Either.left(new TapedeckError.ProviderFailure(metadata.id(), 200, metadata.id() + " answered the "
                    + "session list with something other than a JSON array; try again later", "", false));
        }
        return Either.right(Page.last(Listings.keepReadable(metadata.id(), "session", list.values(), this::session)
                .stream().sorted(NEWEST_FIRST).toList()));
    }

    /** One listed session, or why the item cannot be one. */
    Either<String, Session> session(JsonValue item) {
        return Listings.session(item, "id", (id, fields) -> {
            String word = fields.text("status").orElse(null);
            Optional<Instant> ended = fields.instant("endedAt");
            Session.Builder session = Session.builder(metadata.id(), id)
                    .status(word == null ? SessionStatus.UNKNOWN : STATUSES.getOrDefault(word, SessionStatus.UNKNOWN),
                            word)
                    .createdAt(fields.instant("createdAt").orElse(null))
                    .endedAt(ended.orElse(null))
                    .duration(Instants.span(fields.peek("startedAt").flatMap(Instants::read), ended).orElse(null));
            fields.keepIn(session::providerData, session::unreadField);
            return session.build();
        });
    }
}
