package dev.tapedeck.provider.anchor.internal;

import dev.tapedeck.model.Capabilities;
import dev.tapedeck.model.Capability;
import dev.tapedeck.model.FilterSupport;
import dev.tapedeck.model.SessionFilter;
import java.net.URI;

/** The fixed facts about AnchorBrowser: its id, name, default base URL, auth header and capabilities. */
public final class AnchorProvider {

    /** The provider id. */
    public static final String ID = "anchor";

    /** The name for people. */
    public static final String DISPLAY_NAME = "AnchorBrowser";

    /** The public API. */
    public static final URI DEFAULT_BASE_URL = URI.create("https://api.anchorbrowser.io");

    /** The header that carries the API key. */
    public static final String API_KEY_HEADER = "anchor-api-key";

    /** Everything Anchor's API offers; every neutral history filter is applied by Anchor itself. */
    public static final Capabilities CAPABILITIES = Capabilities.builder()
            .supports(Capability.LIST_RECORDINGS, Capability.PRIMARY_RECORDING, Capability.PAUSE_RESUME,
                    Capability.SESSION_HISTORY)
            .filter(SessionFilter.STATUS, FilterSupport.SERVER)
            .filter(SessionFilter.TAGS, FilterSupport.SERVER)
            .filter(SessionFilter.DOMAINS, FilterSupport.SERVER)
            .filter(SessionFilter.SEARCH, FilterSupport.SERVER)
            .filter(SessionFilter.CREATED_RANGE, FilterSupport.SERVER)
            .filter(SessionFilter.SORT, FilterSupport.SERVER)
            .build();

    private AnchorProvider() {
    }
}
