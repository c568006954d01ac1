package dev.tapedeck.model;

import java.util.Objects;

/** An opaque position in a paged listing: a page number or a cursor, as the provider defines it. */
public record PageToken(String value) {
    /** Requires a non-blank value. */
    public PageToken {
        Objects.requireNonNull(value, "page token");
        if (value.isBlank()) {
            throw new IllegalArgumentException("page token is blank");
        }
    }

    /** A page-number token. */
    public static PageToken ofPage(long pageNumber) {
        return new PageToken(Long.toString(pageNumber));
    }
}
