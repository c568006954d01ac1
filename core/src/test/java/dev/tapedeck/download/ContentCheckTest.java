package dev.tapedeck.download;

import static dev.tapedeck.download.Folders.filesIn;
import static dev.tapedeck.download.Folders.sha256;
import static dev.tapedeck.model.TapedeckException.orThrow;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tapedeck.model.MediaLocation;
import dev.tapedeck.model.Recording;
import dev.tapedeck.model.RecordingFormat;
import dev.tapedeck.model.TapedeckError;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Nothing is kept that is not what the recording's format expects: error pages served with 200 above all. */
class ContentCheckTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
    private static final byte[] PAGE = ("<!DOCTYPE html>\n<html><head><title>502 Bad Gateway</title></head><body>"
            + "Bad gateway</body></html>").getBytes(StandardCharsets.UTF_8);

    private final LoopbackMedia media = new LoopbackMedia();
    private final Downloader downloader = new Downloader(media.source(), CLOCK, DownloadOptions.defaults());

    @TempDir
    Path dir;

    ContentCheckTest() throws IOException {
    }

    @AfterEach
    void stop() {
        media.close();
    }

    private Recording at(String path, RecordingFormat format) {
        return LoopbackMedia.recording("s1", "r1", format,
                new MediaLocation.RemoteUrl(media.uri(path), Optional.empty())).build();
    }

    @Test
    void anHtmlPageServedWith200AsAnMp4IsRefusedNamedAndNothingIsKept() throws Exception {
        media.put("/r1.mp4", PAGE).contentType("text/html; charset=utf-8");

        TapedeckError failure = downloader.download(at("/r1.mp4", RecordingFormat.MP4), dir,
                DownloadListener.NONE).getLeft();

        assertThat(failure).isInstanceOf(TapedeckError.Integrity.class);
        assertThat(failure.message()).isEqualTo("recording r1 of session s1 at loop: instead of an MP4 "
                + "video, the server sent an HTML page, " + PAGE.length + " bytes; nothing was kept, try again later");
        assertThat(filesIn(dir)).isEmpty();
    }

    @Test
    void anHtmlPageIsRecognisedByItsBytesWhateverItsContentTypeSays() throws Exception {
        media.put("/r1.mp4", PAGE).contentType("video/mp4");

        TapedeckError failure = downloader.download(at("/r1.mp4", RecordingFormat.OTHER), dir,
                DownloadListener.NONE).getLeft();

        assertThat(failure.message()).contains("an HTML page, " + PAGE.length + " bytes");
        assertThat(filesIn(dir)).isEmpty();
    }

    @Test
    void jsonWhereAnAudioFileBelongsIsRefused() throws Exception {
        byte[] json = "{\"error\":\"recording is not available yet, retry\"}\n".getBytes(StandardCharsets.UTF_8);
        media.put("/call.mp3", json).contentType("application/json");

        TapedeckError failure = downloader.download(at("/call.mp3", RecordingFormat.AUDIO), dir,
                DownloadListener.NONE).getLeft();

        assertThat(failure.message()).contains("instead of an audio file, the server sent JSON text, "
                + json.length + " bytes;");
        assertThat(filesIn(dir)).isEmpty();
    }

    @Test
    void plainTextWhereAVideoBelongsIsRefusedByItsType() throws Exception {
        media.put("/r1.mp4", LoopbackMedia.bytes(12, 1)).contentType("text/plain");

        TapedeckError failure = downloader.download(at("/r1.mp4", RecordingFormat.MP4), dir,
                DownloadListener.NONE).getLeft();

        assertThat(failure.message()).contains("text/plain, 12 bytes");
    }

    @Test
    void theNextDownloadTriesAgainAndKeepsTheRealRecording() throws Exception {
        byte[] real = LoopbackMedia.bytes(50_000, 2);
        media.put("/r1.mp4", PAGE).contentType("text/html");
        Recording recording = at("/r1.mp4", RecordingFormat.MP4);
        downloader.download(recording, dir, DownloadListener.NONE);
        media.put("/r1.mp4", real);

        DownloadResult again = orThrow(downloader.download(recording, dir, DownloadListener.NONE));

        assertThat(again.status()).isEqualTo(DownloadStatus.DOWNLOADED);
        assertThat(again.sha256()).isEqualTo(sha256(real));
        assertThat(filesIn(dir)).containsExactly("loop/s1/r1.mp4");
    }

    @Test
    void anOtherFormatIsLetThroughAsItComes() throws Exception {
        byte[] text = "anything a provider calls a recording\n".getBytes(StandardCharsets.UTF_8);
        media.put("/r1.txt", text).contentType("text/plain");

        DownloadResult result = orThrow(downloader.download(at("/r1.txt", RecordingFormat.OTHER), dir,
                DownloadListener.NONE));

        assertThat(result.status()).isEqualTo(DownloadStatus.DOWNLOADED);
        assertThat(result.relativePath()).isEqualTo("loop/s1/r1.txt");
    }

    @Test
    void anEventRecordingIsSavedAsJsonCheckedWhileItStreams() throws Exception {
        StringBuilder events = new StringBuilder("[");
        for (int i = 0; i < 20_000; i++) {
            events.append(i == 0 ? "" : ",").append("{\"type\":3,\"data\":{\"source\":1,\"x\":").append(i)
                    .append(",\"y\":").append(i % 700).append("},\"timestamp\":").append(1767225600000L + i).append('}');
        }
        byte[] body = events.append(']').toString().getBytes(StandardCharsets.UTF_8);
        media.put("/events", body).contentType("application/json");
        Recording rrweb = LoopbackMedia.recording("s1", "r1", RecordingFormat.EVENTS,
                new MediaLocation.RemoteUrl(media.uri("/events"), Optional.empty())).fileName("s1-r1.json")
                .sizeBytes((long) body.length).build();

        DownloadResult result = orThrow(downloader.download(rrweb, dir, DownloadListener.NONE));

        assertThat(result.status()).isEqualTo(DownloadStatus.DOWNLOADED);
        assertThat(result.relativePath()).isEqualTo("loop/s1/r1.json");
        assertThat(Files.readAllBytes(result.path())).isEqualTo(body);
    }

    @Test
    void anEventRecordingThatIsNotWellFormedJsonIsNotKept() throws Exception {
        byte[] body = "[{\"type\":4,\"data\":{}},{\"type\":2,\"data\":".getBytes(StandardCharsets.UTF_8);
        media.put("/events", body).contentType("application/json");

        TapedeckError failure = downloader.download(at("/events", RecordingFormat.EVENTS), dir,
                DownloadListener.NONE).getLeft();

        assertThat(failure).isInstanceOf(TapedeckError.Integrity.class);
        assertThat(failure.message()).contains("the event recording arrived, but the JSON ends in the "
                + "middle of a value after " + body.length + " bytes");
        assertThat(filesIn(dir)).isEmpty();
    }
}
