package dev.tapedeck.provider.notte.internal;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.tapedeck.model.JsonValue;
import java.util.List;

/**
 * One page of {@code GET /sessions} as sent.
 *
 * @param items       the sessions as sent, each read field by field so one odd item never fails the page; null
 *                    when absent
 * @param page        the page number Notte answered, 1-based
 * @param pageSize    the page size Notte used
 * @param hasNext     whether another page follows
 * @param hasPrevious whether a page precedes
 */
public record SessionPage(
        @JsonProperty("items") List<JsonValue> items,
        @JsonProperty("page") Integer page,
        @JsonProperty("page_size") Integer pageSize,
        @JsonProperty("has_next") Boolean hasNext,
        @JsonProperty("has_previous") Boolean hasPrevious) {
}
