package dev.tapedeck.http;

import dev.tapedeck.model.TapedeckError;
import dev.tapedeck.observe.CallEvent;
import dev.tapedeck.observe.RetryEvent;
import feign.Request;
import feign.Response;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;

/**
 * One call as the wire log and the observer see it: each try's request and answer (or failure) on the wire log,
 * each retry and, once, the call's end to the observer, timed from the call's start. Durations are measured, not
 * read from the connection's clock, which tests stand still. Not thread-safe: one per call, like its
 * {@link RetryRun}.
 */
final class CallTrace {

    private final Tracing tracing;
    private final String operation;
    private final long started = System.nanoTime();
    private int retries;
    private boolean ended;

    CallTrace(Tracing tracing, String operation) {
        this.tracing = tracing;
        this.operation = operation;
    }

    /** Logs {@code request}, try {@code attempt}; {@code api} allows its body on the log. Returns when it left. */
    long sending(Request request, int attempt, boolean api) {
        tracing.log().request(operation, request, attempt, api);
        return System.nanoTime();
    }

    /**
     * Logs the answer to a request sent at {@code sentAt}, whose body was {@code read} whole (an API answer) or
     * streams on (media); returns the response to go on with.
     */
    Response answered(Request request, Response response, int attempt, long sentAt, boolean read) {
        return tracing.log().answer(operation, request, response, attempt, sentAt, read);
    }

    /** Logs a try that got no answer, or whose answer broke. */
    void broke(Request request, IOException failure, int attempt, long sentAt) {
        tracing.log().failed(operation, request, failure, attempt, sentAt);
    }

    /** Tells the observer that retry number {@code retry} follows after {@code delay}, for {@code cause}. */
    void retrying(int retry, String cause, Duration delay) {
        retries = retry;
        tracing.observer().retrying(new RetryEvent(tracing.providerId(), operation, retry, cause, delay));
    }

    /** Tells the observer, once, that the call ended: succeeded when {@code error} is empty. */
    void ended(Optional<TapedeckError> error) {
        if (ended) {
            return;
        }
        ended = true;
        if (!tracing.observed()) {
            return;
        }
        tracing.observer().callEnded(new CallEvent(tracing.providerId(), operation,
                Duration.ofNanos(Math.max(0, System.nanoTime() - started)), retries, error));
    }

    /** {@link #ended(Optional)} with the transport error that {@code failure} of {@code call} stands for. */
    void ended(String call, IOException failure) {
        ended(Optional.of(tracing.transport().ioFailure(call, failure)));
    }

    /** What was called. */
    String operation() {
        return operation;
    }
}
