package dev.tapedeck.http;

import dev.tapedeck.Connection;
import dev.tapedeck.RecordingSource;
import dev.tapedeck.SessionHistory;
import dev.tapedeck.model.Capabilities;
import java.util.Objects;

/**
 * The {@link Connection} of an HTTP provider: its two ports over one {@link HttpKit}, which closing the connection
 * closes. Providers build their kit and ports, then hand them here instead of each writing the same delegation.
 * {@code toString} shows the provider and its redacted base URL, never a credential.
 */
public final class HttpConnection implements Connection {

    private final HttpKit kit;
    private final Capabilities capabilities;
    private final RecordingSource recordings;
    private final SessionHistory history;

    /**
     * Ties {@code recordings} and {@code history} to {@code kit}; both must speak for the kit's provider
     * (IllegalArgumentException otherwise). Use {@link SessionHistory#unsupported} for a provider without history.
     */
    public HttpConnection(HttpKit kit, Capabilities capabilities, RecordingSource recordings, SessionHistory history) {
        this.kit = Objects.requireNonNull(kit, "kit");
        this.capabilities = Objects.requireNonNull(capabilities, "capabilities");
        this.recordings = Objects.requireNonNull(recordings, "recordings");
        this.history = Objects.requireNonNull(history, "history");
        if (!kit.providerId().equals(recordings.provider()) || !kit.providerId().equals(history.provider())) {
            throw new IllegalArgumentException("the ports of " + kit.providerId() + " speak for "
                    + recordings.provider() + " and " + history.provider());
        }
    }

    @Override
    public String provider() {
        return kit.providerId();
    }

    @Override
    public Capabilities capabilities() {
        return capabilities;
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
