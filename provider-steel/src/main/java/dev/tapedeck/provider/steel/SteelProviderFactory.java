package dev.tapedeck.provider.steel;

import dev.tapedeck.Connection;
import dev.tapedeck.ProviderMetadata;
import dev.tapedeck.SpiVersion;
import dev.tapedeck.http.ConnectionSettings;
import dev.tapedeck.http.HttpConnection;
import dev.tapedeck.http.HttpKit;
import dev.tapedeck.http.HttpProviderFactory;
import dev.tapedeck.model.Capabilities;
import dev.tapedeck.model.Capability;
import dev.tapedeck.model.FilterSupport;
import dev.tapedeck.model.RecordingFormat;
import dev.tapedeck.model.SessionFilter;
import dev.tapedeck.provider.steel.internal.SteelApi;
import dev.tapedeck.provider.steel.internal.SteelHistory;
import dev.tapedeck.provider.steel.internal.SteelRecordings;

/**
 * The Steel provider ({@code steel}): a released session's HLS recording, the legacy rrweb events of older sessions
 * as one JSON recording, and the session list.
 *
 * <p>Reads {@code STEEL_API_KEY} (sent as {@code steel-api-key} to the API's origin only, playlist segments served
 * there included) and {@code STEEL_BASE_URL} (else {@code https://api.steel.dev}). Steel filters its list by status
 * itself ({@code released} is COMPLETED: it does not tell a timeout apart); core filters by creation time. It has no
 * pause or resume: a recording is served once its session is released. Construction does no work.
 */
public final class SteelProviderFactory extends HttpProviderFactory {

    static final ProviderMetadata METADATA = ProviderMetadata.builder("steel", "Steel", SpiVersion.CURRENT)
            .documentation("https://docs.steel.dev/api-reference")
            .defaultBaseUrl("https://api.steel.dev")
            .recordingFormats(RecordingFormat.HLS, RecordingFormat.EVENTS)
            .capabilities(Capabilities.builder()
                    .filter(SessionFilter.CREATED_RANGE, FilterSupport.CLIENT)
                    .filter(SessionFilter.STATUS, FilterSupport.SERVER)
                    .supports(Capability.SESSION_HISTORY, Capability.LIST_RECORDINGS, Capability.PRIMARY_RECORDING,
                            Capability.WAIT_UNTIL_READY)
                    .build())
            .build();

    /** Does nothing: discovery constructs every factory it finds; a connection reads its key and base URL first. */
    public SteelProviderFactory() {
        super(METADATA, config -> ConnectionSettings.connect(METADATA, config, (key, base) -> ports(
                HttpKit.builder(METADATA, base, config).authHeader("steel-api-key", key).build())));
    }

    private static Connection ports(HttpKit kit) {
        SteelApi api = kit.api(SteelApi.class);
        return new HttpConnection(kit, METADATA, new SteelRecordings(kit, api, METADATA), new SteelHistory(kit, api,
                METADATA));
    }
}
