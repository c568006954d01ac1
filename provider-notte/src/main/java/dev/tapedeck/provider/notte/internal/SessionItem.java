package dev.tapedeck.provider.notte.internal;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import dev.tapedeck.http.json.LenientDecimalDeserializer;
import java.math.BigDecimal;

/**
 * One Notte {@code SessionResponse} as sent, limited to the fields Tapedeck maps. {@code cdp_url} and
 * {@code viewer_url} are deliberately not read: they can carry access tokens.
 *
 * @param sessionId            the id
 * @param status               {@code active}, {@code closed}, {@code error} or {@code timed_out}
 * @param createdAt            creation time, as sent (read leniently: one bad value must not fail the page)
 * @param closedAt             when it closed, as sent
 * @param lastAccessedAt       when it was last used, as sent
 * @param duration             ISO-8601 duration text such as {@code PT41.286072S}
 * @param steps                the agent or browser steps: a list (counted) or a number
 * @param idleTimeoutMinutes   the idle timeout
 * @param maxDurationMinutes   the longest the session may run
 * @param browserType          the browser
 * @param error                what went wrong in a failed session: text or an object
 * @param creditUsage          credits used (older API versions)
 * @param networkRequestBytes  bytes sent by the browser
 * @param networkResponseBytes bytes received by the browser
 */
public record SessionItem(
        @JsonProperty("session_id") String sessionId,
        @JsonProperty("status") String status,
        @JsonProperty("created_at") JsonNode createdAt,
        @JsonProperty("closed_at") JsonNode closedAt,
        @JsonProperty("last_accessed_at") JsonNode lastAccessedAt,
        @JsonProperty("duration") String duration,
        @JsonProperty("steps") JsonNode steps,
        @JsonProperty("idle_timeout_minutes") Integer idleTimeoutMinutes,
        @JsonProperty("max_duration_minutes") Integer maxDurationMinutes,
        @JsonProperty("browser_type") String browserType,
        @JsonProperty("error") JsonNode error,
        @JsonProperty("credit_usage") @JsonDeserialize(using = LenientDecimalDeserializer.class) BigDecimal creditUsage,
        @JsonProperty("network_request_bytes") Long networkRequestBytes,
        @JsonProperty("network_response_bytes") Long networkResponseBytes) {
}
