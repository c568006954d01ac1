package dev.tapedeck.http;

import dev.tapedeck.observe.CallEvent;
import dev.tapedeck.observe.RetryEvent;
import dev.tapedeck.observe.TapedeckObserver;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The configured {@link TapedeckObserver} with every exception it throws caught and logged at DEBUG: an observer is
 * told what happened, it never gets to break the call it hears about.
 */
final class GuardedObserver implements TapedeckObserver {

    private static final Logger LOG = LoggerFactory.getLogger(GuardedObserver.class);

    private final TapedeckObserver delegate;

    GuardedObserver(TapedeckObserver delegate) {
        this.delegate = Objects.requireNonNull(delegate, "observer");
    }

    @Override
    public void callEnded(CallEvent call) {
        guard(() -> delegate.callEnded(call));
    }

    @Override
    public void retrying(RetryEvent retry) {
        guard(() -> delegate.retrying(retry));
    }

    @Override
    public void mediaOpened(String provider, String operation) {
        guard(() -> delegate.mediaOpened(provider, operation));
    }

    @Override
    public void mediaReceived(String provider, String operation, long bytes) {
        guard(() -> delegate.mediaReceived(provider, operation, bytes));
    }

    @Override
    public void mediaClosed(String provider, String operation) {
        guard(() -> delegate.mediaClosed(provider, operation));
    }

    private void guard(Runnable call) {
        try {
            call.run();
        } catch (RuntimeException failure) {
            LOG.debug("the observer {} failed; ignored", delegate.getClass().getName(), failure);
        }
    }
}
