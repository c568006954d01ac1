package dev.tapedeck.sandbox;

import java.time.Duration;

/**
 * The faults drawn for one request, merged from every {@link Faults} rule that applied to it. Negative or zero
 * values mean "not this fault".
 */
record FaultPlan(Duration latency, boolean reset, int rateLimitRetryAfter, int failStatus, long truncateAfter,
                 int dribbleChunk, Duration dribblePause) {

    static final FaultPlan NONE = new FaultPlan(Duration.ZERO, false, -1, 0, -1, 0, Duration.ZERO);

    boolean rateLimited() {
        return rateLimitRetryAfter >= 0;
    }

    boolean fails() {
        return failStatus > 0;
    }

    boolean truncates() {
        return truncateAfter >= 0;
    }

    boolean dribbles() {
        return dribbleChunk > 0;
    }

    FaultPlan withLatency(Duration value) {
        return new FaultPlan(latency.plus(value), reset, rateLimitRetryAfter, failStatus, truncateAfter, dribbleChunk,
                dribblePause);
    }

    FaultPlan withReset() {
        return new FaultPlan(latency, true, rateLimitRetryAfter, failStatus, truncateAfter, dribbleChunk,
                dribblePause);
    }

    FaultPlan withRateLimit(int retryAfterSeconds) {
        return new FaultPlan(latency, reset, retryAfterSeconds, failStatus, truncateAfter, dribbleChunk, dribblePause);
    }

    FaultPlan withFailure(int status) {
        return new FaultPlan(latency, reset, rateLimitRetryAfter, status, truncateAfter, dribbleChunk, dribblePause);
    }

    FaultPlan withTruncation(long bytes) {
        return new FaultPlan(latency, reset, rateLimitRetryAfter, failStatus, bytes, dribbleChunk, dribblePause);
    }

    FaultPlan withDribble(int chunk, Duration pause) {
        return new FaultPlan(latency, reset, rateLimitRetryAfter, failStatus, truncateAfter, chunk, pause);
    }
}
