package dev.tapedeck.model;

import java.util.Objects;

/**
 * A provider's session identifier, exactly as the provider sent it, validated so that it can always travel as one
 * URL path segment.
 *
 * <p>Every text is accepted that percent-encoding carries there and back unchanged: anything but the empty string,
 * unpaired UTF-16 surrogates and values longer than {@value #MAX_LENGTH} characters. Blanks, control characters
 * and the dot segments {@code .} and {@code ..} are valid ids, because a provider may really hand them out and a
 * session must never vanish from a listing for its name: transport code percent-encodes the value as a single
 * segment (an all-dots value with its dots encoded too, so it is never a dot segment), local file names come from
 * {@code dev.tapedeck.download.RecordingPaths}, and printing code escapes control characters.
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
