package dev.tapedeck.provider.notte;

import dev.tapedeck.Connection;
import dev.tapedeck.ProviderMetadata;
import dev.tapedeck.model.TapedeckError;
import dev.tapedeck.provider.notte.internal.NotteConnection;
import dev.tapedeck.provider.notte.internal.NotteProvider;
import dev.tapedeck.spi.ProviderConfig;
import dev.tapedeck.spi.ProviderFactory;
import io.vavr.control.Either;

/**
 * The Notte provider ({@code notte}): session replays (one MP4 or HLS recording per session) and the session list.
 *
 * <p>{@link #connect} reads the API key (explicit, else {@code NOTTE_API_KEY}) and the base URL (explicit, else
 * {@code NOTTE_BASE_URL}, else {@code https://api.notte.cc}). Notte has no pause or resume; its history cannot filter
 * by status or creation time on the server, so core applies those filters to each session, and it has no tags,
 * domains, free-text search or sort, so those filters are refused. Construction does no work.
 */
public final class NotteProviderFactory implements ProviderFactory {

    /** Does nothing: discovery constructs every factory on the classpath. */
    public NotteProviderFactory() {
    }

    @Override
    public ProviderMetadata metadata() {
        return NotteProvider.METADATA;
    }

    @Override
    public Either<TapedeckError, Connection> connect(ProviderConfig config) {
        return NotteConnection.open(config);
    }
}
