package dev.tapedeck.provider.anchor.internal;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import java.util.List;

/**
 * The wire form of {@code GET /v1/sessions/{session_id}/recordings}: {@code {data:{count, items[]}}}.
 *
 * @param data the payload; null when Anchor sent none
 */
public record RecordingListResponse(Data data) {

    /**
     * The list.
     *
     * @param count the number of recordings Anchor counted
     * @param items the recordings; empty when absent or null
     */
    public record Data(Long count, @JsonSetter(nulls = Nulls.AS_EMPTY) List<RecordingItem> items) {
    }

    /** The recordings, empty when the body had none. */
    public List<RecordingItem> items() {
        return data == null || data.items() == null ? List.of() : data.items();
    }
}
