package dev.tapedeck.provider.anchor.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tapedeck.http.Listings;
import dev.tapedeck.http.json.Instants;
import dev.tapedeck.http.json.Json;
import dev.tapedeck.model.Page;
import dev.tapedeck.model.PageToken;
import dev.tapedeck.model.Session;
import dev.tapedeck.model.TapedeckError;
import io.vavr.control.Either;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Anchor's history items to neutral sessions, and its pages to {@link Page}s.
 *
 * <p>Fields without a neutral home go to {@link Session#extras()} under their wire names: {@code headless},
 * {@code proxy_bytes}, {@code proxy_type}, {@code user_configuration} (compact JSON), {@code task_initiated},
 * {@code task_executions_count}, {@code api_key_name}, {@code browser_ip}; absent or null ones are left out.
 * The next page is {@code page + 1} while {@code page < total_pages} and the page was not empty (counting items
 * skipped because they could not be sessions, so a page of odd items does not end the listing).
 */
final class SessionMapper {

    /** Writes user_configuration back as compact JSON; a copy of the kit's mapper, never reconfigured. */
    private static final ObjectMapper JSON = Json.mapper();

    private SessionMapper() {
    }

    /**
     * The page Anchor answered to the request for page {@code page}. An item that cannot be a session (no usable
     * id) is skipped, so one odd item never fails the page.
     */
    static Either<TapedeckError, Page<Session>> page(SessionHistoryPageResponse body, long page) {
        SessionHistoryPageResponse.Data data = body == null ? null : body.data();
        if (data == null) {
            return Either.left(new TapedeckError.ProviderFailure(AnchorProvider.ID, 200, "anchor answered GET "
                    + "/v1/sessions without a data object; try again, and report it if it persists", "", true));
        }
        List<Session> sessions = Listings.keepReadable(AnchorProvider.ID, "session", data.sessions(),
                SessionMapper::session);
        boolean more = !data.sessions().isEmpty() && data.totalPages() != null && page < data.totalPages();
        return Either.right(new Page<>(sessions, more ? Optional.of(PageToken.ofPage(page + 1)) : Optional.empty(),
                Optional.ofNullable(data.total())));
    }

    /**
     * One neutral session, or why the item cannot be one (its id is unusable). An unreadable {@code created_at} is
     * absent and kept as raw text in the extras.
     */
    static Either<String, Session> session(SessionHistoryItem item) {
        return Listings.sessionId(item.id()).map(id -> {
            Session.Builder session = Session.builder(AnchorProvider.ID, id)
                    .status(StatusWords.neutral(item.status()), item.status());
            session.createdAt(Instants.read(item.createdAt(), "created_at", session).orElse(null))
                    .duration(duration(item.duration()))
                    .tags(item.tags())
                    .domains(item.domains())
                    .recordingEnabled(item.recording())
                    .credits(item.usedCredits())
                    .steps(whole(item.steps()))
                    .extra("headless", item.headless())
                    .extra("proxy_bytes", plain(item.proxyBytes()))
                    .extra("proxy_type", item.proxyType())
                    .extra("user_configuration", json(item.userConfiguration()))
                    .extra("task_initiated", item.taskInitiated())
                    .extra("task_executions_count", plain(item.taskExecutionsCount()))
                    .extra("api_key_name", item.apiKeyName())
                    .extra("browser_ip", item.browserIp());
            if (item.steps() != null && whole(item.steps()) == null) {
                session.extra("steps", plain(item.steps()));
            }
            return session.build();
        });
    }

    /** Seconds as a duration; null for null or negative. */
    private static Duration duration(BigDecimal seconds) {
        if (seconds == null || seconds.signum() < 0) {
            return null;
        }
        try {
            return Duration.ofNanos(seconds.movePointRight(9).toBigInteger().longValueExact());
        } catch (ArithmeticException tooLong) {
            return null;
        }
    }

    /** A whole non-negative number as a long; null otherwise. */
    private static Long whole(BigDecimal number) {
        if (number == null || number.signum() < 0) {
            return null;
        }
        try {
            return number.longValueExact();
        } catch (ArithmeticException notWhole) {
            return null;
        }
    }

    private static String plain(BigDecimal number) {
        return number == null ? null : number.toPlainString();
    }

    private static String json(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException unwritable) {
            return node.toString();
        }
    }
}
