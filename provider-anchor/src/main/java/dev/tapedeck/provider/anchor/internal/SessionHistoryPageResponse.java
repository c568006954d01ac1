package dev.tapedeck.provider.anchor.internal;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import dev.tapedeck.model.JsonValue;
import java.util.List;

/**
 * The wire form of {@code GET /v1/sessions}: {@code {data:{sessions[], total, page, total_pages}}}.
 *
 * @param data the payload; null when Anchor sent none
 */
public record SessionHistoryPageResponse(Data data) {

    /**
     * One page.
     *
     * @param sessions   the sessions of this page, as sent (each read field by field, so one odd item never fails
     *                   the page); empty when absent or null
     * @param total      the number of matching sessions
     * @param page       this page's number
     * @param totalPages the number of pages
     */
    public record Data(
            @JsonSetter(nulls = Nulls.AS_EMPTY) List<JsonValue> sessions,
            Long total,
            Long page,
            @JsonProperty("total_pages") Long totalPages) {
    }
}
