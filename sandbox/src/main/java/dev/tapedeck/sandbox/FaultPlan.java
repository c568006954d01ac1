package dev.tapedeck.sandbox;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * The faults drawn for one request, merged from every {@link Faults} rule that applied to it. Negative or zero
 * values mean "not this fault".
 *
 * @param latency             a wait before anything is answered
 * @param reset               drop the connection without an answer
 * @param rateLimitRetryAfter answer 429 in the service's own style, with this Retry-After in seconds
 * @param failStatus          answer this 4xx/5xx status in the service's own style
 * @param reply               answer exactly this instead of what the service would
 * @param contentType         the Content-Type of the answer, instead of the service's own
 * @param truncateAfter       declare the whole body's length, send this many bytes, then close cleanly
 * @param resetAfter          send the body chunked, and drop the connection after this many bytes
 * @param dribbleChunk        send the body this many bytes at a time
 * @param dribblePause        with a pause of this between chunks
 */
record FaultPlan(Duration latency, boolean reset, int rateLimitRetryAfter, int failStatus, Optional<Reply> reply,
                 Optional<String> contentType, long truncateAfter, long resetAfter, int dribbleChunk,
                 Duration dribblePause) {

    static final FaultPlan NONE = new FaultPlan(Duration.ZERO, false, -1, 0, Optional.empty(), Optional.empty(), -1,
            -1, 0, Duration.ZERO);

    /**
     * An answer made up by a fault rather than a service.
     *
     * @param status      the status
     * @param contentType its Content-Type
     * @param body        its body
     * @param headers     more headers
     */
    record Reply(int status, String contentType, byte[] body, Map<String, String> headers) {
    }

    boolean rateLimited() {
        return rateLimitRetryAfter >= 0;
    }

    boolean fails() {
        return failStatus > 0;
    }

    boolean truncates() {
        return truncateAfter >= 0;
    }

    boolean resetsMidBody() {
        return resetAfter >= 0;
    }

    boolean dribbles() {
        return dribbleChunk > 0;
    }

    FaultPlan withLatency(Duration value) {
        return new FaultPlan(latency.plus(value), reset, rateLimitRetryAfter, failStatus, reply, contentType,
                truncateAfter, resetAfter, dribbleChunk, dribblePause);
    }

    FaultPlan withReset() {
        return new FaultPlan(latency, true, rateLimitRetryAfter, failStatus, reply, contentType, truncateAfter,
                resetAfter, dribbleChunk, dribblePause);
    }

    FaultPlan withRateLimit(int retryAfterSeconds) {
        return new FaultPlan(latency, reset, retryAfterSeconds, failStatus, reply, contentType, truncateAfter,
                resetAfter, dribbleChunk, dribblePause);
    }

    FaultPlan withFailure(int status) {
        return new FaultPlan(latency, reset, rateLimitRetryAfter, status, reply, contentType, truncateAfter,
                resetAfter, dribbleChunk, dribblePause);
    }

    FaultPlan withReply(Reply value) {
        return new FaultPlan(latency, reset, rateLimitRetryAfter, failStatus, Optional.of(value), contentType,
                truncateAfter, resetAfter, dribbleChunk, dribblePause);
    }

    FaultPlan withContentType(String value) {
        return new FaultPlan(latency, reset, rateLimitRetryAfter, failStatus, reply, Optional.of(value),
                truncateAfter, resetAfter, dribbleChunk, dribblePause);
    }

    FaultPlan withTruncation(long bytes) {
        return new FaultPlan(latency, reset, rateLimitRetryAfter, failStatus, reply, contentType, bytes, resetAfter,
                dribbleChunk, dribblePause);
    }

    FaultPlan withResetAfter(long bytes) {
        return new FaultPlan(latency, reset, rateLimitRetryAfter, failStatus, reply, contentType, truncateAfter,
                bytes, dribbleChunk, dribblePause);
    }

    FaultPlan withDribble(int chunk, Duration pause) {
        return new FaultPlan(latency, reset, rateLimitRetryAfter, failStatus, reply, contentType, truncateAfter,
                resetAfter, chunk, pause);
    }
}
