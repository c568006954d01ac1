package dev.tapedeck.provider.anchor.internal;

import dev.tapedeck.http.Listings;
import dev.tapedeck.http.json.ItemFields;
import dev.tapedeck.model.JsonValue;
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
 * Anchor's history items ({@code SessionHistoryPageItem}) to neutral sessions, and its pages to {@link Page}s.
 *
 * <p>Each item is read field by field ({@link ItemFields}), so one odd item never fails a page: {@code id},
 * {@code status}, {@code tags}, {@code domains}, {@code recording}, {@code used_credits} (a number or decimal
 * text), {@code steps} (a whole number), {@code duration} (seconds) and {@code created_at} go to their neutral
 * fields. Everything else stays in the session's provider data under its wire name, typed: {@code headless},
 * {@code proxy_bytes}, {@code proxy_type}, {@code user_configuration}, {@code task_initiated},
 * {@code task_executions_count}, {@code api_key_name}, {@code browser_ip}, and whatever Anchor adds. A value of
 * the wrong type ({@code "used_credits": "12,5"}, {@code "tags": "a,b"}, fractional steps, a negative duration)
 * keeps its raw value there and is named in {@link Session#unreadFields()}; {@code "used_credits": "N/A"} (still
 * running) stays there as the marker it is. The next page is {@code page + 1} while {@code page < total_pages}
 * and the page was not empty (counting items skipped because they have no usable id, so a page of odd items does
 * not end the listing).
 */
final class SessionMapper {

    private SessionMapper() {
    }

    /** The page Anchor answered to the request for page {@code page}. */
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

    /** One neutral session, or why the item cannot be one (not an object, or no usable id). */
    static Either<String, Session> session(JsonValue item) {
        return Listings.session(item, "id", (id, fields) -> {
            String status = fields.text("status").orElse(null);
            Session.Builder session = Session.builder(AnchorProvider.ID, id)
                    .status(StatusWords.neutral(status), status)
                    .createdAt(fields.instant("created_at").orElse(null))
                    .tags(fields.texts("tags"))
                    .domains(fields.texts("domains"))
                    .recordingEnabled(fields.bool("recording").orElse(null))
                    .credits(fields.decimal("used_credits", "N/A", "").orElse(null))
                    .steps(fields.count("steps").orElse(null))
                    .duration(seconds(fields));
            fields.keepIn(session::providerData, session::unreadField);
            return session.build();
        });
    }

    /** {@code duration} in seconds as a duration; a negative or huge one is unread. */
    private static Duration seconds(ItemFields fields) {
        Optional<BigDecimal> seconds = fields.decimal("duration");
        if (seconds.isEmpty()) {
            return null;
        }
        try {
            if (seconds.get().signum() >= 0) {
                return Duration.ofNanos(seconds.get().movePointRight(9).toBigInteger().longValueExact());
            }
        } catch (ArithmeticException tooLong) {
            // unread below
        }
        fields.unreadable("duration");
        return null;
    }
}
