package dev.tapedeck.model;

import java.util.Objects;

/**
 * Carries a {@link TapedeckError} where a value cannot: out of a lazy stream that failed half-way.
 * Its message is the error's message, so it is as free of secrets as the error.
 */
public final class TapedeckException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient TapedeckError error;

    /** Wraps {@code error}. */
    public TapedeckException(TapedeckError error) {
        super(Objects.requireNonNull(error, "error").message(), null, false, false);
        this.error = error;
    }

    /** The error. */
    public TapedeckError error() {
        return error;
    }
}
