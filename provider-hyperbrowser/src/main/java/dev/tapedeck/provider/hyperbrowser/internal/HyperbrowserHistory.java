package dev.tapedeck.provider.hyperbrowser.internal;

import dev.tapedeck.ProviderMetadata;
import dev.tapedeck.SessionHistory;
import dev.tapedeck.http.HttpKit;
import dev.tapedeck.http.Listings;
import dev.tapedeck.http.PartitionedPages;
import dev.tapedeck.http.json.Instants;
import dev.tapedeck.http.json.ItemFields;
import dev.tapedeck.model.JsonValue;
import dev.tapedeck.model.Page;
import dev.tapedeck.model.PageToken;
import dev.tapedeck.model.Session;
import dev.tapedeck.model.SessionQuery;
import dev.tapedeck.model.SessionStatus;
import dev.tapedeck.model.TapedeckError;
import io.vavr.control.Either;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Hyperbrowser's session list, {@code GET /api/sessions}, newest first and paged by page number ({@code page} from
 * 1, {@code limit} a page when a page size is asked, else Hyperbrowser's own); the next page is asked while
 * {@code page} times {@code perPage} (or {@code pageSize}) stays below {@code totalCount}, or while pages are full.
 * A status filter is sent as Hyperbrowser's words: active ACTIVE, closed COMPLETED, error and close-error FAILED
 * (one partition each, {@link PartitionedPages}); it has none for TIMED_OUT. {@code createdAt} and
 * {@code creditsUsed} are neutral, {@code endTime} (epoch milliseconds, kept) ends the session and the duration runs
 * from {@code startTime} (kept) to it; {@code launchState.enableWebRecording} says whether it records; every other
 * field stays in the provider data.
 */
public record HyperbrowserHistory(HttpKit kit, HyperbrowserApi api, ProviderMetadata metadata)
        implements SessionHistory {

    /** Hyperbrowser's status words with their neutral statuses, in the order a FAILED filter asks for them. */
    static final Map<String, SessionStatus> STATUSES = Map.of("active", SessionStatus.ACTIVE, "closed",
            SessionStatus.COMPLETED, "error", SessionStatus.FAILED, "close-error", SessionStatus.FAILED);
    private static final List<String> WORDS = List.of("active", "closed", "error", "close-error");
    /** The partition of an unfiltered list: no status is sent. */
    private static final String ANY = "any";
    private static final int MAX_LIMIT = 100;

    @Override
    public Either<TapedeckError, Page<Session>> fetchPage(SessionQuery query, Optional<PageToken> token) {
        List<String> words = query.status().map(wanted -> WORDS.stream().filter(w -> STATUSES.get(w) == wanted)
                .toList()).orElse(List.of(ANY));
        return PartitionedPages.fetch(metadata.id(), words, token, (word, page) -> {
            Map<String, Object> parameters = new TreeMap<>();
            if (!word.equals(ANY)) {
                parameters.put("status", word);
            }
            long number = page.filter(p -> p.matches("[1-9]\\d{0,8}")).map(Long::parseLong).orElse(1L);
            parameters.put("page", number);
            query.pageSize().ifPresent(size -> parameters.put("limit", Math.max(1, Math.min(MAX_LIMIT, size))));
            return kit.call(() -> api.sessions(parameters)).flatMap(body -> page(body, number));
        });
    }

    private Either<TapedeckError, Page<Session>> page(JsonValue body, long number) {
        Optional<ItemFields> fields = ItemFields.of(body);
        Optional<JsonValue> sessions = fields.flatMap(f -> f.peek("sessions"));
        if (sessions.isEmpty() || !(sessions.get() instanceof JsonValue.ListValue list)) {
            return Either.left(new TapedeckError.ProviderFailure(metadata.id(), 200, metadata.id() + " answered "
                    + "the session list without a sessions array; try again later", "", false));
        }
        Optional<Long> total = fields.get().count("totalCount");
        Optional<Long> size = fields.get().count("perPage").or(() -> fields.get().count("pageSize"));
        boolean more = size.isPresent() && (total.isPresent() ? number * size.get() < total.get()
                : list.values().size() >= size.get()); // no total: a full page may have more, an empty one ends it
        return Either.right(new Page<>(Listings.keepReadable(metadata.id(), "session", list.values(), this::session),
                more ? Optional.of(new PageToken(Long.toString(number + 1))) : Optional.empty(), total));
    }

    /** One listed session, or why the item cannot be one. */
    Either<String, Session> session(JsonValue item) {
        return Listings.session(item, "id", (id, fields) -> {
            String word = fields.text("status").orElse(null);
            Optional<Instant> ended = fields.peek("endTime").flatMap(Instants::read);
            Session.Builder session = Session.builder(metadata.id(), id)
                    .status(word == null ? SessionStatus.UNKNOWN : STATUSES.getOrDefault(word, SessionStatus.UNKNOWN),
                            word)
                    .createdAt(fields.instant("createdAt").orElse(null))
                    .endedAt(ended.orElse(null))
                    .duration(Instants.span(fields.peek("startTime").flatMap(Instants::read), ended).orElse(null))
                    .credits(fields.decimal("creditsUsed").orElse(null))
                    .recordingEnabled(fields.peek("launchState").flatMap(ItemFields::of)
                            .flatMap(launch -> launch.peek("enableWebRecording"))
                            .filter(JsonValue.BooleanValue.class::isInstance)
                            .map(on -> ((JsonValue.BooleanValue) on).value()).orElse(null));
            fields.keepIn(session::providerData, session::unreadField);
            return session.build();
        });
    }
}
