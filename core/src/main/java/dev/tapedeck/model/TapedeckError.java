package dev.tapedeck.model;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything that can go wrong, as values. Every variant names its provider (empty for errors raised by core
 * itself) and has a {@link #message()} for people that never contains a credential or a presigned signature.
 */
public sealed interface TapedeckError {

    /** The provider id, or an empty string when core raised the error. */
    String provider();

    /** A one-line explanation that says what was wrong and, where possible, what to do. */
    String message();

    /** Whether trying the same call again later may succeed. */
    default boolean isTransient() {
        return false;
    }

    /** The session, recording or other resource does not exist. */
    record NotFound(String provider, String message) implements TapedeckError {
        /** Checks for nulls. */
        public NotFound {
            Objects.requireNonNull(provider);
            Objects.requireNonNull(message);
        }
    }

    /** It exists but is not ready yet (session still active, recording still processing). */
    record NotReady(String provider, String message, Optional<Duration> retryAfter) implements TapedeckError {
        /** Checks for nulls. */
        public NotReady {
            Objects.requireNonNull(provider);
            Objects.requireNonNull(message);
            Objects.requireNonNull(retryAfter);
        }

        @Override
        public boolean isTransient() {
            return true;
        }
    }

    /** The credentials are missing or wrong. */
    record Unauthorized(String provider, String message) implements TapedeckError {
        /** Checks for nulls. */
        public Unauthorized {
            Objects.requireNonNull(provider);
            Objects.requireNonNull(message);
        }
    }

    /** The credentials are valid but not allowed this, or a presigned URL expired or was refused. */
    record Forbidden(String provider, String message) implements TapedeckError {
        /** Checks for nulls. */
        public Forbidden {
            Objects.requireNonNull(provider);
            Objects.requireNonNull(message);
        }
    }

    /** Too many requests; {@code retryAfter} is the provider's hint when it gave one. */
    record RateLimited(String provider, String message, Optional<Duration> retryAfter) implements TapedeckError {
        /** Checks for nulls. */
        public RateLimited {
            Objects.requireNonNull(provider);
            Objects.requireNonNull(message);
            Objects.requireNonNull(retryAfter);
        }

        @Override
        public boolean isTransient() {
            return true;
        }
    }

    /** The request was refused as invalid; {@code problems} lists field-level details when the provider sent them. */
    record InvalidRequest(String provider, String message, List<FieldProblem> problems) implements TapedeckError {
        /** Checks for nulls and freezes the problems. */
        public InvalidRequest {
            Objects.requireNonNull(provider);
            Objects.requireNonNull(message);
            problems = List.copyOf(problems);
        }

        /** An invalid request without field details. */
        public static InvalidRequest of(String provider, String message) {
            return new InvalidRequest(provider, message, List.of());
        }
    }

    /** The provider lacks a capability or cannot apply a filter; {@code what} names it. */
    record Unsupported(String provider, String what, String message) implements TapedeckError {
        /** Checks for nulls. */
        public Unsupported {
            Objects.requireNonNull(provider);
            Objects.requireNonNull(what);
            Objects.requireNonNull(message);
        }

        /** The standard message for a missing capability. */
        public static Unsupported capability(String provider, String what) {
            return new Unsupported(provider, what, provider + " does not support " + what);
        }
    }

    /**
     * The provider answered with an error of its own.
     *
     * @param status    the HTTP status
     * @param excerpt   the start of its body, redacted
     * @param retryable whether the failure is worth retrying (5xx overload and the like)
     */
    record ProviderFailure(String provider, int status, String message, String excerpt, boolean retryable)
            implements TapedeckError {
        /** Checks for nulls. */
        public ProviderFailure {
            Objects.requireNonNull(provider);
            Objects.requireNonNull(message);
            Objects.requireNonNull(excerpt);
        }

        @Override
        public boolean isTransient() {
            return retryable;
        }
    }

    /** The network failed: refused, reset, timed out, or an unreadable answer. */
    record Transport(String provider, String message) implements TapedeckError {
        /** Checks for nulls. */
        public Transport {
            Objects.requireNonNull(provider);
            Objects.requireNonNull(message);
        }

        @Override
        public boolean isTransient() {
            return true;
        }
    }

    /** A download does not add up: wrong length, wrong checksum, a resumed range that does not fit. */
    record Integrity(String provider, String message) implements TapedeckError {
        /** Checks for nulls. */
        public Integrity {
            Objects.requireNonNull(provider);
            Objects.requireNonNull(message);
        }
    }

    /** Tapedeck itself is set up wrong: no provider, an unknown or duplicate provider id, missing settings. */
    record Misconfigured(String provider, String message) implements TapedeckError {
        /** Checks for nulls. */
        public Misconfigured {
            Objects.requireNonNull(provider);
            Objects.requireNonNull(message);
        }
    }

    /**
     * A local folder or file is being written by another run (of this or another process) right now, such as an
     * archive folder another {@code tapedeck archive} holds; nothing was touched. Trying again once it is done works.
     */
    record InUse(String provider, String message) implements TapedeckError {
        /** Checks for nulls. */
        public InUse {
            Objects.requireNonNull(provider);
            Objects.requireNonNull(message);
        }

        @Override
        public boolean isTransient() {
            return true;
        }
    }

    /** A local file could not be read or written. */
    record Storage(String provider, String message) implements TapedeckError {
        /** Checks for nulls. */
        public Storage {
            Objects.requireNonNull(provider);
            Objects.requireNonNull(message);
        }
    }

    /**
     * One field-level problem reported by a provider.
     *
     * @param field   the field path, e.g. {@code query.page_size}
     * @param problem what is wrong with it
     */
    record FieldProblem(String field, String problem) {
        /** Checks for nulls. */
        public FieldProblem {
            Objects.requireNonNull(field);
            Objects.requireNonNull(problem);
        }
    }
}
