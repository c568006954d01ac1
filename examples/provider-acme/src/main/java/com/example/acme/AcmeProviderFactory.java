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
import dev.tapedeck.model.Capabilities;
import dev.tapedeck.model.Capability;
import dev.tapedeck.model.FilterSupport;
import dev.tapedeck.model.ProviderFilter;
import dev.tapedeck.model.RecordingFormat;
import dev.tapedeck.model.SessionFilter;
import dev.tapedeck.model.TapedeckError;
import dev.tapedeck.spi.ProviderConfig;
import dev.tapedeck.spi.ProviderFactory;
import io.vavr.control.Either;

/**
 * The Acme Browser provider ({@code acme}): the session history, paged by cursor and filtered by status and tag, and
 * each session's MP4 recordings behind presigned links. Reads {@code ACME_API_KEY} (sent as a bearer token to the
 * API only) and {@code ACME_BASE_URL}. Construction does no work.
 */
public final class AcmeProviderFactory implements ProviderFactory {

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

    @Override
    public ProviderMetadata metadata() {
        return METADATA;
    }

    @Override
    public Either<TapedeckError, Connection> connect(ProviderConfig config) {
        return ConnectionSettings.apiKey(METADATA.id(), config).flatMap(key -> ConnectionSettings
                .baseUrl(METADATA, config).map(base -> {
                    HttpKit kit = HttpKit.builder(METADATA.id(), base, config).bearerAuth(key).build();
                    AcmeApi api = kit.api(AcmeApi.class);
                    return new HttpConnection(kit, METADATA, new AcmeRecordings(kit, api, METADATA),
                            new AcmeHistory(kit, api, METADATA));
                }));
    }
}
