package dev.tapedeck.provider.hyperbrowser.internal;

import dev.tapedeck.MediaRequest;
import dev.tapedeck.MediaStream;
import dev.tapedeck.ProviderMetadata;
import dev.tapedeck.RecordingSource;
import dev.tapedeck.http.HttpKit;
import dev.tapedeck.http.Urls;
import dev.tapedeck.http.json.ItemFields;
import dev.tapedeck.model.JsonValue;
import dev.tapedeck.model.MediaAlternative;
import dev.tapedeck.model.MediaLocation;
import dev.tapedeck.model.Recording;
import dev.tapedeck.model.RecordingFormat;
import dev.tapedeck.model.RecordingId;
import dev.tapedeck.model.SessionId;
import dev.tapedeck.model.TapedeckError;
import io.vavr.control.Either;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Hyperbrowser's recordings, each told by an answer {@code {status, recordingUrl, error}} (status
 * {@code not_enabled}, {@code pending}, {@code in_progress}, {@code completed} or {@code failed}): the MP4 video of
 * {@code /video-recording-url} is {@value #VIDEO_ID}, primary; the rrweb events of {@code /recording-url} are
 * {@value #EVENTS_ID}, one JSON file, fetched from the signed URL and else from {@code /recording} with the key. A
 * signed URL carries no expiry Hyperbrowser tells, so a download that the URL's host refuses lists the session again
 * for a fresh one. Either answer {@code pending} or {@code in_progress} makes the session NotReady, waited on. A video
 * that is {@code not_enabled} or {@code failed} is no recording: its answer stays in the rrweb recording's provider
 * data as {@code videoRecording}, and without an rrweb recording the session is NotFound, saying how to enable
 * recording or carrying Hyperbrowser's error. Every field of an answer stays in its recording's provider data.
 */
public record HyperbrowserRecordings(HttpKit kit, HyperbrowserApi api, ProviderMetadata metadata)
        implements RecordingSource {

    /** The id of the MP4 video recording. */
    static final String VIDEO_ID = "video";
    /** The id of the rrweb events recording. */
    static final String EVENTS_ID = "rrweb";

    /** One recording answer, its status word and link read, the rest kept. */
    private record Answer(String what, String status, Optional<URI> url, ItemFields fields, JsonValue body) {
        static Answer of(String what, JsonValue body) {
            ItemFields fields = ItemFields.of(body).orElseGet(() -> ItemFields.of(JsonValue.ObjectValue.EMPTY).get());
            Optional<String> link = fields.text("recordingUrl");
            Optional<URI> url = link.flatMap(Urls::absoluteHttp);
            if (link.isPresent() && url.isEmpty()) {
                fields.unreadable("recordingUrl");
            }
            return new Answer(what, fields.peek("status").filter(JsonValue.TextValue.class::isInstance)
                    .map(word -> ((JsonValue.TextValue) word).value()).orElse("missing"), url, fields, body);
        }

        boolean processing() {
            return status.equals("pending") || status.equals("in_progress");
        }
    }

    @Override
    public Either<TapedeckError, List<Recording>> recordings(SessionId session) {
        return kit.call(() -> api.recordingUrl(session.value(), HyperbrowserApi.VIDEO))
                .map(body -> Answer.of("video", body))
                .flatMap(video -> kit.call(() -> api.recordingUrl(session.value(), HyperbrowserApi.EVENTS))
                        .map(body -> Answer.of("rrweb", body))
                        .flatMap(events -> recordings(session, video, events)));
    }

    private Either<TapedeckError, List<Recording>> recordings(SessionId session, Answer video, Answer events) {
        for (Answer answer : List.of(video, events)) {
            if (answer.processing()) {
                return Either.left(new TapedeckError.NotReady(metadata.id(), metadata.id() + " is still making the "
                        + answer.what() + " recording of session " + session + " (" + answer.status() + "); it is "
                        + "ready once the session has stopped and Hyperbrowser has processed it", Optional.empty()));
            }
        }
        List<Recording> recordings = new ArrayList<>();
        boolean withVideo = video.status().equals("completed") && video.url().isPresent();
        if (withVideo) {
            Recording.Builder mp4 = Recording.builder(metadata.id(), session, RecordingId.of(VIDEO_ID),
                    RecordingFormat.MP4, new MediaLocation.RemoteUrl(video.url().get(), Optional.empty())).primary(true);
            video.fields().keepIn(mp4::providerData, mp4::unreadField);
            recordings.add(mp4.build());
        }
        if (events.status().equals("completed")) {
            MediaLocation stream = new MediaLocation.ProviderStream("the rrweb events of the session");
            Recording.Builder rrweb = Recording.builder(metadata.id(), session, RecordingId.of(EVENTS_ID),
                    RecordingFormat.EVENTS, events.url().<MediaLocation>map(url -> new MediaLocation.RemoteUrl(url,
                            Optional.empty())).orElse(stream)).primary(!withVideo).fileName(EVENTS_ID + ".json");
            events.url().ifPresent(url -> rrweb.alternative(MediaAlternative.of(RecordingFormat.EVENTS, stream)));
            events.fields().keepIn(rrweb::providerData, rrweb::unreadField);
            if (!withVideo) {
                rrweb.providerData("videoRecording", video.body());
            }
            recordings.add(rrweb.build());
        }
        if (recordings.isEmpty()) {
            return Either.left(new TapedeckError.NotFound(metadata.id(), video.status().equals("failed")
                    ? metadata.id() + " failed to record the video of session " + session + ": " + video.fields()
                            .peek("error").map(JsonValue::toJson).orElse("no reason given") + "; its rrweb recording is " + events.status()
                    : "session " + session + " has no recording at " + metadata.id() + " (video " + video.status()
                            + ", rrweb " + events.status() + "): Hyperbrowser records sessions created with "
                            + "enableWebRecording, and their video with enableVideoWebRecording as well"));
        }
        return Either.right(List.copyOf(recordings));
    }

    @Override
    public Either<TapedeckError, MediaStream> openMedia(Recording recording, MediaRequest request) {
        return kit.openMedia(recording, request, wanted -> kit.stream(() -> api.recording(
                recording.sessionId().value(), HttpKit.rangeHeaders(wanted))));
    }
}
