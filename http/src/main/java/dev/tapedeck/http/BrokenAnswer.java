package dev.tapedeck.http;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;

/**
 * An API answer that broke after its headers: its body ended before it should have (retried like a reset), or the
 * call's overall deadline passed while it was read (never retried: the time is spent). The message is written to
 * follow "{@code <provider>: GET <url> }" in a transport error and already says what to do.
 */
final class BrokenAnswer extends IOException {

    private static final long serialVersionUID = 1L;

    private final boolean retryable;

    private BrokenAnswer(String message, boolean retryable) {
        super(message);
        this.retryable = retryable;
    }

    /** A body that ended after {@code received} bytes, short of the {@code declared} length when there was one. */
    static BrokenAnswer cutShort(long received, Optional<Long> declared, Optional<String> requestId) {
        String of = declared.map(length -> " of " + length).orElse(", in the middle of its JSON,");
        return new BrokenAnswer("was cut short: the answer ended after " + received + of + " bytes"
                + RequestIds.note(requestId) + "; check the network and try again", true);
    }

    /**
     * A body whose connection broke (reset, or a framing error such as a premature end) after {@code received}
     * bytes of the {@code declared} length, if there was one.
     */
    static BrokenAnswer brokeOff(long received, Optional<Long> declared, Optional<String> requestId,
            IOException cause) {
        String of = declared.map(length -> " of " + length).orElse("");
        String why = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        return new BrokenAnswer("was cut short: the answer broke off after " + received + of + " bytes (" + why + ")"
                + RequestIds.note(requestId) + "; check the network and try again", true);
    }

    /** The overall deadline passed while the answer was read. */
    static BrokenAnswer overDeadline(Duration overall, Optional<String> requestId) {
        return new BrokenAnswer("took longer than the overall timeout of " + StandardErrors.seconds(overall)
                + " while its answer was still arriving" + RequestIds.note(requestId)
                + "; try again later, or raise the overall timeout (ProviderConfig timeouts overall) if the provider"
                + " is that slow", false);
    }

    /** Whether the call may be tried again. */
    boolean retryable() {
        return retryable;
    }
}
