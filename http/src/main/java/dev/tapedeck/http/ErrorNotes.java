package dev.tapedeck.http;

import dev.tapedeck.model.TapedeckError;

/** Adds a note to the message of any {@link TapedeckError}, keeping its kind and every other field. */
final class ErrorNotes {

    private ErrorNotes() {
    }

    /** {@code error} with {@code note} appended to its message; {@code error} itself when the note is empty. */
    static TapedeckError append(TapedeckError error, String note) {
        if (note.isEmpty()) {
            return error;
        }
        String message = error.message() + note;
        String provider = error.provider();
        if (error instanceof TapedeckError.NotFound) {
            return new TapedeckError.NotFound(provider, message);
        }
        if (error instanceof TapedeckError.NotReady notReady) {
            return new TapedeckError.NotReady(provider, message, notReady.retryAfter());
        }
        if (error instanceof TapedeckError.Unauthorized) {
            return new TapedeckError.Unauthorized(provider, message);
        }
        if (error instanceof TapedeckError.Forbidden) {
            return new TapedeckError.Forbidden(provider, message);
        }
        if (error instanceof TapedeckError.RateLimited limited) {
            return new TapedeckError.RateLimited(provider, message, limited.retryAfter());
        }
        if (error instanceof TapedeckError.InvalidRequest invalid) {
            return new TapedeckError.InvalidRequest(provider, message, invalid.problems());
        }
        if (error instanceof TapedeckError.Unsupported unsupported) {
            return new TapedeckError.Unsupported(provider, unsupported.what(), message);
        }
        if (error instanceof TapedeckError.ProviderFailure failure) {
            return new TapedeckError.ProviderFailure(provider, failure.status(), message, failure.excerpt(),
                    failure.retryable());
        }
        if (error instanceof TapedeckError.Transport) {
            return new TapedeckError.Transport(provider, message);
        }
        if (error instanceof TapedeckError.Integrity) {
            return new TapedeckError.Integrity(provider, message);
        }
        if (error instanceof TapedeckError.Misconfigured) {
            return new TapedeckError.Misconfigured(provider, message);
        }
        if (error instanceof TapedeckError.Storage) {
            return new TapedeckError.Storage(provider, message);
        }
        throw new IllegalStateException("unknown kind of error " + error.getClass().getName());
    }
}
