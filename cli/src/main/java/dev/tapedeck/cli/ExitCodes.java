package dev.tapedeck.cli;

import dev.tapedeck.model.TapedeckError;

/**
 * The process exit codes of the {@code tapedeck} command, one per class of failure, so that scripts can tell a
 * typo from an outage: 0 ok, 2 usage, 3 not found, 4 credentials, 5 not ready, 6 provider or network trouble,
 * 7 unsupported, 8 integrity, 1 anything else. A folder another tapedeck run is writing to counts as unavailable (6):
 * the same command works once that run is done.
 */
public final class ExitCodes {

    /** Everything worked. */
    public static final int OK = 0;
    /** Storage failures and anything unexpected. */
    public static final int OTHER = 1;
    /** Bad arguments, invalid input, a misconfigured provider. */
    public static final int USAGE = 2;
    /** The session or recording does not exist. */
    public static final int NOT_FOUND = 3;
    /** The credentials are missing, wrong or not allowed. */
    public static final int UNAUTHORIZED = 4;
    /** The recording is not ready yet. */
    public static final int NOT_READY = 5;
    /** Rate limited, a provider failure, a network failure, or the folder in use by another run. */
    public static final int UNAVAILABLE = 6;
    /** The provider lacks the capability or filter. */
    public static final int UNSUPPORTED = 7;
    /** A download did not add up. */
    public static final int INTEGRITY = 8;

    private ExitCodes() {
    }

    /** The exit code for {@code error}. */
    public static int of(TapedeckError error) {
        if (error instanceof TapedeckError.InvalidRequest || error instanceof TapedeckError.Misconfigured) {
            return USAGE;
        }
        if (error instanceof TapedeckError.NotFound) {
            return NOT_FOUND;
        }
        if (error instanceof TapedeckError.Unauthorized || error instanceof TapedeckError.Forbidden) {
            return UNAUTHORIZED;
        }
        if (error instanceof TapedeckError.NotReady) {
            return NOT_READY;
        }
        if (error instanceof TapedeckError.RateLimited || error instanceof TapedeckError.ProviderFailure
                || error instanceof TapedeckError.Transport || error instanceof TapedeckError.InUse) {
            return UNAVAILABLE;
        }
        if (error instanceof TapedeckError.Unsupported) {
            return UNSUPPORTED;
        }
        if (error instanceof TapedeckError.Integrity) {
            return INTEGRITY;
        }
        return OTHER;
    }
}
