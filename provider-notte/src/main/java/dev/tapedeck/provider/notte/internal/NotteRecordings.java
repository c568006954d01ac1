package dev.tapedeck.provider.notte.internal;

import dev.tapedeck.ProviderMetadata;
import dev.tapedeck.MediaRequest;
import dev.tapedeck.MediaStream;
import dev.tapedeck.RecordingSource;
import dev.tapedeck.http.HttpKit;
import dev.tapedeck.model.Recording;
import dev.tapedeck.model.SessionId;
import dev.tapedeck.model.TapedeckError;
import io.vavr.control.Either;
import java.util.List;

/**
 * Notte's recordings: the session replay as one primary recording, with an MP4 and an HLS alternative when Notte
 * sends both. Pause and resume stay Unsupported (the port's defaults). Media is fetched without credentials: the MP4
 * URL and the playlist's segment URLs are presigned.
 */
final class NotteRecordings implements RecordingSource {

    private final HttpKit kit;
    private final NotteApi api;

    NotteRecordings(HttpKit kit, NotteApi api) {
        this.kit = kit;
        this.api = api;
    }

    @Override
    public ProviderMetadata metadata() {
        return NotteProvider.METADATA;
    }

    @Override
    public Either<TapedeckError, List<Recording>> recordings(SessionId session) {
        return primaryRecording(session).map(List::of);
    }

    @Override
    public Either<TapedeckError, Recording> primaryRecording(SessionId session) {
        return kit.call(() -> api.replay(session.value())).flatMap(replay -> ReplayMapper.recording(session, replay,
                kit.pathUrl("sessions", session.value(), "replay")));
    }

    @Override
    public Either<TapedeckError, Recording> refresh(Recording recording) {
        return primaryRecording(recording.sessionId());
    }

    @Override
    public Either<TapedeckError, MediaStream> openMedia(Recording recording, MediaRequest request) {
        return kit.openMedia(recording, request);
    }
}
