package dev.tapedeck.provider.notte.internal;

import dev.tapedeck.model.Capabilities;
import dev.tapedeck.model.Capability;
import dev.tapedeck.model.FilterSupport;
import dev.tapedeck.model.SessionFilter;
import dev.tapedeck.ProviderMetadata;
import dev.tapedeck.SpiVersion;
import dev.tapedeck.model.RecordingFormat;

/** The facts about Notte that the factory, the connection and the adapters share. */
public final class NotteProvider {

    /** The provider id. */
    public static final String ID = "notte";

    /**
     * Notte as discovery, core and the command line see it: replays and history; no pause or resume. Status and
     * creation time are on every session Notte lists but its list cannot filter by them, so core filters; tags,
     * domains, search and sort have no data behind them at all. It has no provider-specific history filters.
     */
    public static final ProviderMetadata METADATA = ProviderMetadata.builder(ID, "Notte", SpiVersion.CURRENT)
            .documentation("https://docs.notte.cc")
            .defaultBaseUrl("https://api.notte.cc")
            .capabilities(Capabilities.builder()
                    .supports(Capability.LIST_RECORDINGS, Capability.PRIMARY_RECORDING, Capability.SESSION_HISTORY,
                            Capability.WAIT_UNTIL_READY)
                    .filter(SessionFilter.STATUS, FilterSupport.CLIENT)
                    .filter(SessionFilter.CREATED_RANGE, FilterSupport.CLIENT)
                    .build())
            .recordingFormats(RecordingFormat.MP4, RecordingFormat.HLS)
            .build();

    private NotteProvider() {
    }
}
