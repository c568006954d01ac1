package dev.tapedeck.download;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tapedeck.model.MediaLocation;
import dev.tapedeck.model.Recording;
import dev.tapedeck.model.RecordingFormat;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The naming rule is one-to-one, also where a file system ignores case or Unicode normalisation. */
class RecordingPathsTest {

    /** Pieces that hostile or merely odd ids are made of. */
    private static final List<String> PIECES = List.of("x", "X", "y", "abc", "Abc", "ABC", "/", "\\", "_", "-", ".",
            "..", " ", "\u0000", "\u001b[2J", "\n", "\t", ":", "*", "?", "<", ">", "|", "\"", "%2F", "é", "e\u0301",
            "É", "日本", "\u212A", "k", "ß", "SS", "\u202E", "\uFEFF", "con", "CON", "nul.txt", "lpt1", "-1234abcd",
            "-deadbeef", "-" + "0123456789abcdef".repeat(2), "manifest.jsonl", "0", "9", "~", "#", "\uD83C\uDFA5");

    /** How a case-insensitive, normalising file system (APFS, NTFS, SMB) compares two names. */
    private static String folded(String name) {
        return Normalizer.normalize(name, Normalizer.Form.NFC).toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT);
    }

    private static Set<String> hostileIds(long seed) {
        Random random = new Random(seed);
        Set<String> ids = new LinkedHashSet<>(List.of("x/y", "x_y", "x", ".x", "Abc", "abc", "..", ".", "...",
                "sess_0001", "SESS_0001", " x", "x ", "x.", "con", "Con.mp4"));
        String longPrefix = "a".repeat(RecordingPaths.MAX_READABLE + 6);
        while (ids.size() < 20_000) {
            StringBuilder id = new StringBuilder(random.nextInt(10) == 0 ? longPrefix : "");
            int pieces = 1 + random.nextInt(5);
            for (int i = 0; i < pieces; i++) {
                id.append(PIECES.get(random.nextInt(PIECES.size())));
            }
            ids.add(id.toString());
        }
        return ids;
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 20260309})
    void differentIdsNeverShareAName(long seed) {
        Map<String, String> owners = new HashMap<>();
        for (String id : hostileIds(seed)) {
            String name = RecordingPaths.name(id);
            assertThat(RecordingPaths.name(id)).as("seed %d: the same id, the same name", seed).isEqualTo(name);
            assertSafe(name, seed, id);
            String earlier = owners.putIfAbsent(folded(name), id);
            assertThat(earlier).as("seed %d: ids [%s] and [%s] both became [%s]", seed, earlier, id, name)
                    .isNull();
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {4, 5})
    void differentRecordingsNeverShareAPath(long seed) {
        Random random = new Random(seed);
        List<String> ids = new ArrayList<>(hostileIds(seed));
        Map<String, String> owners = new HashMap<>();
        for (int i = 0; i < 10_000; i++) {
            String provider = random.nextBoolean() ? "anchor" : ids.get(random.nextInt(50));
            String session = ids.get(random.nextInt(ids.size()));
            String recording = ids.get(random.nextInt(ids.size()));
            RecordingFormat format = RecordingFormat.values()[random.nextInt(RecordingFormat.values().length)];
            Recording r = Recording.builder(provider, dev.tapedeck.model.SessionId.of(session),
                    dev.tapedeck.model.RecordingId.of(recording), format,
                    new MediaLocation.ProviderStream("s")).build();
            String path = RecordingPaths.relativePath(r);
            String who = provider + "\u0001" + session + "\u0001" + recording;
            String earlier = owners.putIfAbsent(folded(path), who);
            assertThat(earlier == null || earlier.equals(who))
                    .as("seed %d: [%s] and [%s] both became [%s]", seed, earlier, who, path).isTrue();
        }
    }

    private static void assertSafe(String name, long seed, String id) {
        assertThat(name).as("seed %d, id [%s]", seed, id).isNotEmpty().doesNotContain("/", "\\", "\u0000", ":", "*",
                "?", "\"", "<", ">", "|").doesNotStartWith(".").doesNotEndWith(".").doesNotEndWith(" ")
                .isNotIn(".", "..", "manifest.jsonl");
        assertThat(name.codePoints().noneMatch(c -> Character.isISOControl(c) || c == 0x202E || c == 0xFEFF))
                .as("seed %d, id [%s] -> [%s] has no control characters", seed, id, name).isTrue();
        assertThat(FileNames.isDeviceName(name)).as("seed %d, id [%s] -> [%s]", seed, id, name).isFalse();
        assertThat(name.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(120);
    }

    @Test
    void idsWhoseHashesShareTheirFirst32BitsStillGetTwoNames() {
        // Found in a second by a birthday search when names kept 8 hex digits: both were A..A-8068196d.
        String one = "A".repeat(64) + "4a35";
        String other = "A".repeat(64) + "7bca";

        assertThat(RecordingPaths.name(one)).isNotEqualTo(RecordingPaths.name(other));
    }

    @Test
    void safeLowerCaseIdsStayAsTheyAreAndOthersKeepAReadableStartAndAHash() {
        assertThat(RecordingPaths.name("sess_0001")).isEqualTo("sess_0001");
        assertThat(RecordingPaths.name("3f2a-9c.1")).isEqualTo("3f2a-9c.1");
        assertThat(RecordingPaths.name("Abc")).matches("Abc-[0-9a-f]{32}");
        assertThat(RecordingPaths.name("x/y")).matches("x_y-[0-9a-f]{32}");
        assertThat(RecordingPaths.name(".x")).matches("_x-[0-9a-f]{32}");
        assertThat(RecordingPaths.name("..")).matches("_\\.-[0-9a-f]{32}");
        assertThat(RecordingPaths.name("\u0000")).matches("_-[0-9a-f]{32}");
        assertThat(RecordingPaths.name("con")).matches("_con-[0-9a-f]{32}");
        assertThat(RecordingPaths.name("a-deadbeef")).isEqualTo("a-deadbeef");
        assertThat(RecordingPaths.name("a-" + "d".repeat(32))).matches("a-d{32}-[0-9a-f]{32}");
        assertThat(RecordingPaths.name("x".repeat(65))).matches("x{64}-[0-9a-f]{32}");
    }

    @Test
    void theFileIsNamedAfterTheRecordingIdWithItsFormatsExtension() {
        Recording recording = LoopbackMedia.recording("Sess 1", "rec_1", RecordingFormat.EVENTS,
                new MediaLocation.ProviderStream("events")).fileName("../whatever.json").build();

        assertThat(RecordingPaths.fileName(recording)).isEqualTo("rec_1.json");
        assertThat(RecordingPaths.relativePath(recording)).matches("loop/Sess_1-[0-9a-f]{32}/rec_1\\.json");
        assertThat(RecordingPaths.resolve(java.nio.file.Path.of("out"), recording))
                .isEqualTo(java.nio.file.Path.of("out").toAbsolutePath().resolve(
                        RecordingPaths.relativePath(recording)));
    }
}
