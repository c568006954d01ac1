package dev.tapedeck.kit.fakes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Requests pass through unchanged; the repeating reply answers each path with its first answer for good. */
class ForwardingRepliesTest {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    private static HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
        return CLIENT.send(HttpRequest.newBuilder(uri).header("Authorization", "Bearer k-1").build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static URI origin(ScriptedServer server) {
        return server.uri("");
    }

    @Test
    void aForwardedRequestArrivesAsSentAndItsAnswerComesBack() throws Exception {
        try (ScriptedServer upstream = new ScriptedServer(ScriptedServer.json(201, "{\"page\":1}", "X-Request-Id: r1"));
             ScriptedServer proxy = new ScriptedServer(ForwardingReplies.forwardingTo(origin(upstream)))) {
            HttpResponse<String> answer = get(proxy.uri("/v1/sessions/a%2Fb%20c?cursor=x%3Dy"));

            assertThat(answer.statusCode()).isEqualTo(201);
            assertThat(answer.body()).isEqualTo("{\"page\":1}");
            assertThat(answer.headers().firstValue("x-request-id")).contains("r1");
            ScriptedServer.Request arrived = upstream.received().get(0);
            assertThat(arrived.target()).isEqualTo("/v1/sessions/a%2Fb%20c?cursor=x%3Dy");
            assertThat(arrived.header("authorization")).contains("Bearer k-1");
        }
    }

    @Test
    void everyLaterRequestOfAPathGetsItsFirstAnswer() throws Exception {
        try (ScriptedServer upstream = new ScriptedServer(ScriptedServer.json(200, "{\"page\":1}"),
                ScriptedServer.json(200, "{\"page\":2}"), ScriptedServer.json(200, "{\"other\":true}"));
             ScriptedServer proxy = new ScriptedServer(ForwardingReplies.repeatingFirstAnswerPerPath(
                     origin(upstream)))) {
            List<String> pages = List.of(get(proxy.uri("/v1/sessions?page=1")).body(),
                    get(proxy.uri("/v1/sessions?page=2")).body(), get(proxy.uri("/v1/sessions?page=3")).body());
            String other = get(proxy.uri("/v1/other")).body();

            assertThat(pages).containsOnly("{\"page\":1}");
            assertThat(other).isEqualTo("{\"page\":2}");
            assertThat(upstream.requestLines()).containsExactly("GET /v1/sessions?page=1 HTTP/1.1",
                    "GET /v1/other HTTP/1.1");
        }
    }
}
