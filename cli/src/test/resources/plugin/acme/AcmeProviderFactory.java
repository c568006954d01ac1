package com.example.acme;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tapedeck.Connection;
import dev.tapedeck.MediaRequest;
import dev.tapedeck.MediaStream;
import dev.tapedeck.ProviderMetadata;
import dev.tapedeck.RecordingSource;
import dev.tapedeck.SessionHistory;
import dev.tapedeck.SpiVersion;
import dev.tapedeck.http.ConnectionSettings;
import dev.tapedeck.http.HttpConnection;
import dev.tapedeck.http.HttpKit;
import dev.tapedeck.model.Capabilities;
import dev.tapedeck.model.Capability;
import dev.tapedeck.model.MediaLocation;
import dev.tapedeck.model.Page;
import dev.tapedeck.model.PageToken;
import dev.tapedeck.model.Recording;
import dev.tapedeck.model.RecordingFormat;
import dev.tapedeck.model.RecordingId;
import dev.tapedeck.model.Session;
import dev.tapedeck.model.SessionId;
import dev.tapedeck.model.SessionQuery;
import dev.tapedeck.model.SessionStatus;
import dev.tapedeck.model.TapedeckError;
import dev.tapedeck.spi.ProviderConfig;
import dev.tapedeck.spi.ProviderFactory;
import feign.Param;
import feign.RequestLine;
import io.vavr.control.Either;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A provider written as an outside author would, compiled by the plug-in test outside the class path. */
public final class AcmeProviderFactory implements ProviderFactory {

    static final ProviderMetadata METADATA = ProviderMetadata.builder("acme", "Acme Browser", SPI_VERSION_HERE)
            .documentation("https://docs.acme.example")
            .defaultBaseUrl("https://api.acme.example")
            .capabilities(Capabilities.builder().supports(Capability.LIST_RECORDINGS, Capability.PRIMARY_RECORDING,
                    Capability.SESSION_HISTORY).build())
            .recordingFormats(RecordingFormat.MP4)
            .build();

    @Override
    public ProviderMetadata metadata() {
        return METADATA;
    }

    @Override
    public Either<TapedeckError, Connection> connect(ProviderConfig config) {
        return ConnectionSettings.apiKey("acme", config).flatMap(key -> ConnectionSettings.baseUrl(METADATA, config)
                .map(base -> {
                    HttpKit kit = HttpKit.builder("acme", base, config).bearerAuth(key).build();
                    AcmeApi api = kit.api(AcmeApi.class);
                    return new HttpConnection(kit, METADATA, new AcmeRecordings(kit, api), new AcmeHistory(kit, api));
                }));
    }
}

interface AcmeApi {
    @RequestLine("GET /sessions")
    JsonNode sessions();

    @RequestLine("GET /sessions/{id}/recording")
    JsonNode recording(@Param("id") String id);
}

/** What both ports share: the kit, the API, and the metadata they answer with. */
abstract class AcmePort {
    final HttpKit kit;
    final AcmeApi api;

    AcmePort(HttpKit kit, AcmeApi api) {
        this.kit = kit;
        this.api = api;
    }

    public ProviderMetadata metadata() {
        return AcmeProviderFactory.METADATA;
    }
}

final class AcmeRecordings extends AcmePort implements RecordingSource {
    AcmeRecordings(HttpKit kit, AcmeApi api) {
        super(kit, api);
    }

    @Override
    public Either<TapedeckError, List<Recording>> recordings(SessionId session) {
        return kit.call(() -> api.recording(session.value())).map(node -> List.of(Recording.builder("acme", session,
                RecordingId.of("video"), RecordingFormat.MP4, new MediaLocation.RemoteUrl(
                        URI.create(node.get("url").asText()),
                        Optional.of(Instant.parse(node.get("expires_at").asText()))))
                .primary(true).build()));
    }

    @Override
    public Either<TapedeckError, MediaStream> openMedia(Recording recording, MediaRequest request) {
        return kit.openMedia(recording, request);
    }
}

final class AcmeHistory extends AcmePort implements SessionHistory {
    AcmeHistory(HttpKit kit, AcmeApi api) {
        super(kit, api);
    }

    @Override
    public Either<TapedeckError, Page<Session>> fetchPage(SessionQuery query, Optional<PageToken> token) {
        return kit.call(api::sessions).map(node -> {
            List<Session> sessions = new ArrayList<>();
            node.get("sessions").forEach(item -> sessions.add(Session.builder("acme",
                    SessionId.of(item.get("id").asText())).status(SessionStatus.COMPLETED, "done")
                    .createdAt(Instant.parse(item.get("created").asText())).build()));
            return Page.last(sessions);
        });
    }
}
