package dev.tapedeck.http;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A media body that tells the observer when it opens, how many bytes each read brings and, once, that it closed;
 * and the wire log how it ended (bytes read, whether to its end). Adds no buffering: reads pass straight through.
 */
final class ObservedBody extends FilterInputStream {

    private final Tracing tracing;
    private final String operation;
    private final String call;
    private final long opened = System.nanoTime();
    private final AtomicBoolean closed = new AtomicBoolean();
    private long bytes;
    private boolean atEnd;

    ObservedBody(InputStream body, Tracing tracing, String operation, String call) {
        super(body);
        this.tracing = tracing;
        this.operation = operation;
        this.call = call;
        tracing.observer().mediaOpened(tracing.providerId(), operation);
    }

    @Override
    public int read() throws IOException {
        int next = super.read();
        counted(next < 0 ? -1 : 1);
        return next;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        counted(n);
        return n;
    }

    @Override
    public void close() throws IOException {
        if (closed.compareAndSet(false, true)) {
            tracing.observer().mediaClosed(tracing.providerId(), operation);
            tracing.log().bodyClosed(operation, call, bytes, atEnd, opened);
        }
        super.close();
    }

    private void counted(int n) {
        if (n < 0) {
            atEnd = true;
        } else if (n > 0) {
            bytes += n;
            tracing.observer().mediaReceived(tracing.providerId(), operation, n);
        }
    }
}
