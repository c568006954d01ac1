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
        Request request = Request.create(Request.HttpMethod.GET, "https://media.example/r.mp4", Map.of(), null,
                StandardCharsets.UTF_8, null);
        return Response.builder().status(200).request(request).headers(headers).body(new byte[] {1, 2, 3}).build();
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
