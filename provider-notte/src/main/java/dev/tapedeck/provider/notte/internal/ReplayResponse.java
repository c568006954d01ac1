package dev.tapedeck.provider.notte.internal;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * Notte's {@code ReplayResponse} as sent; every field may be null (HLS-only replays have no {@code mp4_url}, and
 * {@code expires_at}, required by the OpenAPI document, is null in practice).
 *
 * @param playlistContent the HLS playlist text, whose segment URLs are presigned
 * @param mp4Url          the presigned MP4 URL
 * @param expiresAt       when the presigned URLs expire, as sent (an unreadable value must not lose the replay)
 * @param videoStartMs    where the video starts within the session, in milliseconds
 * @param videoDurationMs the video's length in milliseconds
 */
public record ReplayResponse(
        @JsonProperty("playlist_content") String playlistContent,
        @JsonProperty("mp4_url") String mp4Url,
        @JsonProperty("expires_at") JsonNode expiresAt,
        @JsonProperty("video_start_ms") Long videoStartMs,
        @JsonProperty("video_duration_ms") Long videoDurationMs) {
}
