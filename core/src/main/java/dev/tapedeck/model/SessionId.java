package dev.tapedeck.model;

import java.util.Objects;

/**
 * A provider's session identifier, validated so that it can always travel as one URL path segment.
 *
 * <p>Any printable text is accepted except blank values, control characters, the dot segments
 * {@code .} and {@code ..}, and values longer than {@value #MAX_LENGTH} characters. Transport code
 * percent-encodes the value as a single segment, so a {@code /} inside an id never becomes a path.
 */
public record SessionId(String value) {

    /** Longest id accepted. */
    public static final int MAX_LENGTH = 512;

    /** Validates {@code value}; throws {@link IllegalArgumentException} saying what is wrong. */
    public SessionId {
        Objects.requireNonNull(value, "session id");
        String problem = Identifiers.problem(value, MAX_LENGTH);
        if (problem != null) {
            throw new IllegalArgumentException("invalid session id: " + problem);
        }
    }

    /** Shorthand for {@code new SessionId(value)}. */
    public static SessionId of(String value) {
        return new SessionId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
