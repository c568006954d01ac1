package dev.tapedeck.model;

import java.util.Locale;

/** The neutral life-cycle state of a session; the provider's own word is kept beside it in {@link Session}. */
public enum SessionStatus {
    /** Running: recordings may not be final yet. */
    ACTIVE,
    /** Ended normally. */
    COMPLETED,
    /** Ended with an error. */
    FAILED,
    /** Ended because it ran out of time. */
    TIMED_OUT,
    /** The provider's status has no neutral equivalent. */
    UNKNOWN;

    /** The lower-case wire name used in JSON output and on the command line, e.g. {@code timed_out}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a wire name case-insensitively; throws {@link IllegalArgumentException} listing the valid names. */
    public static SessionStatus fromWireName(String name) {
        for (SessionStatus status : values()) {
            if (status.wireName().equalsIgnoreCase(name.trim())) {
                return status;
            }
        }
        throw new IllegalArgumentException("unknown session status '" + name
                + "'; use one of active, completed, failed, timed_out, unknown");
    }
}
