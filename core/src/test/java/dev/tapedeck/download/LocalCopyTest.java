package dev.tapedeck.download;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tapedeck.model.TapedeckError;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a saved copy's fingerprint covers: a playlist saved by a version that took a live HLS playlist for a finished
 * recording is only part of it and must not verify as a finished copy, so an archive fetches it again instead of
 * skipping it for good; and an HLS copy's hash covers every file it references, not only the playlist's text.
 */
class LocalCopyTest {

    private static final String SO_FAR = "#EXTM3U\n#EXT-X-VERSION:3\n#EXT-X-TARGETDURATION:2\n"
            + "#EXT-X-PLAYLIST-TYPE:EVENT\n#EXTINF:2.0,\nrec_segments/0.ts\n";

    @TempDir
    Path folder;

    /** The one segment the playlists here reference, four bytes. */
    private Path segment() throws IOException {
        Files.createDirectories(folder.resolve("rec_segments"));
        return Files.write(folder.resolve("rec_segments/0.ts"), new byte[] {0x47, 1, 2, 3});
    }

    @Test
    void aSavedPlaylistWithoutItsEndIsNoFinishedCopy() throws Exception {
        segment();
        Path playlist = Files.writeString(folder.resolve("rec.m3u8"), SO_FAR);

        assertThat(LocalCopy.measure(playlist).getLeft()).isInstanceOf(TapedeckError.Storage.class)
                .extracting(TapedeckError::message).asString().contains("without #EXT-X-ENDLIST");
        assertThat(LocalCopy.sameContent(playlist, playlist).isLeft()).isTrue();

        Files.writeString(playlist, SO_FAR + "#EXT-X-ENDLIST\n");

        assertThat(LocalCopy.measure(playlist).get().sizeBytes()).isEqualTo(Files.size(playlist) + 4);
        assertThat(LocalCopy.sameContent(playlist, playlist).get()).isTrue();
    }

    @Test
    void aSegmentChangedOnDiskChangesTheCopysFingerprintEvenAtTheSameSize() throws Exception {
        Path segment = segment();
        Path playlist = Files.writeString(folder.resolve("rec.m3u8"), SO_FAR + "#EXT-X-ENDLIST\n");
        Fingerprint before = LocalCopy.measure(playlist).get();

        Files.write(segment, new byte[] {0x47, 1, 2, 4});

        // Before, the hash was the playlist's alone: a changed segment of the same size verified as the same copy.
        Fingerprint after = LocalCopy.measure(playlist).get();
        assertThat(after.sizeBytes()).isEqualTo(before.sizeBytes());
        assertThat(after.sha256()).isNotEqualTo(before.sha256());
    }

    @Test
    void aLineOfAnEarlierVersionThatHashedThePlaylistAloneStillMatchesItsCopy() throws Exception {
        Path segment = segment();
        Path playlist = Files.writeString(folder.resolve("rec.m3u8"), SO_FAR + "#EXT-X-ENDLIST\n");
        Fingerprint now = LocalCopy.measure(playlist).get();
        Fingerprint earlier = new Fingerprint(now.sizeBytes(), Folders.sha256(Files.readAllBytes(playlist)));

        // Before, such a line no longer verified, and every HLS copy of an older archive was fetched again.
        assertThat(LocalCopy.matches(playlist, earlier, now)).isTrue();
        assertThat(LocalCopy.matches(playlist, now, now)).isTrue();
        assertThat(LocalCopy.matches(playlist, new Fingerprint(now.sizeBytes(), "0".repeat(64)), now)).isFalse();
        Files.write(segment, new byte[] {0x47, 1, 2, 3, 4});
        assertThat(LocalCopy.matches(playlist, earlier, LocalCopy.measure(playlist).get())).as("another size").isFalse();
    }
}
