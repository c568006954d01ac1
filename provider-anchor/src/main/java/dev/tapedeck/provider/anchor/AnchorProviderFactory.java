package dev.tapedeck.provider.anchor;

import dev.tapedeck.http.HttpProviderFactory;
import dev.tapedeck.provider.anchor.internal.AnchorConnection;
import dev.tapedeck.provider.anchor.internal.AnchorProvider;

/**
 * The AnchorBrowser provider ({@code anchor}): a session's video recordings (MP4), its primary recording as an
 * authenticated stream, pausing and resuming recording, and the filtered, paged session history.
 *
 * <p>{@link #connect} reads the API key (explicit, else {@code ANCHOR_API_KEY}), sent as the {@code anchor-api-key}
 * header to the API origin only, and the base URL (explicit, else {@code ANCHOR_BASE_URL}, else
 * {@code https://api.anchorbrowser.io}). Every neutral history filter is applied by Anchor itself; Anchor's other
 * history parameters ({@code batch_id}, {@code task_initiated}, {@code playground}, {@code proxy},
 * {@code extra_stealth}, {@code profile_name}, and {@code status} as Anchor's own word) are reachable through
 * {@link dev.tapedeck.model.SessionQuery#providerFilters()} by those names. Construction does no work.
 */
public final class AnchorProviderFactory extends HttpProviderFactory {

    /** Does nothing: discovery constructs every factory on the classpath. */
    public AnchorProviderFactory() {
        super(AnchorProvider.METADATA, AnchorConnection::open);
    }
}
