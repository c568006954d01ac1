package dev.tapedeck.provider.notte.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tapedeck.http.Listings;
import dev.tapedeck.http.json.DurationText;
import dev.tapedeck.http.json.Instants;
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
 * duration or timestamp that does not parse is kept as raw text in the extras under its wire name.
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
     * One session, or why the item cannot be one (its id is unusable). Timestamps that do not read are absent and
     * kept as raw text in the extras under their wire names.
     */
    static Either<String, Session> session(SessionItem item) {
        return Listings.sessionId(item.sessionId()).map(id -> {
            Optional<Duration> duration = DurationText.parse(item.duration());
            Session.Builder builder = Session.builder(NotteProvider.ID, id)
                    .status(status(item.status()), item.status());
            builder.createdAt(Instants.read(item.createdAt(), "created_at", builder).orElse(null))
                    .endedAt(Instants.read(item.closedAt(), "closed_at", builder).orElse(null))
                    .duration(duration.orElse(null))
                    .credits(item.creditUsage())
                    .steps(steps(item.steps()))
                    .extra("last_accessed_at", Instants.read(item.lastAccessedAt(), "last_accessed_at", builder)
                            .orElse(null))
                    .extra("idle_timeout_minutes", item.idleTimeoutMinutes())
                    .extra("max_duration_minutes", item.maxDurationMinutes())
                    .extra("browser_type", item.browserType())
                    .extra("error", text(item.error()))
                    .extra("network_request_bytes", item.networkRequestBytes())
                    .extra("network_response_bytes", item.networkResponseBytes());
            if (duration.isEmpty() && item.duration() != null && !item.duration().isBlank()) {
                builder.extra("duration", item.duration());
            }
            return builder.build();
        });
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
