package dev.tapedeck.model;

import java.util.Objects;

/**
 * What a pause or resume call left behind.
 *
 * @param sessionId      the session
 * @param paused         whether recording is now paused
 * @param providerStatus the provider's status word from its answer, empty when it sent none
 * @param providerData   the provider's answer as sent, typed, when it is JSON (empty otherwise)
 */
public record RecordingState(SessionId sessionId, boolean paused, String providerStatus,
        JsonValue.ObjectValue providerData) {

    /** Checks for nulls. */
    public RecordingState {
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(providerStatus, "providerStatus");
        Objects.requireNonNull(providerData, "providerData");
    }

    /** A state without provider data. */
    public RecordingState(SessionId sessionId, boolean paused, String providerStatus) {
        this(sessionId, paused, providerStatus, JsonValue.ObjectValue.EMPTY);
    }
}
