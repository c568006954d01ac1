package dev.tapedeck.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The shipped media are real, well-formed and small enough to keep in the repository. */
class MediaFilesTest {

    static byte[] read(String name) throws IOException {
        try (InputStream in = MediaFilesTest.class.getResourceAsStream("/dev/tapedeck/sandbox/media/" + name)) {
            assertThat(in).as(name).isNotNull();
            return in.readAllBytes();
        }
    }

    static List<String> segmentNames() throws IOException {
        return new String(read("hls/playlist.m3u8"), StandardCharsets.UTF_8).lines()
                .filter(l -> !l.isBlank() && !l.startsWith("#")).map(String::trim).toList();
    }

    @Test
    void the_mp4_is_made_of_top_level_boxes_ftyp_moov_mdat_whose_sizes_add_up_to_the_file() throws IOException {
        byte[] mp4 = read("sample.mp4");
        ByteBuffer buffer = ByteBuffer.wrap(mp4);
        List<String> boxes = new ArrayList<>();
        long offset = 0;
        while (offset < mp4.length) {
            long size = Integer.toUnsignedLong(buffer.getInt((int) offset));
            String type = new String(mp4, (int) offset + 4, 4, StandardCharsets.US_ASCII);
            if (size == 1) {
                size = buffer.getLong((int) offset + 8);
            }
            assertThat(size).as("box %s at %d", type, offset).isGreaterThanOrEqualTo(8)
                    .isLessThanOrEqualTo(mp4.length - offset);
            boxes.add(type);
            offset += size;
        }
        assertThat(offset).isEqualTo(mp4.length);
        assertThat(boxes.get(0)).isEqualTo("ftyp");
        assertThat(boxes).contains("moov", "mdat");
    }

    @Test
    void the_playlist_is_a_complete_vod_playlist_of_mpeg_ts_segments() throws IOException {
        String playlist = new String(read("hls/playlist.m3u8"), StandardCharsets.UTF_8);
        assertThat(playlist).startsWith("#EXTM3U").contains("#EXT-X-ENDLIST");
        long extinf = playlist.lines().filter(l -> l.startsWith("#EXTINF:")).count();
        assertThat(segmentNames()).hasSize((int) extinf).hasSizeGreaterThanOrEqualTo(2);
        for (String name : segmentNames()) {
            byte[] ts = read("hls/" + name);
            assertThat(ts.length % 188).as(name).isZero();
            for (int packet = 0; packet < ts.length; packet += 188) {
                assertThat(ts[packet]).as("%s packet at %d", name, packet).isEqualTo((byte) 0x47);
            }
        }
    }

    @Test
    void the_audio_is_an_mp3_starting_with_an_id3_tag_or_a_frame_sync() throws IOException {
        byte[] mp3 = read("call.mp3");
        boolean id3 = mp3[0] == 'I' && mp3[1] == 'D' && mp3[2] == '3';
        boolean frameSync = (mp3[0] & 0xFF) == 0xFF && (mp3[1] & 0xE0) == 0xE0;
        assertThat(id3 || frameSync).isTrue();
        assertThat(mp3.length).isGreaterThan(1000);
    }

    @Test
    void all_media_together_stay_under_one_mebibyte() throws IOException {
        long total = read("sample.mp4").length + read("call.mp3").length + read("hls/playlist.m3u8").length;
        for (String name : segmentNames()) {
            total += read("hls/" + name).length;
        }
        assertThat(total).isLessThan(1024 * 1024);
    }

    @Test
    void generated_bytes_are_a_pure_function_of_the_offset() throws IOException {
        byte[] direct = new byte[5000];
        GeneratedBytes.fill(123_456_789L, direct, 0, direct.length);
        byte[] streamed = GeneratedBytes.stream(123_456_789L, 123_456_789L + 5000).readAllBytes();
        assertThat(streamed).isEqualTo(direct);
        assertThat(GeneratedBytes.at(123_456_789L + 42)).isEqualTo(direct[42]);
        long distinct = new String(direct, StandardCharsets.ISO_8859_1).chars().distinct().count();
        assertThat(distinct).isGreaterThan(200);
    }

    @Test
    void generated_streams_are_laid_out_as_an_mp4_file_so_downloads_take_them_for_one() throws IOException {
        byte[] start = GeneratedBytes.stream(0, 40).readAllBytes();
        assertThat(new String(start, 4, 8, StandardCharsets.US_ASCII)).isEqualTo("ftypisom");
        assertThat(start[0] << 24 | start[1] << 16 | start[2] << 8 | start[3]).isEqualTo(24);
        assertThat(new String(start, 24, 8, StandardCharsets.US_ASCII)).isEqualTo("\0\0\0\0mdat");
        assertThat(GeneratedBytes.HEADER_BYTES).isEqualTo(32);
    }
}
