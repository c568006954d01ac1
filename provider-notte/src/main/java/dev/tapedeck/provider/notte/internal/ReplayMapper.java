package dev.tapedeck.provider.notte.internal;

import dev.tapedeck.http.Urls;
import dev.tapedeck.http.json.Instants;
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
import java.util.Optional;

/**
 * Turns a Notte replay into Tapedeck's one recording per session, id {@value #RECORDING_ID}, primary.
 *
 * <p>The MP4 wins when Notte sends a usable one (a presigned {@link MediaLocation.RemoteUrl}); otherwise the HLS
 * playlist travels inline ({@link MediaLocation.InlinePlaylist} without a base: its segment URLs are absolute), so
 * a replay with a broken {@code mp4_url} but a playlist is still saved. Both carry {@code expires_at} when Notte
 * sends a readable one; an unreadable one is left out rather than losing the replay. The duration comes from
 * {@code video_duration_ms}, the start offset within the session from {@code video_start_ms}.
 */
final class ReplayMapper {

    /** The fixed id of a Notte session's one recording. */
    static final String RECORDING_ID = "replay";

    private ReplayMapper() {
    }

    /** The recording {@code replay} describes, or a ProviderFailure when it holds neither an MP4 nor a playlist. */
    static Either<TapedeckError, Recording> recording(SessionId session, ReplayResponse replay) {
        if (replay == null) {
            return Either.left(unusable(session, "an empty body"));
        }
        Optional<Instant> expiresAt = Instants.read(replay.expiresAt());
        Optional<String> mp4 = present(replay.mp4Url());
        Optional<String> playlist = present(replay.playlistContent());
        Optional<URI> mp4Uri = mp4.flatMap(Urls::absoluteHttp);
        MediaLocation media;
        RecordingFormat format;
        String extension;
        if (mp4Uri.isPresent()) {
            media = new MediaLocation.RemoteUrl(mp4Uri.get(), expiresAt);
            format = RecordingFormat.MP4;
            extension = ".mp4";
        } else if (playlist.isPresent()) {
            media = new MediaLocation.InlinePlaylist(playlist.get(), Optional.empty(), expiresAt);
            format = RecordingFormat.HLS;
            extension = ".m3u8";
        } else if (mp4.isPresent()) {
            return Either.left(unusable(session, "an mp4_url that is not an absolute http(s) URL and no playlist"));
        } else {
            return Either.left(unusable(session, "neither an mp4_url nor a playlist_content"));
        }
        return Either.right(Recording.builder(NotteProvider.ID, session, RecordingId.of(RECORDING_ID), format, media)
                .primary(true)
                .duration(millis(replay.videoDurationMs()))
                .startOffset(millis(replay.videoStartMs()))
                .fileName(session.value() + "-" + RECORDING_ID + extension)
                .build());
    }

    private static Duration millis(Long value) {
        return value == null || value < 0 ? null : Duration.ofMillis(value);
    }

    private static Optional<String> present(String text) {
        return Optional.ofNullable(text).filter(t -> !t.isBlank());
    }

    private static TapedeckError unusable(SessionId session, String what) {
        return new TapedeckError.ProviderFailure(NotteProvider.ID, 200, "notte answered the replay of session "
                + session + " with " + what + ", so there is nothing to download; try again later or report it to Notte",
                "", false);
    }
}
