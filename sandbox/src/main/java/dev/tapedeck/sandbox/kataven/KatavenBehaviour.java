package dev.tapedeck.sandbox.kataven;

/** How a seeded Kataven call answers {@code GET /api/v1/sessions/{id}/recording}. */
public enum KatavenBehaviour {
    /** 200 with {@code url} and {@code expires_at}. */
    READY,
    /** 200 with {@code url} only: clients assume fetch time + 5 minutes. */
    READY_WITHOUT_EXPIRY,
    /** 409 "Recording not ready" until start + the {@link KatavenEmulator#READY_AFTER} setting by the clock, then 200. */
    PROCESSING_UNTIL_TIME,
    /** 409 for the first {@link KatavenEmulator#READY_AFTER_POLLS} requests, then 200. */
    PROCESSING_UNTIL_POLLS,
    /** 404 "No recording for this session". */
    NO_RECORDING,
    /** 503 "Recording playback not configured". */
    NOT_CONFIGURED,
    /** 500 "Internal error". */
    INTERNAL_ERROR
}
