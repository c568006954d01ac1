package dev.tapedeck.provider.anchor.internal;

import dev.tapedeck.model.JsonValue;
import feign.HeaderMap;
import feign.Headers;
import feign.Param;
import feign.QueryMap;
import feign.RequestLine;
import feign.Response;
import java.util.Map;

/**
 * The AnchorBrowser endpoints Tapedeck calls, as Feign declares them. The http kit adds the API key (to the API
 * origin only) and retries, and encodes each session id as exactly one path segment. History query values arrive
 * already percent-encoded by {@link dev.tapedeck.http.PercentEncoding}, which Feign leaves as they are.
 */
public interface AnchorApi {

    /**
     * {@code GET /v1/sessions/{session_id}/recordings}: the session's recordings, {@code {data:{count, items[]}}},
     * read as sent so that every field reaches the recordings and one odd item never loses the others.
     */
    @RequestLine("GET /v1/sessions/{session_id}/recordings")
    @Headers("Accept: application/json")
    JsonValue recordings(@Param("session_id") String sessionId);

    /**
     * {@code GET /v1/sessions/{session_id}/recordings/primary/fetch}: the primary recording's MP4 bytes, streamed.
     * {@code headers} carries {@code Range} and {@code If-Range} when resuming.
     */
    @RequestLine("GET /v1/sessions/{session_id}/recordings/primary/fetch")
    @Headers("Accept: video/mp4")
    Response primary(@Param("session_id") String sessionId, @HeaderMap Map<String, Object> headers);

    /** {@code GET /v1/sessions/{session_id}}: one session, asked for its status when pausing or resuming fails. */
    @RequestLine("GET /v1/sessions/{session_id}")
    @Headers("Accept: application/json")
    SessionDetailResponse session(@Param("session_id") String sessionId);

    /** {@code POST /v1/sessions/{session_id}/recordings/pause}: {@code {data: SuccessResponse}}, read as sent. */
    @RequestLine("POST /v1/sessions/{session_id}/recordings/pause")
    @Headers("Accept: application/json")
    JsonValue pause(@Param("session_id") String sessionId);

    /** {@code POST /v1/sessions/{session_id}/recordings/resume}: like pause. */
    @RequestLine("POST /v1/sessions/{session_id}/recordings/resume")
    @Headers("Accept: application/json")
    JsonValue resume(@Param("session_id") String sessionId);

    /** {@code GET /v1/sessions}: one page of the session history; {@code query} is in Anchor's order, encoded. */
    @RequestLine("GET /v1/sessions")
    @Headers("Accept: application/json")
    SessionHistoryPageResponse sessions(@QueryMap(encoded = true) Map<String, Object> query);
}
