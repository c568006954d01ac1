package dev.tapedeck.kit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tapedeck.Connection;
import dev.tapedeck.MediaRequest;
import dev.tapedeck.MediaStream;
import dev.tapedeck.download.DownloadListener;
import dev.tapedeck.download.DownloadResult;
import dev.tapedeck.download.Downloader;
import dev.tapedeck.model.MediaLocation;
import dev.tapedeck.model.Recording;
import dev.tapedeck.model.TapedeckError;
import dev.tapedeck.sandbox.Origin;
import io.vavr.control.Either;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A session's recordings download whole, their media origin never sees a credential, media streams as it arrives
 * instead of being read whole first, and a session without recordings says so as an error.
 */
public interface MediaContract {

    /** The size of the dribbled chunks in {@link #mediaStreamsAsItArrives()}. */
    int CHUNK = 64;

    /** The fixture of the running test. */
    ProviderFixture fixture();

    @Test
    default void everyRecordingDownloadsAndNoCredentialReachesTheMediaHost(@TempDir Path folder) throws IOException {
        ProviderFixture kit = fixture();
        Connection connection = kit.connect();
        List<Recording> recordings = connection.recordings().recordings(kit.sessionWithRecordings()).get();
        assertThat(recordings).as("the recordings of %s", kit.sessionWithRecordings()).isNotEmpty();

        Downloader downloader = Downloader.of(connection.recordings());
        for (Recording recording : recordings) {
            Either<TapedeckError, DownloadResult> downloaded = downloader.download(recording, folder,
                    DownloadListener.NONE);

            assertThat(downloaded.isRight()).as("the download of %s: %s", recording, downloaded).isTrue();
            DownloadResult result = downloaded.get();
            assertThat(Files.size(result.path())).as("the size of %s", result.path()).isPositive();
        }
        assertThat(kit.sandbox().counters().credentialHeadersSeen(Origin.MEDIA))
                .as("requests to the media host that carried a credential").isZero();
    }

    @Test
    default void mediaStreamsAsItArrives() throws IOException {
        ProviderFixture kit = fixture();
        Connection connection = kit.connect();
        List<Recording> recordings = connection.recordings().recordings(kit.sessionWithRecordings()).get();
        Recording recording = recordings.stream().filter(r -> part(r).isPresent()).findFirst()
                .orElseThrow(() -> new AssertionError("no recording of " + kit.sessionWithRecordings()
                        + " has media to stream: " + recordings));
        MediaRequest request = part(recording).orElseThrow();
        Origin origin = recording.media() instanceof MediaLocation.ProviderStream ? Origin.API : Origin.MEDIA;
        kit.sandbox().faults().dribbleNext(origin, 1, CHUNK, Duration.ofSeconds(1));
        kit.pauser().hold();

        long total;
        try (MediaStream stream = connection.recordings().openMedia(recording, request).get();
             InputStream body = stream.body()) {
            // Only the first chunk has been sent: a provider that read whole bodies would still be waiting.
            assertThat(kit.pauser().gaveUp()).as("the server gave up holding back the body: it was read whole"
                    + " before openMedia returned").isFalse();
            assertThat(body.read()).as("the first byte").isNotNegative();
            kit.pauser().release();
            total = 1 + body.transferTo(java.io.OutputStream.nullOutputStream());
        }
        assertThat(kit.pauser().gaveUp()).as("the server gave up holding back the body").isFalse();
        assertThat(total).as("bytes streamed").isGreaterThan(CHUNK);
    }

    @Test
    default void aSessionWithoutRecordingsHasNoPrimaryRecording() {
        ProviderFixture kit = fixture();
        Connection connection = kit.connect();

        TapedeckError error = connection.recordings().primaryRecording(kit.sessionWithoutRecordings()).getLeft();

        assertThat(error).isInstanceOfAny(TapedeckError.NotFound.class, TapedeckError.NotReady.class);
        assertThat(error.provider()).isEqualTo(kit.id());
        assertThat(error.message()).isNotBlank().doesNotContain(kit.clientSettings().apiKey());
    }

    /**
     * What to open of {@code recording} to get media bytes: its own media, or for an inline HLS playlist its first
     * segment; empty for a playlist without segments.
     */
    private static Optional<MediaRequest> part(Recording recording) {
        if (!(recording.media() instanceof MediaLocation.InlinePlaylist playlist)) {
            return Optional.of(MediaRequest.whole());
        }
        return playlist.content().lines().map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#"))
                .findFirst().map(line -> playlist.base().map(base -> base.resolve(line)).orElse(URI.create(line)))
                .map(MediaRequest::part);
    }
}
