package dev.tapedeck.model;

import java.util.Objects;

/**
 * A recording's identifier within its provider, exactly as the provider sent it; the same validation rules as
 * {@link SessionId}.
 */
public record RecordingId(String value) {

    /** Validates {@code value}; throws {@link IllegalArgumentException} saying what is wrong. */
    public RecordingId {
        Objects.requireNonNull(value, "recording id");
        String problem = Identifiers.problem(value, SessionId.MAX_LENGTH);
        if (problem != null) {
            throw new IllegalArgumentException("invalid recording id: " + problem);
        }
    }

    /** Shorthand for {@code new RecordingId(value)}. */
    public static RecordingId of(String value) {
        return new RecordingId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
