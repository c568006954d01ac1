package dev.tapedeck.provider.notte;

import dev.tapedeck.http.HttpProviderFactory;
import dev.tapedeck.provider.notte.internal.NotteConnection;
import dev.tapedeck.provider.notte.internal.NotteProvider;

/**
 * The Notte provider ({@code notte}): session replays (one MP4 or HLS recording per session) and the session list.
 *
 * <p>{@link #connect} reads the API key (explicit, else {@code NOTTE_API_KEY}) and the base URL (explicit, else
 * {@code NOTTE_BASE_URL}, else {@code https://api.notte.cc}). Notte has no pause or resume; its history cannot filter
 * by status or creation time on the server, so core applies those filters to each session, and it has no tags,
 * domains, free-text search or sort, so those filters are refused. Construction does no work.
 */
public final class NotteProviderFactory extends HttpProviderFactory {

    /** Does nothing: discovery constructs every factory on the classpath. */
    public NotteProviderFactory() {
        super(NotteProvider.METADATA, NotteConnection::open);
    }
}
