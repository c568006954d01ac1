package dev.tapedeck.provider.browserbase;

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
import dev.tapedeck.model.ProviderFilter;
import dev.tapedeck.model.RecordingFormat;
import dev.tapedeck.model.SessionFilter;
import dev.tapedeck.model.TapedeckError;
import dev.tapedeck.provider.browserbase.internal.BrowserbaseApi;
import dev.tapedeck.provider.browserbase.internal.BrowserbaseHistory;
import dev.tapedeck.provider.browserbase.internal.BrowserbaseRecordings;
import dev.tapedeck.spi.ProviderConfig;
import io.vavr.control.Either;

/**
 * The Browserbase provider ({@code browserbase}): each session's replay as one HLS recording per browser tab (page),
 * the deprecated rrweb events of older sessions as a JSON recording, and the session list.
 *
 * <p>Reads {@code BROWSERBASE_API_KEY} (sent as {@code X-BB-API-Key} to the API only) and {@code BROWSERBASE_BASE_URL}
 * (else {@code https://api.browserbase.com}). Browserbase filters its list by status itself and by a user-metadata
 * query ({@code q}); core filters by creation time. It has no pause or resume: a replay exists once its session has
 * ended, and is not ready until then. Construction does no work.
 */
public final class BrowserbaseProviderFactory extends HttpProviderFactory {

    static final ProviderMetadata METADATA = ProviderMetadata.builder("browserbase", "Browserbase", SpiVersion.CURRENT)
            .documentation("https://docs.browserbase.com/reference/api/list-sessions")
            .defaultBaseUrl("https://api.browserbase.com")
            .recordingFormats(RecordingFormat.HLS, RecordingFormat.EVENTS)
            .providerFilters(ProviderFilter.text("q", "Browserbase's user-metadata query, string equality only, "
                    + "e.g. user_metadata['env']:'staging'"))
            .capabilities(Capabilities.builder()
                    .filter(SessionFilter.STATUS, FilterSupport.SERVER)
                    .filter(SessionFilter.CREATED_RANGE, FilterSupport.CLIENT)
                    .supports(Capability.LIST_RECORDINGS, Capability.PRIMARY_RECORDING, Capability.SESSION_HISTORY,
                            Capability.WAIT_UNTIL_READY)
                    .build())
            .build();

    /** Does nothing: discovery constructs every factory it finds. */
    public BrowserbaseProviderFactory() {
        super(METADATA, BrowserbaseProviderFactory::open);
    }

    private static Either<TapedeckError, Connection> open(ProviderConfig config) {
        return ConnectionSettings.connect(METADATA, config, (key, base) -> {
            HttpKit kit = HttpKit.builder(METADATA, base, config).authHeader("X-BB-API-Key", key).build();
            BrowserbaseApi api = kit.api(BrowserbaseApi.class);
            return new HttpConnection(kit, METADATA, new BrowserbaseRecordings(kit, api, METADATA),
                    new BrowserbaseHistory(kit, api, METADATA));
        });
    }
}
