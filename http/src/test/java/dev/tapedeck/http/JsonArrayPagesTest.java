package dev.tapedeck.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tapedeck.MediaStream;
import dev.tapedeck.http.json.Json;
import dev.tapedeck.model.TapedeckError;
import io.vavr.control.Either;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Pages of a JSON array stream as one array, elements as sent, and the cursor never loops. */
class JsonArrayPagesTest {

    private final List<String> asked = new ArrayList<>();

    private Either<TapedeckError, JsonArrayPages.Fetched> serve(Map<String, JsonArrayPages.Fetched> pages,
            Optional<String> cursor) {
        String at = cursor.orElse("first");
        asked.add(at);
        JsonArrayPages.Fetched page = pages.get(at);
        return page == null ? Either.left(new TapedeckError.Unauthorized("test", "test refused page " + at))
                : Either.right(page);
    }

    private static JsonArrayPages.Fetched page(String body, String next) {
        return new JsonArrayPages.Fetched(body, Optional.ofNullable(next));
    }

    private String read(Map<String, JsonArrayPages.Fetched> pages) throws IOException {
        try (MediaStream stream = new JsonArrayPages("test", cursor -> serve(pages, cursor)).open().get();
             InputStream body = stream.body()) {
            assertThat(stream.contentType()).contains("application/json");
            return new String(body.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    @Test
    void everyPageJoinsOneArrayWithItsElementsAsSent() throws IOException {
        String joined = read(Map.of(
                "first", page(" [{\"type\":4,\"n\":1.50},{\"type\":2}]\n", "c2"),
                "c2", page("[]", "c3")));

        assertThat(joined).isEqualTo("[{\"type\":4,\"n\":1.50},{\"type\":2}]");
        assertThat(asked).containsExactly("first", "c2");
    }

    @Test
    void threePagesMakeOneWellFormedArrayAndAFollowedCursorEndsIt() throws IOException {
        String joined = read(Map.of("first", page("[1,2]", "a"), "a", page("[3]", "b"), "b", page("[4]", "a")));

        JsonNode array = Json.mapper().readTree(joined);
        assertThat(array.isArray()).isTrue();
        assertThat(array).extracting(JsonNode::asInt).containsExactly(1, 2, 3, 4);
        assertThat(asked).containsExactly("first", "a", "b");
    }

    @Test
    void anEmptyFirstPageIsAnEmptyArray() throws IOException {
        assertThat(read(Map.of("first", page("[ ]", "next")))).isEqualTo("[]");
        assertThat(asked).containsExactly("first");
    }

    @Test
    void aRefusedOrMalformedFirstPageIsAnErrorAndALaterOneBreaksTheBody() throws IOException {
        assertThat(new JsonArrayPages("test", cursor -> serve(Map.of(), cursor)).open().getLeft())
                .isInstanceOf(TapedeckError.Unauthorized.class);
        assertThat(new JsonArrayPages("test", cursor -> serve(Map.of("first", page("<html>", null)), cursor)).open()
                .getLeft().message()).contains("test", "not a JSON array");

        MediaStream broken = new JsonArrayPages("test", cursor -> serve(Map.of("first", page("[1]", "gone")), cursor))
                .open().get();
        assertThatThrownBy(() -> broken.body().readAllBytes()).isInstanceOf(IOException.class)
                .hasMessageContaining("refused page gone");
    }
}
