package dev.tapedeck.sandbox.spi;

import java.io.IOException;

/** Answers the calls of one emulated service, and words a rate limit or a failure the way that service does. */
public interface ApiHandler {

    /** Answers {@code call}; the sandbox answers 500 in this service's style if it throws before answering. */
    void handle(Call call) throws IOException;

    /** Answers 429 (or the service's equivalent) asking to wait {@code retryAfterSeconds}, when a fault says so. */
    void rateLimited(Call call, int retryAfterSeconds) throws IOException;

    /** Answers {@code status} (4xx or 5xx) in this service's error style, when a fault says so. */
    void failure(Call call, int status) throws IOException;
}
