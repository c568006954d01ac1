package com.example.acme.internal;

import com.fasterxml.jackson.annotation.JsonProperty;
import feign.Param;
import feign.QueryMap;
import feign.RequestLine;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Acme's API as Feign calls it, and its answers as they arrive: {@code GET /v1/sessions}, its recordings. */
public interface AcmeApi {

    /** One page of sessions, newest first: {@code limit}, {@code cursor}, {@code status}, {@code tag}. */
    @RequestLine("GET /v1/sessions")
    SessionPage sessions(@QueryMap Map<String, Object> query);

    /** The recordings of one session. */
    @RequestLine("GET /v1/sessions/{id}/recordings")
    RecordingList recordings(@Param("id") String sessionId);

    /** A page: its sessions and the cursor of the next page, null on the last. */
    record SessionPage(List<SessionItem> data, @JsonProperty("next_cursor") String nextCursor) {
    }

    /** A session as Acme sends it; {@code status} is {@code running}, {@code finished} or {@code failed}. */
    record SessionItem(String id, String status, @JsonProperty("created_at") Instant createdAt,
            @JsonProperty("ended_at") Instant endedAt, List<String> tags) {
    }

    /** A session's recordings. */
    record RecordingList(List<RecordingItem> data) {
    }

    /** A recording: a presigned MP4 link valid until {@code urlExpiresAt}. */
    record RecordingItem(String id, boolean primary, String url, @JsonProperty("url_expires_at") Instant urlExpiresAt,
            Long bytes, @JsonProperty("duration_seconds") Double durationSeconds,
            @JsonProperty("created_at") Instant createdAt) {
    }
}
