package dev.tapedeck.provider.notte.internal;

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
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Turns a Notte replay ({@code ReplayResponse}) into Tapedeck's one recording per session, id
 * {@value #RECORDING_ID}, primary.
 *
 * <p>Each way Notte offers becomes an alternative: a usable {@code mp4_url} a presigned MP4
 * {@link MediaLocation.RemoteUrl}, a {@code playlist_content} an HLS {@link MediaLocation.InlinePlaylist} whose
 * relative URIs resolve against the replay's own URL ({@code replayUrl}, where the playlist was served from); so a
 * replay with both keeps both, MP4 first, and one whose MP4 fails is still saved from the playlist. Both carry
 * {@code expires_at} when Notte sends a readable one. The duration comes from {@code video_duration_ms}, the start
 * offset within the session from {@code video_start_ms}. Everything else, and a value of the wrong type (an
 * {@code mp4_url} that is no http(s) URL, an unreadable {@code expires_at}), stays in the provider data.
 */
final class ReplayMapper {

    /** The fixed id of a Notte session's one recording. */
    static final String RECORDING_ID = "replay";

    private ReplayMapper() {
    }

    /** The recording {@code replay} describes, or a ProviderFailure when it holds neither an MP4 nor a playlist. */
    static Either<TapedeckError, Recording> recording(SessionId session, JsonValue replay, URI replayUrl) {
        Optional<ItemFields> read = ItemFields.of(replay);
        if (read.isEmpty()) {
            return Either.left(unusable(session, replay == null || replay instanceof JsonValue.NullValue
                    ? "an empty body" : "a body that is not a JSON object"));
        }
        ItemFields fields = read.get();
        Optional<Instant> expiresAt = fields.instant("expires_at");
        Optional<String> mp4 = fields.text("mp4_url").filter(text -> !text.isBlank());
        Optional<URI> mp4Uri = mp4.flatMap(Urls::absoluteHttp);
        if (mp4.isPresent() && mp4Uri.isEmpty()) {
            fields.unreadable("mp4_url");
        }
        Optional<String> playlist = fields.text("playlist_content").filter(text -> !text.isBlank());
        List<MediaAlternative> ways = new ArrayList<>();
        mp4Uri.ifPresent(uri -> ways.add(MediaAlternative.of(RecordingFormat.MP4,
                new MediaLocation.RemoteUrl(uri, expiresAt))));
        playlist.ifPresent(text -> ways.add(MediaAlternative.of(RecordingFormat.HLS,
                new MediaLocation.InlinePlaylist(text, Optional.of(replayUrl), expiresAt))));
        if (ways.isEmpty()) {
            return Either.left(unusable(session, mp4.isPresent()
                    ? "an mp4_url that is not an absolute http(s) URL and no playlist"
                    : "neither an mp4_url nor a playlist_content"));
        }
        MediaAlternative first = ways.get(0);
        Recording.Builder recording = Recording.builder(NotteProvider.ID, session, RecordingId.of(RECORDING_ID),
                        first.format(), first.media())
                .primary(true)
                .duration(fields.count("video_duration_ms").map(Duration::ofMillis).orElse(null))
                .startOffset(fields.count("video_start_ms").map(Duration::ofMillis).orElse(null));
        ways.stream().skip(1).forEach(recording::alternative);
        fields.keepIn(recording::providerData, recording::unreadField);
        return Either.right(recording.build());
    }

    private static TapedeckError unusable(SessionId session, String what) {
        return new TapedeckError.ProviderFailure(NotteProvider.ID, 200, "notte answered the replay of session "
                + session + " with " + what + ", so there is nothing to download; try again later or report it to Notte",
                "", false);
    }
}
