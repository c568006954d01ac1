package dev.tapedeck.download;

import java.util.function.LongConsumer;

/** Passes byte counts on to a listener only when they grow, so what the listener hears is monotonic. */
final class Progress implements LongConsumer {

    private final DownloadListener listener;
    private long reported;

    Progress(DownloadListener listener) {
        this.listener = listener;
    }

    @Override
    public void accept(long bytesSoFar) {
        if (bytesSoFar > reported) {
            reported = bytesSoFar;
            listener.progressed(bytesSoFar);
        }
    }
}
