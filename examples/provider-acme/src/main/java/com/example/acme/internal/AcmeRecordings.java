package com.example.acme.internal;

import dev.tapedeck.MediaRequest;
import dev.tapedeck.MediaStream;
import dev.tapedeck.ProviderMetadata;
import dev.tapedeck.RecordingSource;
import dev.tapedeck.http.HttpKit;
import dev.tapedeck.model.MediaLocation;
import dev.tapedeck.model.Recording;
import dev.tapedeck.model.RecordingFormat;
import dev.tapedeck.model.RecordingId;
import dev.tapedeck.model.SessionId;
import dev.tapedeck.model.TapedeckError;
import io.vavr.control.Either;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** A session's recordings: presigned MP4 links, fetched without credentials by the HTTP kit. */
public record AcmeRecordings(HttpKit kit, AcmeApi api, ProviderMetadata metadata) implements RecordingSource {

    @Override
    public Either<TapedeckError, List<Recording>> recordings(SessionId session) {
        return kit.call(() -> api.recordings(session.value()))
                .map(list -> list.data() == null ? List.of() : list.data().stream()
                        .map(item -> recording(session, item)).toList());
    }

    private Recording recording(SessionId session, AcmeApi.RecordingItem item) {
        return Recording.builder(metadata.id(), session, RecordingId.of(item.id()), RecordingFormat.MP4,
                        new MediaLocation.RemoteUrl(URI.create(item.url()), Optional.ofNullable(item.urlExpiresAt())))
                .primary(item.primary())
                .sizeBytes(item.bytes())
                .duration(item.durationSeconds() == null ? null
                        : Duration.ofMillis(Math.round(item.durationSeconds() * 1000)))
                .createdAt(item.createdAt())
                .build();
    }

    @Override
    public Either<TapedeckError, MediaStream> openMedia(Recording recording, MediaRequest request) {
        return kit.openMedia(recording, request);
    }
}
