package dev.tapedeck.provider.anchor;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.tapedeck.Connection;
import dev.tapedeck.kit.fakes.RecordingSleeper;
import dev.tapedeck.model.SessionId;
import dev.tapedeck.model.SessionQuery;
import dev.tapedeck.model.TapedeckError;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class AnchorErrorsTest {

    @RegisterExtension
    static WireMockExtension api = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private static final String LIST = "/v1/sessions/sess_abc/recordings";

    private final RecordingSleeper sleeper = new RecordingSleeper();
    private Connection connection;

    @BeforeEach
    void connect() {
        connection = TestSupport.connect(api.baseUrl(), sleeper);
    }

    @AfterEach
    void close() {
        connection.close();
    }

    private void answer(String path, int status, String body) {
        api.stubFor(get(urlPathEqualTo(path)).willReturn(aResponse().withStatus(status)
                .withHeader("Content-Type", "application/json").withBody(body)));
    }

    private TapedeckError listError() {
        return connection.recordings().recordings(SessionId.of("sess_abc")).getLeft();
    }

    @Test
    void badRequestIsInvalidRequestWithTheProvidersMessage() {
        answer("/v1/sessions", 400, "{\"error\":{\"code\":400,\"message\":\"Unsupported sort_by: colour\"}}");

        TapedeckError error = connection.history().fetchPage(SessionQuery.all(), Optional.empty()).getLeft();

        assertThat(error).isInstanceOf(TapedeckError.InvalidRequest.class);
        assertThat(error.message()).contains("Unsupported sort_by: colour");
        api.verify(1, getRequestedFor(urlPathEqualTo("/v1/sessions")));
    }

    @Test
    void notFoundFromTheDoublyWrappedErrorSaysWhatToCheck() {
        answer(LIST, 404, "{\"error\":{\"error\":{\"code\":404,\"message\":\"Session recordings not found\"}}}");

        TapedeckError error = listError();

        assertThat(error).isInstanceOf(TapedeckError.NotFound.class);
        assertThat(error.message()).contains("Session recordings not found").contains("check the session id");
    }
}
