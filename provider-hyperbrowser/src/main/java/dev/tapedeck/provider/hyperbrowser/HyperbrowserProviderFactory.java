package dev.tapedeck.provider.hyperbrowser;

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
import dev.tapedeck.provider.hyperbrowser.internal.HyperbrowserApi;
import dev.tapedeck.provider.hyperbrowser.internal.HyperbrowserHistory;
import dev.tapedeck.provider.hyperbrowser.internal.HyperbrowserRecordings;

/**
 * The Hyperbrowser provider ({@code hyperbrowser}): a session's MP4 video recording, its rrweb recording as one JSON
 * file, and the session list.
 *
 * <p>Reads {@code HYPERBROWSER_API_KEY} (sent as {@code x-api-key} to the API only) and {@code HYPERBROWSER_BASE_URL}
 * (else {@code https://api.hyperbrowser.ai}, as {@code @hyperbrowser/sdk} 0.92.6 has it). Hyperbrowser filters its
 * list by status itself; core filters by creation time. It has no pause or resume: Hyperbrowser records a session
 * created with {@code enableWebRecording} (rrweb) and {@code enableVideoWebRecording} (video), and a recording is
 * not ready while it processes. Construction does no work.
 */
public final class HyperbrowserProviderFactory extends HttpProviderFactory {

    static final ProviderMetadata METADATA = ProviderMetadata.builder("hyperbrowser", "Hyperbrowser",
                    SpiVersion.CURRENT)
            .documentation("https://hyperbrowser.ai/docs/sessions/recordings")
            .defaultBaseUrl("https://api.hyperbrowser.ai")
            .capabilities(Capabilities.builder().filter(SessionFilter.STATUS, FilterSupport.SERVER)
                    .filter(SessionFilter.CREATED_RANGE, FilterSupport.CLIENT)
                    .supports(Capability.SESSION_HISTORY, Capability.LIST_RECORDINGS, Capability.PRIMARY_RECORDING,
                            Capability.WAIT_UNTIL_READY).build())
            .recordingFormats(RecordingFormat.MP4, RecordingFormat.EVENTS).build();

    /** Does nothing: discovery constructs every factory it finds; a connection reads its key and base URL first. */
    public HyperbrowserProviderFactory() {
        super(METADATA, config -> ConnectionSettings.connect(METADATA, config, (key, base) -> {
            HttpKit kit = HttpKit.builder(METADATA, base, config).authHeader("x-api-key", key).build();
            HyperbrowserApi api = kit.api(HyperbrowserApi.class);
            return new HttpConnection(kit, METADATA, new HyperbrowserRecordings(kit, api, METADATA),
                    new HyperbrowserHistory(kit, api, METADATA));
        }));
    }
}
