package dev.tapedeck.model;

/** Something a provider can do; asking a provider for one it lacks yields {@link TapedeckError.Unsupported}. */
public enum Capability {
    /** List a session's recordings. */
    LIST_RECORDINGS,
    /** Resolve a session's primary recording. */
    PRIMARY_RECORDING,
    /** Pause and resume a session's recording. */
    PAUSE_RESUME,
    /** List past sessions. */
    SESSION_HISTORY,
    /** Recordings become available some time after a session; the provider reports "not ready" until then. */
    WAIT_UNTIL_READY
}
