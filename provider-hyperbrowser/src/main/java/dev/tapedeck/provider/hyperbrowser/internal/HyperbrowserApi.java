package dev.tapedeck.provider.hyperbrowser.internal;

import dev.tapedeck.model.JsonValue;
import feign.HeaderMap;
import feign.Headers;
import feign.Param;
import feign.QueryMap;
import feign.RequestLine;
import feign.Response;
import java.util.Map;

/**
 * The Hyperbrowser endpoints Tapedeck calls ({@code @hyperbrowser/sdk} 0.92.6 types and services), below
 * {@code /api} of the base URL as the SDK has them; every answer is JSON, read as sent ({@link JsonValue}); the http
 * kit adds the key and keeps each id one path segment.
 */
@Headers("Accept: application/json")
public interface HyperbrowserApi {

    /** The answer {@code video-recording-url} of the MP4, {@code recording-url} of the rrweb events. */
    String VIDEO = "video-recording-url";
    /** See {@link #VIDEO}. */
    String EVENTS = "recording-url";

    /**
     * {@code GET /api/session/{id}/video-recording-url} or {@code /recording-url}: {@code {status, recordingUrl,
     * error}}.
     */
    @RequestLine("GET /api/session/{id}/{answer}")
    JsonValue recordingUrl(@Param("id") String id, @Param("answer") String answer);

    /** {@code GET /api/sessions?status=&page=&limit=}: {@code {sessions[], totalCount, page, perPage}}. */
    @RequestLine("GET /api/sessions")
    JsonValue sessions(@QueryMap Map<String, Object> query);

    /** {@code GET /api/session/{id}/recording}: the rrweb events themselves, one JSON array, streamed. */
    @RequestLine("GET /api/session/{id}/recording")
    Response recording(@Param("id") String id, @HeaderMap Map<String, Object> headers);
}
