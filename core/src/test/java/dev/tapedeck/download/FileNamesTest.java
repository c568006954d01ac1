package dev.tapedeck.download;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tapedeck.model.MediaLocation;
import dev.tapedeck.model.Recording;
import dev.tapedeck.model.RecordingFormat;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FileNamesTest {

    private static Recording named(RecordingFormat format, String name) {
        return LoopbackMedia.recording("sess_1", "rec_2", format,
                new MediaLocation.RemoteUrl(URI.create("https://cdn.example/a/b/call.wav?sig=x"), Optional.empty()))
                .fileName(name).build();
    }

    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "../../x.mp4|x.mp4",
        "..\\..\\evil\\x.mp4|x.mp4",
        "/etc/passwd|passwd.mp4",
        "..|sess_1-rec_2.mp4",
        "'   '|sess_1-rec_2.mp4",
        ".hidden.mp4|hidden.mp4",
        "a<b>c:d\"e?g*h.mp4|a_b_c_d_e_g_h.mp4",
        "CON.mp4|_CON.mp4",
        "clip.exe|clip.exe.mp4",
        "Clip.MP4|Clip.MP4",
        "trailing.mp4. . |trailing.mp4"
    })
    void sanitisesNamesTheCallerChose(String raw, String expected) {
        assertThat(FileNames.forRecording(named(RecordingFormat.MP4, null), raw)).isEqualTo(expected);
    }

    @Test
    void dropsControlAndBidiCharacters() {
        assertThat(FileNames.forRecording(named(RecordingFormat.MP4, null), "a\u0000b\nc\u202Ed|e.mp4"))
                .isEqualTo("abcd_e.mp4");
    }

    @Test
    void theExtensionSuitsTheFormatTakingTheProvidersWhenTheFormatAllowsIt() {
        assertThat(FileNames.extensionFor(named(RecordingFormat.WEBM, null))).isEqualTo("webm");
        assertThat(FileNames.extensionFor(named(RecordingFormat.AUDIO, null))).isEqualTo("wav");
        assertThat(FileNames.extensionFor(named(RecordingFormat.AUDIO, "call.mp3"))).isEqualTo("mp3");
        assertThat(FileNames.extensionFor(named(RecordingFormat.MP4, "x.webm"))).isEqualTo("mp4");
        assertThat(FileNames.extensionFor(named(RecordingFormat.EVENTS, null))).isEqualTo("json");
        assertThat(FileNames.extensionFor(named(RecordingFormat.EVENTS, "events.ndjson"))).isEqualTo("ndjson");
    }

    @Test
    void anOtherFormatKeepsTheExtensionTheProviderDeclaresButNeverAProgramsOne() {
        // Before, an explicit x.json became x.json.bin.
        assertThat(FileNames.extensionFor(named(RecordingFormat.OTHER, "x.json"))).isEqualTo("json");
        assertThat(FileNames.forRecording(named(RecordingFormat.OTHER, null), "x.json")).isEqualTo("x.json");
        assertThat(FileNames.extensionFor(named(RecordingFormat.OTHER, "setup.exe"))).isEqualTo("wav");
        Recording noUrlHint = LoopbackMedia.recording("s", "r", RecordingFormat.OTHER,
                new MediaLocation.ProviderStream("stream")).fileName("run.sh").build();
        assertThat(FileNames.extensionFor(noUrlHint)).isEqualTo("bin");
    }

    @Test
    void cutsLongNamesKeepingTheExtension() {
        String name = FileNames.forRecording(named(RecordingFormat.MP4, null), "é".repeat(300) + ".mp4");

        assertThat(name).endsWith(".mp4");
        assertThat(name.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(FileNames.MAX_BYTES);
    }

    @Test
    void resolveInsideRefusesNamesThatLeaveTheFolder(@org.junit.jupiter.api.io.TempDir Path dir) {
        assertThat(FileNames.resolveInside(dir, "x.mp4").get()).isEqualTo(dir.toAbsolutePath().resolve("x.mp4"));
        assertThat(FileNames.resolveInside(dir, "../x.mp4").isLeft()).isTrue();
        assertThat(FileNames.resolveInside(dir, "a/x.mp4").isLeft()).isTrue();
    }
}
