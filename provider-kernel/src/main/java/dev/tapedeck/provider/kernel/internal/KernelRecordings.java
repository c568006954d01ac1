package dev.tapedeck.provider.kernel.internal;

import dev.tapedeck.MediaRequest;
import dev.tapedeck.MediaStream;
import dev.tapedeck.ProviderMetadata;
import dev.tapedeck.RecordingSource;
import dev.tapedeck.http.HttpKit;
import dev.tapedeck.http.Listings;
import dev.tapedeck.http.json.Instants;
import dev.tapedeck.http.json.ItemFields;
import dev.tapedeck.model.JsonValue;
import dev.tapedeck.model.MediaLocation;
import dev.tapedeck.model.Recording;
import dev.tapedeck.model.RecordingFormat;
import dev.tapedeck.model.RecordingId;
import dev.tapedeck.model.RecordingState;
import dev.tapedeck.model.SessionId;
import dev.tapedeck.model.TapedeckError;
import io.vavr.control.Either;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Kernel's replays: {@code GET /browsers/{id}/replays} lists every replay of a browser session, in Kernel's order
 * (the first is taken as primary: Kernel names none), each one MP4 recording, its id Kernel's {@code replay_id},
 * its bytes served by the API with the key ({@code /replays/{replay_id}}, from a range when resuming). A replay
 * without {@code finished_at} is still running: it is listed, and opening it is NotReady until a fresh listing shows
 * it finished. {@code started_at} is the creation time; the duration runs to {@code finished_at}, which stays in the
 * provider data with {@code replay_view_url} and every other field.
 *
 * <p>Kernel records in replays it starts and stops, not in a recording it pauses. So {@link #pause} stops every
 * running replay ({@code POST .../replays/{replay_id}/stop}; its video is kept as a recording of its own) and
 * {@link #resume} starts a new one ({@code POST .../replays}, Kernel's default framerate and length). Neither is
 * retried once sent.
 */
public record KernelRecordings(HttpKit kit, KernelApi api, ProviderMetadata metadata) implements RecordingSource {

    @Override
    public Either<TapedeckError, List<Recording>> recordings(SessionId session) {
        return replays(session).map(replays -> replays.stream()
                .map(replay -> recording(session, replay, replay == replays.get(0))).toList());
    }

    /** The replays of {@code session} as listed, each a JSON object with a usable {@code replay_id}. */
    private Either<TapedeckError, List<ItemFields>> replays(SessionId session) {
        return kit.call(() -> api.replays(session.value())).flatMap(body -> body instanceof JsonValue.ListValue list
                ? Either.right(Listings.keepReadable(metadata.id(), "replay", list.values(), item -> ItemFields.of(item)
                        .filter(fields -> fields.peek("replay_id").filter(JsonValue.TextValue.class::isInstance)
                                .isPresent()).<Either<String, ItemFields>>map(Either::right)
                        .orElseGet(() -> Either.left("it has no replay_id"))))
                : Either.left(new TapedeckError.ProviderFailure(metadata.id(), 200, metadata.id() + " answered the "
                        + "replays of browser " + session + " with something other than a JSON array; try again "
                        + "later", "", false)));
    }

    private Recording recording(SessionId session, ItemFields replay, boolean first) {
        String id = replay.text("replay_id").orElseThrow();
        Optional<java.time.Instant> started = replay.instant("started_at");
        Recording.Builder recording = Recording.builder(metadata.id(), session, RecordingId.of(id),
                RecordingFormat.MP4, new MediaLocation.ProviderStream("the replay's MP4, served by the API"))
                .primary(first).createdAt(started.orElse(null))
                .duration(Instants.span(started, replay.peek("finished_at").flatMap(Instants::read)).orElse(null));
        replay.keepIn(recording::providerData, recording::unreadField);
        return recording.build();
    }

    private static boolean running(JsonValue.ObjectValue replay) {
        return replay.get("finished_at").flatMap(Instants::read).isEmpty();
    }

    @Override
    public Either<TapedeckError, RecordingState> pause(SessionId session) {
        return replays(session).flatMap(replays -> {
            List<ItemFields> running = replays.stream().filter(r -> running(r.providerData())).toList();
            Optional<TapedeckError> failed = running.stream().map(replay -> kit.call(() -> {
                api.stop(session.value(), ((JsonValue.TextValue) replay.peek("replay_id").orElseThrow()).value());
                return replay;
            })).filter(Either::isLeft).map(Either::getLeft).findFirst();
            return failed.isPresent() ? Either.left(failed.get()) : Either.right(new RecordingState(session, true,
                    running.isEmpty() ? "" : "stopped", new JsonValue.ObjectValue(Map.of("stopped", new JsonValue
                            .ListValue(running.stream().<JsonValue>map(ItemFields::providerData).toList())))));
        });
    }

    @Override
    public Either<TapedeckError, RecordingState> resume(SessionId session) {
        return kit.call(() -> api.start(session.value(), Map.of())).map(started -> new RecordingState(session, false,
                "started", started instanceof JsonValue.ObjectValue replay ? replay : JsonValue.ObjectValue.EMPTY));
    }

    @Override
    public Either<TapedeckError, MediaStream> openMedia(Recording recording, MediaRequest request) {
        return kit.ownRecording(recording).flatMap(own -> running(own.providerData()) ? refresh(own)
                : Either.right(own)).flatMap(ready -> running(ready.providerData())
                        ? Either.left(new TapedeckError.NotReady(metadata.id(), metadata.id() + " is still recording "
                                + "replay " + ready.id() + " of browser " + ready.sessionId() + "; its MP4 exists once"
                                + " it is stopped (pause stops it) or reaches its length", Optional.empty()))
                        : kit.openMedia(ready, request, wanted -> kit.stream(() -> api.replay(
                                ready.sessionId().value(), ready.id().value(), HttpKit.rangeHeaders(wanted)))));
    }
}
