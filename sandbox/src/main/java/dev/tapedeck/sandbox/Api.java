package dev.tapedeck.sandbox;

import java.io.IOException;

/** One emulated service behind a {@link Gate}: its routes and how it words a rate limit or a failure. */
interface Api {

    /** The counter name and base path segment, e.g. {@code "anchor"}. */
    String name();

    void handle(Call call) throws IOException;

    /** Answers 429 in this service's style. */
    void rateLimited(Call call, int retryAfterSeconds) throws IOException;

    /** Answers {@code status} (4xx/5xx) in this service's error style. */
    void failure(Call call, int status) throws IOException;
}
