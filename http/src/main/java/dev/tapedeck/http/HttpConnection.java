package dev.tapedeck.http;

import dev.tapedeck.Connection;
import dev.tapedeck.ProviderMetadata;
import dev.tapedeck.RecordingSource;
import dev.tapedeck.SessionHistory;
import java.util.Objects;

/**
 * The {@link Connection} of an HTTP provider: its two ports over one {@link HttpKit}, which closing the connection
 * closes. Providers build their kit and ports, then hand them here instead of each writing the same delegation.
 * {@code toString} shows the provider and its redacted base URL, never a credential.
 */
public final class HttpConnection implements Connection {

    private final HttpKit kit;
    private final ProviderMetadata metadata;
    private final RecordingSource recordings;
    private final SessionHistory history;

    /**
     * Ties {@code recordings} and {@code history} to {@code kit}; the metadata and both ports must speak for the
     * kit's provider (IllegalArgumentException otherwise). Use {@link SessionHistory#unsupported} for a provider
     * without history.
     */
    public HttpConnection(HttpKit kit, ProviderMetadata metadata, RecordingSource recordings,
            SessionHistory history) {
        this.kit = Objects.requireNonNull(kit, "kit");
        this.metadata = Objects.requireNonNull(metadata, "metadata");
        this.recordings = Objects.requireNonNull(recordings, "recordings");
        this.history = Objects.requireNonNull(history, "history");
        if (!kit.providerId().equals(metadata.id()) || !kit.providerId().equals(recordings.provider())
                || !kit.providerId().equals(history.provider())) {
            throw new IllegalArgumentException("the metadata and ports of " + kit.providerId() + " speak for "
                    + metadata.id() + ", " + recordings.provider() + " and " + history.provider());
        }
    }

    @Override
    public ProviderMetadata metadata() {
        return metadata;
    }

    @Override
    public RecordingSource recordings() {
        return recordings;
    }

    @Override
    public SessionHistory history() {
        return history;
    }

    @Override
    public void close() {
        kit.close();
    }

    @Override
    public String toString() {
        return "HttpConnection[" + kit + "]";
    }
}
