package dev.tapedeck.provider.notte.internal;

import dev.tapedeck.http.Listings;
import dev.tapedeck.http.json.DurationText;
import dev.tapedeck.http.json.ItemFields;
import dev.tapedeck.model.JsonValue;
import dev.tapedeck.model.Page;
import dev.tapedeck.model.PageToken;
import dev.tapedeck.model.Session;
import dev.tapedeck.model.SessionStatus;
import dev.tapedeck.model.TapedeckError;
import io.vavr.control.Either;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Turns Notte's session list into neutral sessions and pages. Statuses map as {@code active} ACTIVE, {@code closed}
 * COMPLETED, {@code error} FAILED, {@code timed_out} TIMED_OUT, anything else UNKNOWN (the raw word is kept). A
 * duration or timestamp that does not parse is kept raw in the provider data and named unread.
 */
final class SessionMapper {

    private SessionMapper() {
    }

    /**
     * The page {@code dto} holds; {@code requestedPage} is the page asked for, used when Notte does not echo it. An
     * item that cannot be a session (no usable id) is skipped, so one odd item never fails the page.
     */
    static Either<TapedeckError, Page<Session>> page(SessionPage dto, int requestedPage) {
        if (dto == null) {
            return Either.left(new TapedeckError.ProviderFailure(NotteProvider.ID, 200,
                    "notte answered the session list with an empty body; try again later", "", false));
        }
        List<Session> sessions = Listings.keepReadable(NotteProvider.ID, "session", dto.items(), SessionMapper::session);
        int page = dto.page() != null && dto.page() >= 1 ? dto.page() : requestedPage;
        Optional<PageToken> next = Boolean.TRUE.equals(dto.hasNext())
                ? Optional.of(PageToken.ofPage(page + 1L)) : Optional.empty();
        return Either.right(new Page<>(sessions, next, Optional.empty()));
    }

    /**
     * One session, or why the item cannot be one (not an object, or no usable id). The item ({@code SessionResponse})
     * is read field by field ({@link ItemFields}): {@code session_id}, {@code status}, {@code created_at},
     * {@code closed_at}, {@code duration} (ISO-8601 text), {@code credit_usage} and {@code steps} (a number, or a
     * list that is counted and also kept) go to neutral fields; everything else ({@code last_accessed_at},
     * {@code idle_timeout_minutes}, {@code max_duration_minutes}, {@code browser_type}, {@code error}, the network
     * byte counts, and whatever Notte adds) stays in the provider data, typed, as does a value of the wrong type,
     * whose field is named unread.
     */
    static Either<String, Session> session(JsonValue item) {
        return Listings.session(item, "session_id", (id, fields) -> {
            String status = fields.text("status").orElse(null);
            Session.Builder builder = Session.builder(NotteProvider.ID, id)
                    .status(status(status), status)
                    .createdAt(fields.instant("created_at").orElse(null))
                    .endedAt(fields.instant("closed_at").orElse(null))
                    .duration(duration(fields))
                    .credits(fields.decimal("credit_usage").orElse(null))
                    .steps(steps(fields));
            fields.keepIn(builder::providerData, builder::unreadField);
            return builder.build();
        });
    }

    private static Duration duration(ItemFields fields) {
        Optional<String> text = fields.text("duration").filter(t -> !t.isBlank());
        Optional<Duration> parsed = text.flatMap(DurationText::parse);
        if (text.isPresent() && parsed.isEmpty()) {
            fields.unreadable("duration");
        }
        return parsed.orElse(null);
    }

    /** A number of steps, or the length of a list of them (which stays in the provider data: it is the steps). */
    private static Long steps(ItemFields fields) {
        Optional<JsonValue> raw = fields.peek("steps");
        if (raw.isPresent() && raw.get() instanceof JsonValue.ListValue list) {
            return (long) list.values().size();
        }
        return fields.count("steps").orElse(null);
    }

    /** The neutral status for Notte's word. */
    static SessionStatus status(String raw) {
        if (raw == null) {
            return SessionStatus.UNKNOWN;
        }
        switch (raw.strip().toLowerCase(Locale.ROOT)) {
            case "active":
                return SessionStatus.ACTIVE;
            case "closed":
                return SessionStatus.COMPLETED;
            case "error":
                return SessionStatus.FAILED;
            case "timed_out":
                return SessionStatus.TIMED_OUT;
            default:
                return SessionStatus.UNKNOWN;
        }
    }
}
