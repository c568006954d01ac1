package dev.tapedeck.provider.notte.internal;

import dev.tapedeck.model.JsonValue;
import feign.Param;
import feign.RequestLine;

/**
 * The Notte endpoints Tapedeck calls, as Feign declares them. The http kit adds auth and encodes the session id
 * as exactly one path segment.
 */
public interface NotteApi {

    /**
     * {@code GET /sessions/{session_id}/replay}: the replay of a closed session ({@code ReplayResponse}), read as
     * sent so that every field reaches the recording.
     */
    @RequestLine("GET /sessions/{session_id}/replay")
    JsonValue replay(@Param("session_id") String sessionId);

    /** {@code GET /sessions/{session_id}}: one session, asked when a replay's 404 alone cannot tell why. */
    @RequestLine("GET /sessions/{session_id}")
    JsonValue session(@Param("session_id") String sessionId);

    /**
     * {@code GET /sessions}: one page of sessions. {@code only_active} defaults to true at Notte, so history must
     * pass false.
     */
    @RequestLine("GET /sessions?only_active={only_active}&page={page}&page_size={page_size}")
    SessionPage sessions(@Param("only_active") boolean onlyActive, @Param("page") int page,
            @Param("page_size") int pageSize);
}
