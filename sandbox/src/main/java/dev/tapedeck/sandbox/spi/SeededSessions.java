package dev.tapedeck.sandbox.spi;

import java.util.Objects;

/**
 * Which seeded sessions of an emulation have what, for tests written once for every provider (the provider kit's
 * contract reads them from {@link Emulation#seededSessions()} instead of asking each provider's test). The ids must
 * hold from the moment the sandbox starts, before its clock moves.
 *
 * @param withRecordings    a finished session with at least one recording that is ready to download
 * @param withoutRecordings a session the service knows that has no recording and will never have one
 */
public record SeededSessions(String withRecordings, String withoutRecordings) {

    /** Checks for nulls. */
    public SeededSessions {
        Objects.requireNonNull(withRecordings, "withRecordings");
        Objects.requireNonNull(withoutRecordings, "withoutRecordings");
    }
}
