package dev.tapedeck.http;

import dev.tapedeck.model.TapedeckError;
import java.util.Objects;

/**
 * Thrown out of a Feign client made by {@link HttpKit#api(Class)} when the provider answered with an error.
 * {@link HttpKit#call} turns it back into its {@link TapedeckError}; its message is the error's message, so it is
 * as free of secrets as the error.
 */
public final class ApiException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient TapedeckError error;

    /** Wraps {@code error}. */
    public ApiException(TapedeckError error) {
        super(Objects.requireNonNull(error, "error").message(), null, false, false);
        this.error = error;
    }

    /** The mapped error. */
    public TapedeckError error() {
        return error;
    }
}
