package dev.tapedeck.observe;

/**
 * Hears what the connections made with one {@link dev.tapedeck.spi.ProviderConfig} do on the network: each API call
 * and media fetch when it ends (after all its tries), each retry, and the bytes of each media body as they arrive.
 * Set it with {@code ProviderConfig.builder().observer(...)}; the {@code tapedeck-micrometer} module turns what it
 * hears into metrics. Tapedeck's core and HTTP layer never depend on a metrics library: this interface is the seam.
 *
 * <p>Every method has an empty default, so an observer overrides only what it needs. Methods are called on the
 * calling or downloading thread, from many threads at once: implementations must be thread-safe, return quickly and
 * not throw (what one throws is caught and dropped, so it cannot break a call).
 */
public interface TapedeckObserver {

    /** An observer that hears nothing; the default. */
    TapedeckObserver NONE = new TapedeckObserver() {
    };

    /** An API call or a media fetch ended, after all its tries and the waits between them. */
    default void callEnded(CallEvent call) {
    }

    /** A failed try of a call is about to be tried again, after {@link RetryEvent#delay()}. */
    default void retrying(RetryEvent retry) {
    }

    /** A media body (a recording's file, or one HLS segment) began to arrive from {@code provider}. */
    default void mediaOpened(String provider, String operation) {
    }

    /** {@code bytes} more bytes of a media body arrived; called for every read, so it stays cheap. */
    default void mediaReceived(String provider, String operation, long bytes) {
    }

    /** A media body was closed, whole or not; called once for each {@link #mediaOpened}. */
    default void mediaClosed(String provider, String operation) {
    }
}
