package dev.tapedeck.sandbox.spi;

/**
 * Which seeded sessions of an emulation have what, for tests written once for every provider (the provider kit's
 * contract reads them instead of asking each provider's test). An {@link Emulation} implements it next to its
 * seed; the ids must hold from the moment the sandbox starts, before its clock moves.
 */
public interface SeededSessions {

    /** A finished session with at least one recording that is ready to download, as the service lists it. */
    String withRecordings();

    /** A session the service knows that has no recording and will never have one (recording failed or was off). */
    String withoutRecordings();
}
