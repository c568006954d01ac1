package dev.tapedeck.provider.steel.internal;

import dev.tapedeck.model.JsonValue;
import feign.HeaderMap;
import feign.Headers;
import feign.Param;
import feign.QueryMap;
import feign.RequestLine;
import feign.Response;
import java.net.URI;
import java.util.Map;

/**
 * The Steel endpoints Tapedeck calls ({@code steel-sdk} 0.18 types and Steel's past-sessions guide). Answers are
 * read as sent ({@link JsonValue}); the http kit adds the key on the API's origin and keeps each id one segment.
 */
public interface SteelApi {

    /** {@code GET /v1/sessions?status=&cursorId=&limit=}: {@code {sessions[], nextCursor, totalCount?}}. */
    @RequestLine("GET /v1/sessions")
    @Headers("Accept: application/json")
    JsonValue sessions(@QueryMap Map<String, Object> query);

    /** {@code GET /v1/sessions/{id}}: one session, whose status and kind tell which recordings it has. */
    @RequestLine("GET /v1/sessions/{id}")
    @Headers("Accept: application/json")
    JsonValue session(@Param("id") String id);

    /** {@code GET /v1/sessions/{id}/hls}: the session's HLS playlist text. */
    @RequestLine("GET /v1/sessions/{id}/hls")
    @Headers("Accept: application/vnd.apple.mpegurl")
    Response hls(@Param("id") String id);

    /** {@code GET /v1/sessions/{id}/events?pointer=}: one page of rrweb events; {@code Next-Cursor} names the next. */
    @RequestLine("GET /v1/sessions/{id}/events")
    @Headers("Accept: application/json")
    Response events(@Param("id") String id, @QueryMap Map<String, Object> query);

    /** A playlist segment on the API's own origin, which Steel serves with the key. */
    @RequestLine("GET")
    Response media(URI url, @HeaderMap Map<String, Object> headers);
}
