package dev.tapedeck.provider.kataven.internal;

import com.fasterxml.jackson.databind.JsonNode;
import feign.Param;
import feign.RequestLine;

/**
 * The Kataven endpoint Tapedeck calls, relative to the base URL with its path prefix. The answer is read as a tree
 * because Kataven documents its body only as "object". The http kit encodes the session id as exactly one path
 * segment.
 */
public interface KatavenApi {

    /** {@code GET {prefix}/sessions/{id}/recording}: a presigned URL of the call recording. */
    @RequestLine("GET /sessions/{id}/recording")
    JsonNode recording(@Param("id") String sessionId);
}
