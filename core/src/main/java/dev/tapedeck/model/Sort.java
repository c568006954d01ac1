package dev.tapedeck.model;

import java.util.Locale;
import java.util.Objects;

/**
 * A sort order for session listings.
 *
 * @param field     the provider's field name, e.g. {@code created_at}
 * @param ascending the direction
 */
public record Sort(String field, boolean ascending) {
    /** Requires a non-blank field. */
    public Sort {
        Objects.requireNonNull(field, "field");
        if (field.isBlank()) {
            throw new IllegalArgumentException("sort field is blank");
        }
    }

    /** Parses {@code FIELD}, {@code FIELD:asc} or {@code FIELD:desc}. */
    public static Sort parse(String text) {
        String trimmed = text.trim();
        int colon = trimmed.lastIndexOf(':');
        if (colon < 0) {
            return new Sort(trimmed, true);
        }
        String direction = trimmed.substring(colon + 1).toLowerCase(Locale.ROOT);
        if (!direction.equals("asc") && !direction.equals("desc")) {
            throw new IllegalArgumentException("sort direction '" + direction + "' is neither asc nor desc; write FIELD:asc or FIELD:desc");
        }
        return new Sort(trimmed.substring(0, colon), direction.equals("asc"));
    }

    /** {@code asc} or {@code desc}. */
    public String direction() {
        return ascending ? "asc" : "desc";
    }
}
