package dev.tapedeck;

import dev.tapedeck.model.Capabilities;

/**
 * A configured provider: its two ports and the resources behind them. Close it to release its HTTP clients.
 */
public interface Connection extends AutoCloseable {

    /** The provider id. */
    String provider();

    /** What the provider supports. */
    Capabilities capabilities();

    /** The recordings port. */
    RecordingSource recordings();

    /** The session history port; {@link SessionHistory#unsupported} for providers without history. */
    SessionHistory history();

    /** Releases resources; idempotent, never throws. */
    @Override
    void close();
}
