package dev.tapedeck.provider.notte.internal;

import dev.tapedeck.ProviderMetadata;
import dev.tapedeck.MediaRequest;
import dev.tapedeck.MediaStream;
import dev.tapedeck.RecordingSource;
import dev.tapedeck.http.HttpKit;
import dev.tapedeck.model.JsonValue;
import dev.tapedeck.model.Recording;
import dev.tapedeck.model.SessionId;
import dev.tapedeck.model.TapedeckError;
import io.vavr.control.Either;
import java.time.Clock;
import java.util.List;

/**
 * Notte's recordings: the session replay as one primary recording, with an MP4 and an HLS alternative when Notte
 * sends both. Pause and resume stay Unsupported (the port's defaults). Media is fetched without credentials: the MP4
 * URL and the playlist's segment URLs are presigned.
 *
 * <p>A replay answers 404 both for a session that does not exist and for one whose replay is not there yet; when the
 * answer does not say "still active", the session itself is asked and {@link ReplayReadiness} tells which, as
 * Notte's own SDK does when it waits for a replay.
 */
record NotteRecordings(HttpKit kit, NotteApi api, ProviderMetadata metadata, Clock clock) implements RecordingSource {

    @Override
    public Either<TapedeckError, List<Recording>> recordings(SessionId session) {
        return primaryRecording(session).map(List::of);
    }

    @Override
    public Either<TapedeckError, Recording> primaryRecording(SessionId session) {
        Either<TapedeckError, JsonValue> replay = kit.call(() -> api.replay(session.value()));
        if (replay.isLeft() && replay.getLeft() instanceof TapedeckError.NotFound) {
            return Either.left(ReplayReadiness.explain(session, (TapedeckError.NotFound) replay.getLeft(),
                    kit.call(() -> api.session(session.value())), clock.instant()));
        }
        return replay.flatMap(answer -> ReplayMapper.recording(session, answer,
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
