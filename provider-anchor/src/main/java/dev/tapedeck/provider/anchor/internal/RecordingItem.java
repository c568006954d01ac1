package dev.tapedeck.provider.anchor.internal;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import dev.tapedeck.http.json.LenientDecimalDeserializer;
import java.math.BigDecimal;

/**
 * One recording on the wire ({@code RecordingItem}); every field is optional, as in Anchor's SDKs.
 *
 * @param id                its id
 * @param isPrimary         whether it is the primary recording
 * @param fileLink          a URL to its file
 * @param suggestedFileName the file name Anchor suggests
 * @param duration          its duration as text (numbers are read as their text)
 * @param size              its size in bytes
 * @param createdAt         when it was created, as sent (an unreadable value must not lose the recording)
 */
public record RecordingItem(
        String id,
        @JsonProperty("is_primary") Boolean isPrimary,
        @JsonProperty("file_link") String fileLink,
        @JsonProperty("suggested_file_name") String suggestedFileName,
        String duration,
        @JsonDeserialize(using = LenientDecimalDeserializer.class) BigDecimal size,
        @JsonProperty("created_at") JsonNode createdAt) {
}
