package dev.tapedeck.download;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JsonSyntaxTest {

    private static Optional<String> check(String text, int pieceSize) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        JsonSyntax json = new JsonSyntax();
        for (int at = 0; at < bytes.length; at += pieceSize) {
            json.update(bytes, at, Math.min(pieceSize, bytes.length - at));
        }
        return json.finish();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "[]",
        "{}",
        "\uFEFF[{\"type\":4,\"data\":{\"href\":\"https://x.example/\",\"width\":1280},\"timestamp\":1767225600000}]",
        "[1, -0, 0.5, -12.25e+3, 1E-2, true, false, null, \"\\u00e9\\n\\\"\", [], {}, [[[]]]]",
        "{\"a\" : { \"b\" : [ 1 , 2 ] } }\r\n",
        "{\"type\":2}\n{\"type\":3}\n{\"type\":3}\n",
        "[\"日本\", \"\uD83C\uDFA5\"]"
    })
    void acceptsWellFormedRecordingsFedInAnyPieces(String text) {
        for (int piece : new int[] {1, 2, 3, 7, 64, 1 << 16}) {
            assertThat(check(text, piece)).as("pieces of %d", piece).isEmpty();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "",
        "   ",
        "\"error\"",
        "42",
        "null",
        "[1, 2",
        "{\"a\":1,}",
        "[1 2]",
        "{\"a\" 1}",
        "{a:1}",
        "[01]",
        "[1.]",
        "[-]",
        "[1e]",
        "[tru]",
        "[nul]",
        "[\"a\\x\"]",
        "[\"\\u12G4\"]",
        "[\"raw\ttab\"]",
        "[}",
        "{]",
        "[] x",
        "<!doctype html><html></html>"
    })
    void refusesWhatIsNotAWholeRecordingOfJson(String text) {
        assertThat(check(text, 3)).as(text).isPresent();
    }

    @Test
    void sayWhereItWentWrong() {
        assertThat(check("[1, 2 3]", 100)).contains("it is not well-formed JSON: a missing ',' between values at byte 6");
        assertThat(check("[1, 2", 100)).contains("the JSON ends in the middle of a value after 5 bytes");
    }

    @Test
    void nestingIsBoundedSoMemoryIsToo() {
        assertThat(check("[".repeat(JsonSyntax.MAX_DEPTH) + "]".repeat(JsonSyntax.MAX_DEPTH), 4096)).isEmpty();
        assertThat(check("[".repeat(JsonSyntax.MAX_DEPTH + 1), 4096)).get().asString()
                .contains("nesting deeper than 1024 levels");
    }

    @Test
    void agreesWithItselfOnSeededRandomDocumentsCutAnywhere() {
        Random random = new Random(20260309);
        for (int i = 0; i < 500; i++) {
            String document = "[" + value(random, 0) + "]";
            assertThat(check(document, 1 + random.nextInt(40))).as(document).isEmpty();
            int cut = random.nextInt(document.length());
            assertThat(check(document.substring(0, cut), 5)).as("cut at %d: %s", cut, document).isPresent();
        }
    }

    private static String value(Random random, int depth) {
        switch (depth > 4 ? random.nextInt(4) : random.nextInt(6)) {
            case 0:
                return Integer.toString(random.nextInt(2000) - 1000) + (random.nextBoolean() ? ".5e-3" : "");
            case 1:
                return "\"s\\\"" + random.nextInt(100) + "\\u00e9\"";
            case 2:
                return random.nextBoolean() ? "true" : "null";
            case 3:
                return "false";
            case 4:
                StringBuilder array = new StringBuilder("[");
                for (int i = random.nextInt(4); i > 0; i--) {
                    array.append(value(random, depth + 1)).append(i > 1 ? "," : "");
                }
                return array.append(']').toString();
            default:
                StringBuilder object = new StringBuilder("{");
                for (int i = random.nextInt(4); i > 0; i--) {
                    object.append("\"k").append(i).append("\":").append(value(random, depth + 1))
                            .append(i > 1 ? "," : "");
                }
                return object.append('}').toString();
        }
    }
}
