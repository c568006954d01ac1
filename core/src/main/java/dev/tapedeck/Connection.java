package dev.tapedeck;

import dev.tapedeck.model.Capabilities;

/**
 * A configured provider: its two ports and the resources behind them. Close it to release its HTTP clients.
 */
public interface Connection extends AutoCloseable {

    /** What the provider declares about itself. */
    ProviderMetadata metadata();

    /** The provider id, from {@link #metadata()}. */
    default String provider() {
        return metadata().id();
    }

    /** What the provider supports, from {@link #metadata()}. */
    default Capabilities capabilities() {
        return metadata().capabilities();
    }

    /** The recordings port. */
    RecordingSource recordings();

    /** The session history port; {@link SessionHistory#unsupported} for providers without history. */
    SessionHistory history();

    /** Releases resources; idempotent, never throws. */
    @Override
    void close();
}
