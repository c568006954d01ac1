package dev.tapedeck.cli;

import dev.tapedeck.model.TapedeckError;
import java.util.Objects;

/**
 * Ends a command with a {@link TapedeckError}: {@link Main} prints its message as one line on stderr and exits
 * with {@link ExitCodes#of}. Its message is the error's, so it is as free of secrets as the error.
 */
final class CliFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient TapedeckError error;

    CliFailure(TapedeckError error) {
        super(Objects.requireNonNull(error, "error").message());
        this.error = error;
    }

    /** A usage error raised by the CLI itself (exit 2). */
    static CliFailure usage(String message) {
        return new CliFailure(TapedeckError.InvalidRequest.of("", message));
    }

    TapedeckError error() {
        return error;
    }
}
