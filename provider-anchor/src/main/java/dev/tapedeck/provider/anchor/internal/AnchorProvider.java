package dev.tapedeck.provider.anchor.internal;

import dev.tapedeck.model.Capabilities;
import dev.tapedeck.model.Capability;
import dev.tapedeck.model.FilterSupport;
import dev.tapedeck.model.SessionFilter;
import dev.tapedeck.ProviderMetadata;
import dev.tapedeck.SpiVersion;
import dev.tapedeck.model.ProviderFilter;
import dev.tapedeck.model.RecordingFormat;

/** The fixed facts about AnchorBrowser: its metadata (id, name, capabilities, filters) and auth header. */
public final class AnchorProvider {

    /** The provider id. */
    public static final String ID = "anchor";

    /** The header that carries the API key. */
    public static final String API_KEY_HEADER = "anchor-api-key";

    /** Everything Anchor's API offers; every neutral history filter is applied by Anchor itself. */
    private static final Capabilities CAPABILITIES = Capabilities.builder()
            .supports(Capability.LIST_RECORDINGS, Capability.PRIMARY_RECORDING, Capability.PAUSE_RESUME,
                    Capability.SESSION_HISTORY)
            .filter(SessionFilter.STATUS, FilterSupport.SERVER)
            .filter(SessionFilter.TAGS, FilterSupport.SERVER)
            .filter(SessionFilter.DOMAINS, FilterSupport.SERVER)
            .filter(SessionFilter.SEARCH, FilterSupport.SERVER)
            .filter(SessionFilter.CREATED_RANGE, FilterSupport.SERVER)
            .filter(SessionFilter.SORT, FilterSupport.SERVER)
            .build();

    /**
     * AnchorBrowser as discovery, core and the command line see it. Its provider filters are Anchor's other history
     * parameters; {@code status} there is Anchor's own word, for an exact match.
     */
    public static final ProviderMetadata METADATA = ProviderMetadata.builder(ID, "AnchorBrowser", SpiVersion.CURRENT)
            .documentation("https://docs.anchorbrowser.io/api-reference")
            .defaultBaseUrl("https://api.anchorbrowser.io")
            .capabilities(CAPABILITIES)
            .providerFilters(
                    ProviderFilter.text("batch_id", "sessions started by one batch"),
                    ProviderFilter.bool("task_initiated", "sessions started by a task"),
                    ProviderFilter.bool("playground", "sessions started from the playground"),
                    ProviderFilter.bool("proxy", "sessions that used a proxy"),
                    ProviderFilter.bool("extra_stealth", "sessions with extra stealth"),
                    ProviderFilter.text("profile_name", "sessions that used this browser profile"),
                    ProviderFilter.text("status", "Anchor's own status word, matched exactly"))
            .recordingFormats(RecordingFormat.MP4)
            .build();

    private AnchorProvider() {
    }
}
