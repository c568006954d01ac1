package dev.tapedeck.provider.anchor;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.tapedeck.Connection;
import dev.tapedeck.model.SessionId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SessionIdPathTest {

    @RegisterExtension
    static WireMockExtension api = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private Connection connection;

    @BeforeEach
    void connect() {
        connection = TestSupport.connect(api.baseUrl(), new TestSupport.RecordingSleeper());
        api.stubFor(any(anyUrl()).willReturn(okJson("{\"data\":{\"count\":0,\"items\":[],\"status\":\"ok\"}}")));
    }

    @AfterEach
    void close() {
        connection.close();
    }

    private String onlyUrl() {
        assertThat(api.getAllServeEvents()).hasSize(1);
        return api.getAllServeEvents().get(0).getRequest().getUrl();
    }

    @ParameterizedTest(name = "session id [{0}] travels as segment [{1}]")
    @CsvSource(delimiter = '|', value = {
            "a/b|a%2Fb",
            "../admin|..%2Fadmin",
            "a/../../v2|a%2F..%2F..%2Fv2",
            "my session|my%20session",
            "sess-ü-日本|sess-%C3%BC-%E6%97%A5%E6%9C%AC",
            "50%2Fx|50%252Fx",
            "q?x=1#frag|q%3Fx%3D1%23frag",
            "a;b,c+d|a%3Bb%2Cc%2Bd",
            "...|%2E%2E%2E"})
    void aSessionIdIsAlwaysOneEncodedPathSegment(String id, String segment) {
        connection.recordings().recordings(SessionId.of(id)).get();

        assertThat(onlyUrl()).isEqualTo("/v1/sessions/" + segment + "/recordings");
    }

    @Test
    void pauseEncodesTheSessionIdTheSameWay() {
        connection.recordings().pause(SessionId.of("a/b c")).get();

        assertThat(onlyUrl()).isEqualTo("/v1/sessions/a%2Fb%20c/recordings/pause");
    }

    @ParameterizedTest(name = "session id [{0}] travels as segment [{1}]")
    @CsvSource(delimiter = '|', value = {".|%2E", "..|%2E%2E", "' '|%20", "'tab\there'|tab%09here"})
    void dotSegmentsBlanksAndControlCharactersAreIdsThatTravelEncoded(String id, String segment) {
        // Before, these ids were refused, so sessions a provider listed under them vanished.
        connection.recordings().recordings(SessionId.of(id)).get();

        assertThat(onlyUrl()).isEqualTo("/v1/sessions/" + segment + "/recordings");
    }

    @ParameterizedTest(name = "session id [{0}] is refused before any request")
    @ValueSource(strings = {"", "half\uD800"})
    void onlyIdsThatCannotTravelAreRefused(String id) {
        assertThatThrownBy(() -> SessionId.of(id)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("invalid session id");
        assertThat(api.getAllServeEvents()).isEmpty();
    }
}
