package dev.tapedeck.http;

import dev.tapedeck.MediaStream;
import dev.tapedeck.observe.TapedeckObserver;
import feign.MethodMetadata;
import feign.Request;

/**
 * What one connection's calls are seen through: its {@link WireLog} and the configured {@link TapedeckObserver}
 * (guarded, so it cannot break a call). Starts a {@link CallTrace} per call and watches each media body. One per
 * kit; thread-safe.
 */
final class Tracing {

    private final String providerId;
    private final WireLog log;
    private final TapedeckObserver observer;
    private final boolean observed;
    private final TransportErrors transport;

    Tracing(String providerId, WireLog log, TapedeckObserver observer, TransportErrors transport) {
        this.providerId = providerId;
        this.log = log;
        this.observer = new GuardedObserver(observer);
        this.observed = observer != TapedeckObserver.NONE;
        this.transport = transport;
    }

    /** The trace of one call of {@code operation}, started now. */
    CallTrace call(String operation) {
        return new CallTrace(this, operation);
    }

    /**
     * {@code stream}, the body of {@code call} ("GET url", redacted), with each read counted for the observer and
     * its close written to the wire log.
     */
    MediaStream watch(MediaStream stream, String operation, String call) {
        return new MediaStream(new ObservedBody(stream.body(), this, operation, call), stream.offset(),
                stream.length(), stream.totalSize(), stream.etag(), stream.lastModified(), stream.contentType());
    }

    /** The operation of an API request: its Feign method's name, a small fixed set per provider. */
    static String operation(Request request) {
        MethodMetadata method = request == null || request.requestTemplate() == null ? null
                : request.requestTemplate().methodMetadata();
        return method == null || method.method() == null ? "call" : method.method().getName();
    }

    String providerId() {
        return providerId;
    }

    WireLog log() {
        return log;
    }

    TapedeckObserver observer() {
        return observer;
    }

    /** Whether an observer other than {@link TapedeckObserver#NONE} listens: without one, no event is made. */
    boolean observed() {
        return observed;
    }

    TransportErrors transport() {
        return transport;
    }
}
