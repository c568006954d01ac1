package dev.tapedeck.provider.notte;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.tapedeck.Connection;
import dev.tapedeck.model.Recording;
import dev.tapedeck.model.SessionId;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A session id reaches Notte as exactly one path segment, whatever characters it holds. */
class SessionIdPathTest {

    @RegisterExtension
    static WireMockExtension api = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private Connection connection;

    @BeforeEach
    void connect() {
        connection = new NotteProviderFactory().connect(TestSupport.config(api.baseUrl(),
                new TestSupport.RecordingSleeper()).build()).get();
        api.stubFor(any(anyUrl()).willReturn(okJson("{\"mp4_url\": \"https://cdn.example/r.mp4\"}")));
    }

    @AfterEach
    void close() {
        connection.close();
    }

    @ParameterizedTest(name = "session id [{0}] travels as segment [{1}]")
    @CsvSource(delimiter = '|', value = {
            "50%2Fx|50%252Fx",
            "a/b|a%2Fb",
            "a/../../v2|a%2F..%2F..%2Fv2",
            "../admin|..%2Fadmin",
            "my session|my%20session",
            "sess-ü-日本|sess-%C3%BC-%E6%97%A5%E6%9C%AC",
            "q?x=1#frag|q%3Fx%3D1%23frag",
            "...|%2E%2E%2E"})
    void aSessionIdIsAlwaysOneEncodedPathSegment(String id, String segment) {
        Recording replay = connection.recordings().primaryRecording(SessionId.of(id)).get();

        assertThat(replay.sessionId().value()).isEqualTo(id);
        assertThat(api.getAllServeEvents()).singleElement().satisfies(event -> {
            String url = event.getRequest().getUrl();
            assertThat(url).isEqualTo("/sessions/" + segment + "/replay");
            String[] parts = url.split("/", -1);
            assertThat(parts).hasSize(4);
            assertThat(URLDecoder.decode(parts[2], StandardCharsets.UTF_8)).isEqualTo(id);
        });
    }
}
