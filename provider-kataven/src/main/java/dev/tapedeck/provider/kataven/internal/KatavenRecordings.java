package dev.tapedeck.provider.kataven.internal;

import dev.tapedeck.ProviderMetadata;
import dev.tapedeck.MediaRequest;
import dev.tapedeck.MediaStream;
import dev.tapedeck.RecordingSource;
import dev.tapedeck.http.HttpKit;
import dev.tapedeck.model.Recording;
import dev.tapedeck.model.SessionId;
import dev.tapedeck.model.TapedeckError;
import io.vavr.control.Either;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Kataven's recordings: one audio recording per session behind a presigned URL that lives about five minutes.
 * {@link #openMedia} asks Kataven for a fresh URL first when the recording's URL has expired, or expires within
 * {@link #EXPIRY_MARGIN}, so a stale link is never used. Pause and resume stay Unsupported (the port's defaults).
 */
record KatavenRecordings(HttpKit kit, KatavenApi api, ProviderMetadata metadata) implements RecordingSource {

    /** A URL this close to its expiry is refreshed before use: the fetch itself takes a moment to start. */
    static final Duration EXPIRY_MARGIN = Duration.ofSeconds(5);

    @Override
    public Either<TapedeckError, List<Recording>> recordings(SessionId session) {
        return primaryRecording(session).map(List::of);
    }

    @Override
    public Either<TapedeckError, Recording> primaryRecording(SessionId session) {
        Instant fetchedAt = kit.clock().instant();
        return kit.call(() -> api.recording(session.value()))
                .flatMap(body -> RecordingMapper.recording(session, body, fetchedAt));
    }

    @Override
    public Either<TapedeckError, Recording> refresh(Recording recording) {
        return primaryRecording(recording.sessionId());
    }

    @Override
    public Either<TapedeckError, MediaStream> openMedia(Recording recording, MediaRequest request) {
        return kit.ownRecording(recording)
                .flatMap(own -> own.media().isExpiredAt(kit.clock().instant().plus(EXPIRY_MARGIN))
                        ? refresh(own) : Either.right(own))
                .flatMap(current -> kit.openMedia(current, request));
    }
}
