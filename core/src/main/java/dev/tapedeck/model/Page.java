package dev.tapedeck.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One page of results as the provider returned it.
 *
 * @param items     the items, possibly empty
 * @param next      the token of the next page, empty on the last page
 * @param total     the provider's total count of matching items, when it reports one
 * @param <T>       the item type
 */
public record Page<T>(List<T> items, Optional<PageToken> next, Optional<Long> total) {
    /** Freezes the items. */
    public Page {
        items = List.copyOf(items);
        Objects.requireNonNull(next, "next");
        Objects.requireNonNull(total, "total");
    }

    /** A last page. */
    public static <T> Page<T> last(List<T> items) {
        return new Page<>(items, Optional.empty(), Optional.empty());
    }
}
