package dev.tapedeck.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tapedeck.kit.fakes.RecordingSleeper;
import com.github.tomakehurst.wiremock.core.Options;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.tapedeck.model.TapedeckError;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** No API answer is read past the configured limit, whether its length is declared, chunked or compressed. */
class ApiBodyLimitTest {

    @RegisterExtension
    static WireMockExtension sized = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()
            .useChunkedTransferEncoding(Options.ChunkedEncodingPolicy.NEVER)).build();

    @RegisterExtension
    static WireMockExtension chunked = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()
            .useChunkedTransferEncoding(Options.ChunkedEncodingPolicy.ALWAYS)).build();

    private final RecordingSleeper sleeper = new RecordingSleeper();

    private HttpKit kit(String baseUrl, long limit) {
        return TestKits.kit(baseUrl, TestKits.configBuilder(sleeper, Optional.of(Duration.ofMinutes(5)))
                .apiBodyLimit(limit).build()).build();
    }

    /** A JSON object of exactly {@code size} bytes. */
    private static String jsonOf(int size) {
        String head = "{\"id\":\"s1\",\"pad\":\"";
        return head + "x".repeat(size - head.length() - 2) + "\"}";
    }

    private static TapedeckError tooLarge(WireMockExtension server, HttpKit kit) {
        TapedeckError error = kit.call(() -> kit.api(TestKits.Api.class).session("s1")).getLeft();
        server.verify(1, getRequestedFor(urlPathEqualTo("/v1/sessions/s1")));
        return error;
    }

    @Test
    void anAnswerDeclaringMoreThanTheDefaultEightMibFailsAtOnceNamingTheLimit() {
        sized.stubFor(get(urlPathEqualTo("/v1/sessions/s1")).willReturn(aResponse()
                .withHeader("Content-Type", "application/json").withBody(jsonOf((8 << 20) + 1))));
        HttpKit kit = TestKits.kit(sized.baseUrl(), sleeper).build();

        TapedeckError error = tooLarge(sized, kit);

        assertThat(error).isInstanceOfSatisfying(TapedeckError.ProviderFailure.class, failure -> {
            assertThat(failure.retryable()).isFalse();
            assertThat(failure.message()).isEqualTo("anchor: the answer to GET /v1/sessions/s1 declares 8388609 bytes,"
                    + " more than the 8 MiB Tapedeck reads of one API answer; ask for smaller pages, or raise the limit"
                    + " (ProviderConfig apiBodyLimit) if the provider really sends that much");
        });
        assertThat(sleeper.sleeps()).isEmpty();
    }

    @Test
    void aChunkedAnswerIsCutOffOnceItPassesTheLimit() {
        chunked.stubFor(get(urlPathEqualTo("/v1/sessions/s1")).willReturn(aResponse()
                .withHeader("Content-Type", "application/json").withBody(jsonOf(64 * 1024))));

        TapedeckError error = tooLarge(chunked, kit(chunked.baseUrl(), 16 * 1024));

        assertThat(error.message()).contains("goes on past that, more than the 16 KiB Tapedeck reads");
    }

    @Test
    void anAnswerOfExactlyTheLimitIsRead() {
        sized.stubFor(get(urlPathEqualTo("/v1/sessions/s1")).willReturn(aResponse()
                .withHeader("Content-Type", "application/json").withBody(jsonOf(4096))));
        chunked.stubFor(get(urlPathEqualTo("/v1/sessions/s1")).willReturn(aResponse()
                .withHeader("Content-Type", "application/json").withBody(jsonOf(4096))));

        for (WireMockExtension server : new WireMockExtension[] {sized, chunked}) {
            HttpKit kit = kit(server.baseUrl(), 4096);
            Map<String, Object> session = kit.call(() -> kit.api(TestKits.Api.class).session("s1")).get();
            assertThat(session).containsEntry("id", "s1");
        }
    }

    @Test
    void aCompressedAnswerIsMeasuredAfterDecompressingSoASmallBombCannotPass() throws IOException {
        java.io.ByteArrayOutputStream zipped = new java.io.ByteArrayOutputStream();
        try (OutputStream gzip = new GZIPOutputStream(zipped)) {
            new ByteArrayInputStream(jsonOf(1 << 20).getBytes(StandardCharsets.UTF_8)).transferTo(gzip);
        }
        sized.stubFor(get(urlPathEqualTo("/v1/sessions/s1")).willReturn(aResponse()
                .withHeader("Content-Type", "application/json").withHeader("Content-Encoding", "gzip")
                .withBody(zipped.toByteArray())));

        TapedeckError error = tooLarge(sized, kit(sized.baseUrl(), 64 * 1024));

        assertThat(zipped.size()).isLessThan(64 * 1024);
        assertThat(error.message()).contains("goes on past that, more than the 64 KiB");
    }
}
