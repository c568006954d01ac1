package dev.tapedeck.model;

import io.vavr.control.Either;
import java.util.Objects;

/**
 * Carries a {@link TapedeckError} where a value cannot: out of a lazy stream that failed half-way, and out of
 * {@link #orThrow}, the throwing form of every call for code that prefers exceptions to {@code Either}. Its message
 * is the error's message, so it is as free of secrets as the error; {@link #error()} gives the error itself.
 */
public final class TapedeckException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient TapedeckError error;

    /** Wraps {@code error}. */
    public TapedeckException(TapedeckError error) {
        super(Objects.requireNonNull(error, "error").message(), null, false, false);
        this.error = error;
    }

    /**
     * The value of {@code result}, or a {@code TapedeckException} carrying its error: the throwing form of any call
     * that returns an {@code Either}, e.g.
     * {@code Connection anchor = orThrow(Tapedeck.connect("anchor", config));} after
     * {@code import static dev.tapedeck.model.TapedeckException.orThrow;}.
     *
     * @throws TapedeckException when {@code result} is a left
     */
    public static <T> T orThrow(Either<? extends TapedeckError, ? extends T> result) {
        Objects.requireNonNull(result, "result");
        if (result.isLeft()) {
            throw new TapedeckException(result.getLeft());
        }
        return result.get();
    }

    /** The error. */
    public TapedeckError error() {
        return error;
    }
}
