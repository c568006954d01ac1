package dev.tapedeck.provider.notte.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tapedeck.http.json.DurationText;
import dev.tapedeck.model.Page;
import dev.tapedeck.model.PageToken;
import dev.tapedeck.model.Session;
import dev.tapedeck.model.SessionId;
import dev.tapedeck.model.SessionStatus;
import dev.tapedeck.model.TapedeckError;
import io.vavr.control.Either;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Turns Notte's session list into neutral sessions and pages. Statuses map as {@code active} ACTIVE, {@code closed}
 * COMPLETED, {@code error} FAILED, {@code timed_out} TIMED_OUT, anything else UNKNOWN (the raw word is kept). A
 * duration that does not parse is kept as the extra {@code duration}.
 */
final class SessionMapper {

    private SessionMapper() {
    }

    /** The page {@code dto} holds; {@code requestedPage} is the page asked for, used when Notte does not echo it. */
    static Either<TapedeckError, Page<Session>> page(SessionPage dto, int requestedPage) {
        if (dto == null) {
            return Either.left(new TapedeckError.ProviderFailure(NotteProvider.ID, 200,
                    "notte answered the session list with an empty body; try again later", "", false));
        }
        List<Session> sessions = new ArrayList<>();
        for (SessionItem item : dto.items() == null ? List.<SessionItem>of() : dto.items()) {
            if (item == null) {
                continue;
            }
            Either<TapedeckError, Session> session = session(item);
            if (session.isLeft()) {
                return Either.left(session.getLeft());
            }
            sessions.add(session.get());
        }
        int page = dto.page() != null && dto.page() >= 1 ? dto.page() : requestedPage;
        Optional<PageToken> next = Boolean.TRUE.equals(dto.hasNext())
                ? Optional.of(PageToken.ofPage(page + 1L)) : Optional.empty();
        return Either.right(new Page<>(sessions, next, Optional.empty()));
    }

    /** One session, or a ProviderFailure when its id is unusable. */
    static Either<TapedeckError, Session> session(SessionItem item) {
        SessionId id;
        try {
            id = SessionId.of(item.sessionId() == null ? "" : item.sessionId());
        } catch (IllegalArgumentException invalid) {
            return Either.left(new TapedeckError.ProviderFailure(NotteProvider.ID, 200,
                    "notte listed a session with an unusable id (" + invalid.getMessage() + "); report it to Notte",
                    "", false));
        }
        Optional<Duration> duration = DurationText.parse(item.duration());
        Session.Builder builder = Session.builder(NotteProvider.ID, id)
                .status(status(item.status()), item.status())
                .createdAt(item.createdAt())
                .endedAt(item.closedAt())
                .duration(duration.orElse(null))
                .credits(item.creditUsage())
                .steps(steps(item.steps()))
                .extra("last_accessed_at", item.lastAccessedAt())
                .extra("idle_timeout_minutes", item.idleTimeoutMinutes())
                .extra("max_duration_minutes", item.maxDurationMinutes())
                .extra("browser_type", item.browserType())
                .extra("error", text(item.error()))
                .extra("network_request_bytes", item.networkRequestBytes())
                .extra("network_response_bytes", item.networkResponseBytes());
        if (duration.isEmpty() && item.duration() != null && !item.duration().isBlank()) {
            builder.extra("duration", item.duration());
        }
        return Either.right(builder.build());
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

    private static Long steps(JsonNode steps) {
        if (steps == null || steps.isNull() || steps.isMissingNode()) {
            return null;
        }
        if (steps.isArray()) {
            return (long) steps.size();
        }
        return steps.canConvertToLong() ? steps.asLong() : null;
    }

    private static String text(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        String text = node.isTextual() ? node.asText() : node.toString();
        return text.isBlank() ? null : text;
    }
}
