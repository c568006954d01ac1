package dev.tapedeck.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tapedeck.MediaRequest;
import dev.tapedeck.MediaStream;
import feign.Request;
import feign.Response;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A media answer carries the validators a later range request needs. */
class MediaStreamsTest {

    private static Response response(Map<String, Collection<String>> headers) {
        return response(headers, new byte[] {1, 2, 3});
    }

    private static Response response(Map<String, Collection<String>> headers, byte[] body) {
        Request request = Request.create(Request.HttpMethod.GET, "https://media.example/r.mp4", Map.of(), null,
                StandardCharsets.UTF_8, null);
        return Response.builder().status(200).request(request).headers(headers).body(body).build();
    }

    @Test
    void aGzipEncodedAnswerHasNoLengthOrValidatorOfItsEncodedBytes() throws Exception {
        byte[] decoded = "[{\"type\":2},{\"type\":3}]".getBytes(StandardCharsets.UTF_8);

        // Feign's client has decoded the body already; the headers still describe the encoded bytes.
        MediaStream stream = MediaStreams.from("p", response(Map.of("Content-Encoding", List.of("gzip"),
                "Content-Length", List.of("17"), "ETag", List.of("\"v1\"")), decoded), 0).get();

        // Before, the encoded length was taken for the media's: "the body ran on after 17 bytes".
        assertThat(stream.body().readAllBytes()).isEqualTo(decoded);
        assertThat(stream.length()).isEmpty();
        assertThat(stream.validator()).as("a range of the decoded media cannot be asked for").isEmpty();
    }

    @Test
    void anEncodingThatIsNotDecodedIsRefusedInOneLine() {
        assertThat(MediaStreams.from("p", response(Map.of("Content-Encoding", List.of("br"))), 0).getLeft()
                .message()).contains("encoded as 'br'", "nothing was kept");
        // Feign's client decodes only "gzip" spelled so: anything else arrives still encoded.
        assertThat(MediaStreams.from("p", response(Map.of("Content-Encoding", List.of("GZIP"))), 0).getLeft()
                .message()).contains("encoded as 'GZIP'");
    }

    @Test
    void theStrongEtagIsTheValidator() throws Exception {
        try (MediaStream stream = MediaStreams.from("p", response(Map.of("ETag", List.of("\"v1\""),
                "Last-Modified", List.of("Wed, 31 Dec 2025 23:00:00 GMT"))), 0).get()) {
            assertThat(stream.lastModified()).contains("Wed, 31 Dec 2025 23:00:00 GMT");
            assertThat(stream.validator()).contains("\"v1\"");
        }
    }

    @Test
    void withAWeakEtagOrNoneLastModifiedIsTheValidator() throws Exception {
        try (MediaStream weak = MediaStreams.from("p", response(Map.of("ETag", List.of("W/\"v1\""),
                "Last-Modified", List.of("Wed, 31 Dec 2025 23:00:00 GMT"))), 0).get();
                MediaStream none = MediaStreams.from("p", response(Map.of()), 0).get()) {
            assertThat(weak.validator()).contains("Wed, 31 Dec 2025 23:00:00 GMT");
            assertThat(none.validator()).isEmpty();
        }
    }

    @Test
    void aProviderMediaEndpointIsAskedForARangeOnlyFromAnOffset() {
        assertThat(HttpKit.rangeHeaders(MediaRequest.whole())).isEmpty();
        assertThat(HttpKit.rangeHeaders(MediaRequest.from(512, Optional.of("\"v1\""))))
                .containsExactly(Map.entry("Range", "bytes=512-"), Map.entry("If-Range", "\"v1\""));
        assertThat(HttpKit.rangeHeaders(MediaRequest.from(512, Optional.empty())))
                .containsExactly(Map.entry("Range", "bytes=512-"));
    }
}
