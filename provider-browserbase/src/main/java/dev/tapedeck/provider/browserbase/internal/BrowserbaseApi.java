package dev.tapedeck.provider.browserbase.internal;

import dev.tapedeck.model.JsonValue;
import feign.HeaderMap;
import feign.Headers;
import feign.Param;
import feign.RequestLine;
import feign.Response;
import java.util.Map;

/**
 * The Browserbase endpoints Tapedeck calls (API reference, {@code @browserbasehq/sdk} 2.21 types), answers read as
 * sent ({@link JsonValue}); the http kit adds the key and keeps each id one path segment.
 */
public interface BrowserbaseApi {

    /** {@code GET /v1/sessions?status=&q=}: the matching sessions, one bare array (no paging); a null q is left out. */
    @RequestLine("GET /v1/sessions?status={status}&q={q}")
    @Headers("Accept: application/json")
    JsonValue sessions(@Param("status") String status, @Param("q") String q);

    /** {@code GET /v1/sessions/{id}}: one session, asked when its replay is missing. */
    @RequestLine("GET /v1/sessions/{id}")
    @Headers("Accept: application/json")
    JsonValue session(@Param("id") String id);

    /** {@code GET /v1/sessions/{id}/replays}: {@code {pageCount, pages[{pageId, url, startTimeMs, endTimeMs}]}}. */
    @RequestLine("GET /v1/sessions/{id}/replays")
    @Headers("Accept: application/json")
    JsonValue replays(@Param("id") String id);

    /** {@code GET /v1/sessions/{id}/replays/{pageId}}: the HLS playlist text of one page, streamed. */
    @RequestLine("GET /v1/sessions/{id}/replays/{pageId}")
    @Headers("Accept: application/vnd.apple.mpegurl")
    Response replayPage(@Param("id") String id, @Param("pageId") String pageId);

    /** {@code GET /v1/sessions/{id}/recording} (deprecated): the primary tab's rrweb events, a JSON array, streamed. */
    @RequestLine("GET /v1/sessions/{id}/recording")
    @Headers("Accept: application/json")
    Response events(@Param("id") String id, @HeaderMap Map<String, Object> headers);
}
