package com.example.acme;

import com.example.acme.internal.AcmeApi;
import com.example.acme.internal.AcmeHistory;
import com.example.acme.internal.AcmeRecordings;
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
import dev.tapedeck.spi.ProviderConfig;
import io.vavr.control.Either;

/**
 * The Acme Browser provider ({@code acme}): the session history, paged by cursor and filtered by status and tag, and
 * each session's MP4 recordings behind presigned links. Reads {@code ACME_API_KEY} (sent as a bearer token to the
 * API only) and {@code ACME_BASE_URL}. Construction does no work.
 */
public final class AcmeProviderFactory extends HttpProviderFactory {

    static final ProviderMetadata METADATA = ProviderMetadata.builder("acme", "Acme Browser", SpiVersion.CURRENT)
            .documentation("https://docs.acme.example/api")
            .defaultBaseUrl("https://api.acme.example")
            .capabilities(Capabilities.builder()
                    .supports(Capability.LIST_RECORDINGS, Capability.PRIMARY_RECORDING, Capability.SESSION_HISTORY)
                    .filter(SessionFilter.STATUS, FilterSupport.SERVER)
                    .filter(SessionFilter.CREATED_RANGE, FilterSupport.CLIENT)
                    .build())
            .providerFilters(ProviderFilter.text("tag", "sessions carrying this tag"))
            .recordingFormats(RecordingFormat.MP4)
            .build();

    /** Does nothing: discovery constructs every factory it finds. */
    public AcmeProviderFactory() {
        super(METADATA, AcmeProviderFactory::open);
    }

    /** Reads the key and base URL by Tapedeck's one rule, then builds the HTTP kit and both ports on it. */
    private static Either<TapedeckError, Connection> open(ProviderConfig config) {
        return ConnectionSettings.connect(METADATA, config, (key, base) -> {
            HttpKit kit = HttpKit.builder(METADATA, base, config).bearerAuth(key).build();
            AcmeApi api = kit.api(AcmeApi.class);
            return new HttpConnection(kit, METADATA, new AcmeRecordings(kit, api, METADATA),
                    new AcmeHistory(kit, api, METADATA));
        });
    }
}
