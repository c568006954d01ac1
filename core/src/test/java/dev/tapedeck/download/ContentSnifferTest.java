package dev.tapedeck.download;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tapedeck.download.ContentSniffer.Expected;
import dev.tapedeck.download.ContentSniffer.Found;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ContentSnifferTest {

    private static byte[] hex(String hex) {
        byte[] out = new byte[hex.length() / 2];
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) Integer.parseInt(hex.substring(2 * i, 2 * i + 2), 16);
        }
        return out;
    }

    private static byte[] padded(byte[] start, int length) {
        byte[] out = LoopbackMedia.raw(length, 7);
        System.arraycopy(start, 0, out, 0, start.length);
        return out;
    }

    private static Found sniff(byte[] bytes) {
        return ContentSniffer.sniff(bytes, bytes.length, Optional.empty());
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
        "0000001866747970,ISO_MEDIA",          // ....ftyp
        "0000001873747970,ISO_MEDIA",          // ....styp (fMP4 segment)
        "000000086d6f6f66,ISO_MEDIA",          // ....moof
        "000000086d6f6f76,ISO_MEDIA",          // ....moov (QuickTime)
        "000000086d646174,ISO_MEDIA",          // ....mdat
        "1a45dfa3,MATROSKA",
        "494433,ID3",
        "fffb9064,MPEG_AUDIO",
        "fff15080,ADTS",
        "52494646000000005741564566,WAVE",
        "4f676753,OGG",
        "664c6143,FLAC",
        "464f524d0000000041494646,AIFF",
        "63616666,CAF",
        "2321414d52,AMR"
    })
    void recognisesTheContainersRecordingsComeIn(String start, Found found) {
        assertThat(sniff(padded(hex(start), 600))).isEqualTo(found);
    }

    @Test
    void aTransportStreamHasItsSyncByteEvery188Bytes() {
        assertThat(sniff(LoopbackMedia.transportStream(3, 1))).isEqualTo(Found.MPEG_TS);
        byte[] notTs = LoopbackMedia.transportStream(3, 1);
        notTs[188] = 0x11;
        assertThat(sniff(notTs)).isNotEqualTo(Found.MPEG_TS);
        assertThat(sniff("Gateway Timeout".getBytes(StandardCharsets.US_ASCII))).isEqualTo(Found.TEXT);
    }

    @Test
    void tellsPagesJsonPlaylistsAndTextApart() {
        assertThat(sniff(utf8("\uFEFF  \n<!DOCTYPE html><html><body>Error</body></html>"))).isEqualTo(Found.HTML);
        assertThat(sniff(utf8("<html><head><title>Access denied</title></head></html>"))).isEqualTo(Found.HTML);
        assertThat(sniff(utf8("\uFEFF#EXTM3U\n#EXT-X-VERSION:3\n"))).isEqualTo(Found.PLAYLIST);
        assertThat(sniff(utf8("  {\"error\":\"expired\"}"))).isEqualTo(Found.JSON);
        assertThat(sniff(utf8("<?xml version=\"1.0\"?><Error><Code>AccessDenied</Code></Error>")))
                .isEqualTo(Found.XML);
        assertThat(sniff(utf8("Service unavailable, try later\n"))).isEqualTo(Found.TEXT);
        assertThat(sniff(new byte[0])).isEqualTo(Found.EMPTY);
        assertThat(sniff(LoopbackMedia.raw(600, 3))).isEqualTo(Found.UNKNOWN);
    }

    @Test
    void anHtmlContentTypeIsAPageWhateverTheBytes() {
        byte[] mp4 = LoopbackMedia.bytes(600, 1);
        assertThat(ContentSniffer.sniff(mp4, mp4.length, Optional.of("text/html; charset=utf-8")))
                .isEqualTo(Found.HTML);
    }

    @Test
    void refusalsNameWhatArrivedAndItsSize() {
        byte[] page = utf8("<!doctype html><title>502</title>");
        byte[] json = utf8("{\"message\":\"Internal Server Error\"}");
        byte[] mp4 = LoopbackMedia.bytes(600, 1);

        assertThat(refusal(Expected.MP4, page, "text/html", 98L)).contains("an HTML page, 98 bytes");
        assertThat(refusal(Expected.AUDIO, json, "application/json", 57L)).contains("JSON text, 57 bytes");
        assertThat(refusal(Expected.MP4, utf8("Not a video!"), "text/plain", 12L)).contains("text/plain, 12 bytes");
        assertThat(refusal(Expected.MP4, mp4, "text/plain", 12L)).contains("text/plain, 12 bytes");
        assertThat(refusal(Expected.WEBM, mp4, "video/mp4", 600L)).contains("an MP4/QuickTime file, 600 bytes");
        assertThat(refusal(Expected.MP4, mp4, "application/octet-stream", 600L)).isEmpty();
        assertThat(refusal(Expected.MP4, mp4, null, null)).isEmpty();
    }

    @Test
    void anyFormatTakesAnythingButAnHtmlPageAndSideFilesAnythingButTextByType() {
        byte[] key = LoopbackMedia.raw(16, 9);
        assertThat(refusal(Expected.ANY, utf8("{\"a\":1}"), "application/json", 7L)).isEmpty();
        assertThat(refusal(Expected.ANY, utf8("hello"), "text/plain", 5L)).isEmpty();
        assertThat(refusal(Expected.ANY, utf8("<html></html>"), null, 13L)).contains("an HTML page, 13 bytes");
        assertThat(refusal(Expected.SIDE_FILE, key, "application/octet-stream", 16L)).isEmpty();
        assertThat(refusal(Expected.SIDE_FILE, key, "text/plain", 16L)).contains("text/plain, 16 bytes");
        assertThat(refusal(Expected.SIDE_FILE, utf8("<!DOCTYPE html>"), null, 15L)).isPresent();
    }

    @Test
    void segmentsPlaylistsAndEventsAcceptTheirOwnKind() {
        assertThat(refusal(Expected.SEGMENT, LoopbackMedia.transportStream(2, 4), "video/mp2t", 376L)).isEmpty();
        assertThat(refusal(Expected.SEGMENT, LoopbackMedia.bytes(600, 4), "video/iso.segment", 600L)).isEmpty();
        assertThat(refusal(Expected.SEGMENT, utf8("WEBVTT\n"), "text/vtt", 7L)).isPresent();
        assertThat(refusal(Expected.PLAYLIST, utf8("#EXTM3U\n"), "text/plain", 8L)).isEmpty();
        assertThat(refusal(Expected.EVENTS, utf8("[{\"type\":4}]"), "application/json", 12L)).isEmpty();
        assertThat(refusal(Expected.EVENTS, utf8("\"error\""), "application/json", 7L)).contains("text, 7 bytes");
    }

    private static Optional<String> refusal(Expected expected, byte[] head, String type, Long size) {
        return ContentSniffer.refusal(expected, head, head.length, Optional.ofNullable(type),
                Optional.ofNullable(size));
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
