package dev.tapedeck.provider.anchor.internal;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import dev.tapedeck.http.json.LenientDecimalDeserializer;
import java.math.BigDecimal;
import java.util.List;

/**
 * One session on the wire ({@code SessionHistoryPageItem}). Nullable per the document: tags, domains, steps,
 * duration, proxy_bytes, proxy_type, browser_ip; read leniently: everything, and every number also as a decimal
 * string, with {@code "N/A"} or an empty string as absent.
 *
 * @param id                  the session id
 * @param status              Anchor's status word
 * @param tags                tags
 * @param headless            whether it ran headless
 * @param recording           whether recording was enabled
 * @param usedCredits         credits as a number or decimal string; {@code N/A} (still running) reads as null
 * @param proxyBytes          proxy bandwidth in bytes
 * @param proxyType           the proxy type
 * @param steps               the number of AI or browser steps
 * @param duration            the duration in seconds
 * @param createdAt           when it was created, as sent (read leniently: one bad value must not fail the page)
 * @param userConfiguration   the user configuration object, as sent
 * @param taskInitiated       whether a task started it
 * @param taskExecutionsCount the number of task executions
 * @param apiKeyName          the name of the API key that created it
 * @param browserIp           the browser's or proxy's IP
 * @param domains             the domains it visited
 */
public record SessionHistoryItem(
        String id,
        String status,
        List<String> tags,
        Boolean headless,
        Boolean recording,
        @JsonProperty("used_credits") @JsonDeserialize(using = LenientDecimalDeserializer.class) BigDecimal usedCredits,
        @JsonProperty("proxy_bytes") @JsonDeserialize(using = LenientDecimalDeserializer.class) BigDecimal proxyBytes,
        @JsonProperty("proxy_type") String proxyType,
        @JsonDeserialize(using = LenientDecimalDeserializer.class) BigDecimal steps,
        @JsonDeserialize(using = LenientDecimalDeserializer.class) BigDecimal duration,
        @JsonProperty("created_at") JsonNode createdAt,
        @JsonProperty("user_configuration") JsonNode userConfiguration,
        @JsonProperty("task_initiated") Boolean taskInitiated,
        @JsonProperty("task_executions_count") @JsonDeserialize(using = LenientDecimalDeserializer.class) BigDecimal taskExecutionsCount,
        @JsonProperty("api_key_name") String apiKeyName,
        @JsonProperty("browser_ip") String browserIp,
        List<String> domains) {
}
