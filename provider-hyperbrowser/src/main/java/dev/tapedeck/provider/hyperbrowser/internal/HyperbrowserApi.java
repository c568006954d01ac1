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
 * {@code /api} of the base URL as the SDK has them; answers read as sent ({@link JsonValue}); the http kit adds the
 * key and keeps each id one path segment.
 */
public interface HyperbrowserApi {

    /** {@code GET /api/sessions?status=&page=&limit=}: {@code {sessions[], totalCount, page, perPage}}. */
    @RequestLine("GET /api/sessions")
    @Headers("Accept: application/json")
    JsonValue sessions(@QueryMap Map<String, Object> query);

    /** {@code GET /api/session/{id}/video-recording-url}: {@code {status, recordingUrl, error}} of the MP4. */
    @RequestLine("GET /api/session/{id}/video-recording-url")
    @Headers("Accept: application/json")
    JsonValue videoRecordingUrl(@Param("id") String id);

    /** {@code GET /api/session/{id}/recording-url}: {@code {status, recordingUrl, error}} of the rrweb events. */
    @RequestLine("GET /api/session/{id}/recording-url")
    @Headers("Accept: application/json")
    JsonValue recordingUrl(@Param("id") String id);

    /** {@code GET /api/session/{id}/recording}: the rrweb events themselves, one JSON array, streamed. */
    @RequestLine("GET /api/session/{id}/recording")
    @Headers("Accept: application/json")
    Response recording(@Param("id") String id, @HeaderMap Map<String, Object> headers);
}
