package dev.tapedeck.model;

import java.util.Objects;

/**
 * What a pause or resume call left behind.
 *
 * @param sessionId      the session
 * @param paused         whether recording is now paused
 * @param providerStatus the provider's status word from its answer, empty when it sent none
 */
public record RecordingState(SessionId sessionId, boolean paused, String providerStatus) {
    /** Checks for nulls. */
    public RecordingState {
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(providerStatus, "providerStatus");
    }
}
