package dev.tapedeck.provider.steel.internal;

import dev.tapedeck.MediaRequest;
import dev.tapedeck.MediaStream;
import dev.tapedeck.ProviderMetadata;
import dev.tapedeck.RecordingSource;
import dev.tapedeck.http.HttpKit;
import dev.tapedeck.http.JsonArrayPages;
import dev.tapedeck.http.json.ItemFields;
import dev.tapedeck.model.MediaLocation;
import dev.tapedeck.model.Recording;
import dev.tapedeck.model.RecordingFormat;
import dev.tapedeck.model.RecordingId;
import dev.tapedeck.model.SessionId;
import dev.tapedeck.model.TapedeckError;
import feign.Response;
import io.vavr.control.Either;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Steel's recordings, told by the session ({@code GET /v1/sessions/{id}}): a {@code live} one is NotReady (Steel
 * serves recordings once a session is released). A session that is not {@code headless} has its screen recording,
 * {@value #HLS_ID}: the playlist of {@code /hls}, fetched now (a 404 means none), whose segments on the API's own
 * origin are fetched with the key (Steel's guide sets it on every request; UNVERIFIED) and elsewhere without it. A
 * session with rrweb events ({@code eventCount} above 0, the legacy headless kind) has {@value #EVENTS_ID}, every page
 * of {@code /events} as one JSON array ({@link JsonArrayPages}). The screen recording is primary when there is one.
 */
public record SteelRecordings(HttpKit kit, SteelApi api, ProviderMetadata metadata) implements RecordingSource {

    /** The id of the HLS screen recording. */
    static final String HLS_ID = "hls";
    /** The id of the rrweb events recording. */
    static final String EVENTS_ID = "rrweb";
    /** The longest playlist, or page of events, read. */
    static final int MAX_TEXT = 32 * 1024 * 1024;

    @Override
    public Either<TapedeckError, List<Recording>> recordings(SessionId session) {
        return kit.call(() -> api.session(session.value())).flatMap(found -> {
            Optional<ItemFields> fields = ItemFields.of(found);
            if (fields.flatMap(f -> f.text("status")).orElse("").equals("live")) {
                return Either.left(new TapedeckError.NotReady(metadata.id(), metadata.id() + " serves the recording"
                        + " of session " + session + " once it is released; it is still live", Optional.empty()));
            }
            List<Recording> recordings = new ArrayList<>();
            if (!fields.flatMap(f -> f.bool("headless")).orElse(false)) {
                Either<TapedeckError, String> playlist = kit.text(() -> api.hls(session.value()), MAX_TEXT);
                if (playlist.isLeft() && !(playlist.getLeft() instanceof TapedeckError.NotFound)) {
                    return Either.left(playlist.getLeft());
                }
                playlist.forEach(text -> recordings.add(Recording.builder(metadata.id(), session,
                        RecordingId.of(HLS_ID), RecordingFormat.HLS, new MediaLocation.InlinePlaylist(text,
                                Optional.of(kit.pathUrl("v1", "sessions", session.value(), HLS_ID)),
                                Optional.empty())).primary(true).build()));
            }
            if (fields.flatMap(f -> f.count("eventCount")).orElse(0L) > 0) {
                recordings.add(Recording.builder(metadata.id(), session, RecordingId.of(EVENTS_ID),
                        RecordingFormat.EVENTS, new MediaLocation.ProviderStream("the rrweb events, every page"))
                        .primary(recordings.isEmpty()).fileName(EVENTS_ID + ".json").build());
            }
            return Either.right(List.copyOf(recordings));
        });
    }

    @Override
    public Either<TapedeckError, MediaStream> openMedia(Recording recording, MediaRequest request) {
        Optional<URI> part = request.part().map(uri -> recording.media() instanceof MediaLocation.InlinePlaylist
                inline ? inline.base().map(base -> base.resolve(uri)).orElse(uri) : uri);
        if (part.isPresent() && kit.ownRecording(recording).isRight() && part.get().isAbsolute()
                && part.get().resolve("/").equals(kit.baseUrl().resolve("/"))) {
            return kit.stream(() -> api.media(part.get(), HttpKit.rangeHeaders(request)));
        }
        return kit.openMedia(recording, request, wanted -> new JsonArrayPages(metadata.id(), pointer -> {
            AtomicReference<Optional<String>> next = new AtomicReference<>(Optional.empty());
            return kit.text(() -> {
                Response page = api.events(recording.sessionId().value(),
                        pointer.<Map<String, Object>>map(p -> Map.of("pointer", p)).orElse(Map.of()));
                next.set(page.headers().getOrDefault("Next-Cursor", List.of()).stream().findFirst());
                return page;
            }, MAX_TEXT).map(body -> new JsonArrayPages.Fetched(body, next.get()));
        }).open());
    }
}
