package dev.tapedeck.provider.notte.internal;

import dev.tapedeck.http.json.Instants;
import dev.tapedeck.model.JsonValue;
import dev.tapedeck.model.SessionId;
import dev.tapedeck.model.SessionStatus;
import dev.tapedeck.model.TapedeckError;
import io.vavr.control.Either;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * What a replay's plain 404 means, told by the session itself ({@code GET /sessions/{id}}), as Notte's SDK reads it
 * when it waits for a replay: no such session is NotFound; an active session is NotReady with the advice to stop
 * it; a session that has closed is NotReady while Notte finalises its replay, which takes a little while after the
 * close, with a hint to ask again in {@link #POLL_INTERVAL} (the SDK's own poll interval). A session that closed
 * more than {@link #FINALISING} ago has no replay coming: NotFound, so that an archive does not wait for it forever.
 * A failed look-up is returned as it is.
 */
final class ReplayReadiness {

    /** How often Notte's SDK asks again while it waits for a replay. */
    static final Duration POLL_INTERVAL = Duration.ofSeconds(5);

    /** How long after its close a session's replay may still be finalised. */
    static final Duration FINALISING = Duration.ofMinutes(10);

    private ReplayReadiness() {
    }

    /** Why the replay of {@code session} answered {@code notFound}, given the session look-up at {@code now}. */
    static TapedeckError explain(SessionId session, TapedeckError.NotFound notFound,
            Either<TapedeckError, JsonValue> lookup, Instant now) {
        if (lookup.isLeft()) {
            return lookup.getLeft() instanceof TapedeckError.NotFound
                    ? new TapedeckError.NotFound(NotteProvider.ID, "notte has no session " + session + " ("
                            + notFound.message() + "); check the session id")
                    : lookup.getLeft();
        }
        JsonValue.ObjectValue item = lookup.get() instanceof JsonValue.ObjectValue object ? object
                : JsonValue.ObjectValue.EMPTY;
        Optional<String> word = item.get("status").filter(JsonValue.TextValue.class::isInstance)
                .map(value -> ((JsonValue.TextValue) value).value());
        SessionStatus status = SessionMapper.status(word.orElse(null));
        if (status == SessionStatus.ACTIVE) {
            return new TapedeckError.NotReady(NotteProvider.ID, "notte has no replay yet for session " + session
                    + ": it is still active, and a replay exists only after the session is closed; stop the session "
                    + "or wait for it to end", Optional.empty());
        }
        Optional<Instant> closedAt = item.get("closed_at").flatMap(Instants::read);
        String ended = "ended (" + word.orElse("status unknown") + ")"
                + closedAt.map(at -> " at " + at).orElse("");
        if (closedAt.isPresent() && Duration.between(closedAt.get(), now).compareTo(FINALISING) > 0) {
            return new TapedeckError.NotFound(NotteProvider.ID, "notte has no replay for session " + session
                    + ", which " + ended + ", more than " + FINALISING.toMinutes() + " minutes ago: it recorded "
                    + "nothing");
        }
        return new TapedeckError.NotReady(NotteProvider.ID, "notte is still finalising the replay of session "
                + session + ", which " + ended + "; a replay appears shortly after its session closes",
                Optional.of(POLL_INTERVAL));
    }
}
