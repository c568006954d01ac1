package dev.tapedeck.provider.anchor.internal;

import dev.tapedeck.model.SessionStatus;
import java.util.Locale;
import java.util.Optional;

/**
 * Anchor's session status words and the neutral statuses. Reading: {@code completed} is COMPLETED,
 * {@code running}/{@code active} ACTIVE, {@code failed}/{@code error} FAILED, {@code timeout}/{@code timed_out}
 * TIMED_OUT, anything else UNKNOWN (case-insensitive). Filtering (Anchor's {@code status} parameter is an exact
 * match on one word, and its document lists no words): ACTIVE sends {@code running}, COMPLETED {@code completed},
 * FAILED {@code failed}, TIMED_OUT {@code timed_out} (the word the sandbox, Notte and the neutral model use);
 * UNKNOWN has no word. To match another of Anchor's words exactly, pass it as the provider filter
 * {@code status}.
 */
final class StatusWords {

    private StatusWords() {
    }

    /** The neutral status for Anchor's {@code word}; UNKNOWN for null and unknown words. */
    static SessionStatus neutral(String word) {
        if (word == null) {
            return SessionStatus.UNKNOWN;
        }
        switch (word.strip().toLowerCase(Locale.ROOT)) {
            case "completed":
                return SessionStatus.COMPLETED;
            case "running":
            case "active":
                return SessionStatus.ACTIVE;
            case "failed":
            case "error":
                return SessionStatus.FAILED;
            case "timeout":
            case "timed_out":
                return SessionStatus.TIMED_OUT;
            default:
                return SessionStatus.UNKNOWN;
        }
    }

    /** The word Anchor's {@code status} filter is sent for {@code status}; empty for UNKNOWN. */
    static Optional<String> filterWord(SessionStatus status) {
        switch (status) {
            case ACTIVE:
                return Optional.of("running");
            case COMPLETED:
                return Optional.of("completed");
            case FAILED:
                return Optional.of("failed");
            case TIMED_OUT:
                return Optional.of("timed_out");
            default:
                return Optional.empty();
        }
    }
}
