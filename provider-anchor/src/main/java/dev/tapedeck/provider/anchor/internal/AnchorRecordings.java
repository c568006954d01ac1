package dev.tapedeck.provider.anchor.internal;

import dev.tapedeck.ProviderMetadata;
import dev.tapedeck.MediaRequest;
import dev.tapedeck.MediaStream;
import dev.tapedeck.RecordingSource;
import dev.tapedeck.http.HttpKit;
import dev.tapedeck.model.JsonValue;
import dev.tapedeck.model.Recording;
import dev.tapedeck.model.RecordingState;
import dev.tapedeck.model.SessionId;
import dev.tapedeck.model.SessionStatus;
import dev.tapedeck.model.TapedeckError;
import io.vavr.control.Either;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Anchor's recordings: the list, pause and resume (POSTs, never retried once sent), and the media: file links
 * through the kit's credential-free fetcher, the primary recording through {@code primary/fetch} with the key.
 *
 * <p>Anchor answers pausing or resuming a session that has ended with the same 500 as a passing outage. So when
 * either fails with a provider failure, the session's status is asked for: a session that is no longer running
 * makes the failure an InvalidRequest that says so, since trying again later would never help.
 */
record AnchorRecordings(HttpKit kit, AnchorApi api, ProviderMetadata metadata) implements RecordingSource {

    @Override
    public Either<TapedeckError, List<Recording>> recordings(SessionId session) {
        return kit.call(() -> api.recordings(session.value()))
                .flatMap(body -> RecordingMapper.recordings(session, body, kit.baseUrl()));
    }

    @Override
    public Either<TapedeckError, RecordingState> pause(SessionId session) {
        Either<TapedeckError, RecordingState> state = kit.call(() -> api.pause(session.value()))
                .map(body -> state(session, true, body));
        return state.isLeft() ? ifEnded(session, "paused", state.getLeft()) : state;
    }

    @Override
    public Either<TapedeckError, RecordingState> resume(SessionId session) {
        Either<TapedeckError, RecordingState> state = kit.call(() -> api.resume(session.value()))
                .map(body -> state(session, false, body));
        return state.isLeft() ? ifEnded(session, "resumed", state.getLeft()) : state;
    }

    /** {@code failure}, or when the session has ended, an InvalidRequest saying that it can no longer be {@code done}. */
    private Either<TapedeckError, RecordingState> ifEnded(SessionId session, String done, TapedeckError failure) {
        if (!(failure instanceof TapedeckError.ProviderFailure)) {
            return Either.left(failure);
        }
        Optional<String> status = kit.call(() -> api.session(session.value())).toJavaOptional()
                .flatMap(SessionDetailResponse::status);
        if (status.isEmpty() || StatusWords.neutral(status.get()) == SessionStatus.ACTIVE) {
            return Either.left(failure);
        }
        return Either.left(TapedeckError.InvalidRequest.of(AnchorProvider.ID, "anchor: session " + session
                + " has ended (status " + status.get() + "), so its recording can no longer be " + done + "; only a "
                + "running session's recording can be paused or resumed"));
    }

    @Override
    public Either<TapedeckError, MediaStream> openMedia(Recording recording, MediaRequest request) {
        return kit.openMedia(recording, request, wanted -> primaryStream(recording, wanted));
    }

    /** The primary recording's bytes from {@code primary/fetch}, from the requested offset. */
    private Either<TapedeckError, MediaStream> primaryStream(Recording recording, MediaRequest request) {
        if (!recording.primary()) {
            return Either.left(new TapedeckError.NotFound(AnchorProvider.ID, "anchor: recording " + recording.id()
                    + " of session " + recording.sessionId() + " has no file link and only the primary recording "
                    + "can be streamed; list the recordings again later"));
        }
        Map<String, Object> headers = new LinkedHashMap<>();
        if (request.offset() > 0) {
            headers.put("Range", "bytes=" + request.offset() + "-");
            request.ifRange().ifPresent(etag -> headers.put("If-Range", etag));
        }
        return kit.stream(() -> api.primary(recording.sessionId().value(), headers));
    }

    /**
     * The state the answer describes. Anchor documents {@code {data: SuccessResponse}} where {@code SuccessResponse}
     * is itself {@code {data:{status}}}; servers send either nesting, so the status word is the first found going
     * down {@code data}. The whole answer is kept as the state's provider data.
     */
    private static RecordingState state(SessionId session, boolean paused, JsonValue body) {
        JsonValue level = body;
        String status = "";
        for (int depth = 0; level instanceof JsonValue.ObjectValue object && depth < 8; depth++) {
            Optional<JsonValue> word = object.get("status");
            if (word.isPresent() && word.get() instanceof JsonValue.TextValue text && !text.value().isBlank()) {
                status = text.value().strip();
                break;
            }
            level = object.get("data").orElse(null);
        }
        return new RecordingState(session, paused, status, body instanceof JsonValue.ObjectValue object ? object
                : JsonValue.ObjectValue.EMPTY);
    }

    @Override
    public String toString() {
        return "AnchorRecordings[" + kit + "]";
    }
}
