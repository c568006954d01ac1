package dev.tapedeck.provider.kernel.internal;

import dev.tapedeck.http.JsonAnswer;
import dev.tapedeck.model.JsonValue;
import feign.HeaderMap;
import feign.Headers;
import feign.Param;
import feign.QueryMap;
import feign.RequestLine;
import feign.Response;
import java.util.Map;

/**
 * The Kernel endpoints Tapedeck calls ({@code @onkernel/sdk} 0.84.0 types). Answers are read as sent
 * ({@link JsonValue}); the http kit adds the bearer key on the API's origin and keeps each id one path segment.
 */
public interface KernelApi {

    /** {@code GET /browsers/{id}/replays}: {@code [{replay_id, started_at, finished_at, replay_view_url}]}. */
    @RequestLine("GET /browsers/{id}/replays")
    @Headers("Accept: application/json")
    JsonValue replays(@Param("id") String id);

    /** {@code POST /browsers/{id}/replays}: starts a replay with Kernel's defaults; the replay as started. */
    @RequestLine("POST /browsers/{id}/replays")
    @Headers({"Accept: application/json", "Content-Type: application/json"})
    JsonValue start(@Param("id") String id, Map<String, Object> body);

    /** {@code GET /browsers?status=&query=&offset=&limit=}: a bare array, its paging in the headers. */
    @RequestLine("GET /browsers")
    @Headers("Accept: application/json")
    JsonAnswer browsers(@QueryMap Map<String, Object> query);

    /** {@code POST /browsers/{id}/replays/{replay_id}/stop}: stops a replay and persists its video; no body. */
    @RequestLine("POST /browsers/{id}/replays/{replay_id}/stop")
    void stop(@Param("id") String id, @Param("replay_id") String replayId);

    /** {@code GET /browsers/{id}/replays/{replay_id}}: the replay's MP4 bytes, streamed, from a range if asked. */
    @RequestLine("GET /browsers/{id}/replays/{replay_id}")
    @Headers("Accept: video/mp4")
    Response replay(@Param("id") String id, @Param("replay_id") String rid, @HeaderMap Map<String, Object> headers);
}
