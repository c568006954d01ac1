package dev.tapedeck.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.tapedeck.kit.fakes.RecordingSleeper;
import dev.tapedeck.model.TapedeckError;
import feign.Headers;
import feign.Param;
import feign.RequestLine;
import io.vavr.control.Either;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Calls resolved once ({@link ResolvedCalls}) send what Feign sends and fail as Feign fails: each resolvable method
 * has a twin that Feign resolves itself (its parameter is an {@code Object}, which is never resolved once), and both
 * go to the same real server.
 */
class ResolvedCallsTest {

    @RegisterExtension
    static WireMockExtension api = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    /** Each pair: resolved once, then resolved by Feign on every call. */
    interface Twins {
        @RequestLine("GET /v1/sessions/{session_id}/recordings")
        @Headers("Accept: application/json")
        Map<String, Object> resolved(@Param("session_id") String session);

        @RequestLine("GET /v1/sessions/{session_id}/recordings")
        @Headers("Accept: application/json")
        Map<String, Object> feign(@Param("session_id") Object session);

        @RequestLine("GET /v1/{kind}/x/{id}/{kind}")
        Map<String, Object> twoResolved(@Param("id") String id, @Param("kind") String kind);

        @RequestLine("GET /v1/{kind}/x/{id}/{kind}")
        Map<String, Object> twoFeign(@Param("id") Object id, @Param("kind") String kind);
    }

    private final RecordingSleeper sleeper = new RecordingSleeper();

    private HttpKit kit(String base) {
        return TestKits.kit(base, sleeper).header("User-Agent", "tapedeck-test").header("X-Fixed", "one").build();
    }

    @ParameterizedTest(name = "base URL suffix [{0}]")
    @ValueSource(strings = {"", "/", "/api", "/api/", "/api//"})
    void sendsTheSameRequestLineAndHeadersAsFeign(String suffix) {
        api.stubFor(any(anyUrl()).willReturn(aResponse().withHeader("Content-Type", "application/json")
                .withBody("{\"ok\":true}")));
        HttpKit kit = kit(api.baseUrl() + suffix);
        Twins twins = kit.api(Twins.class);
        assertThat(((ResolvedCalls.Handler) Proxy.getInvocationHandler(twins)).resolvedNames())
                .containsExactlyInAnyOrder("resolved", "twoResolved");
        List<String> ids = List.of("sess_0001", "a/../b c?d#eü", "..", ".", "50%2Fx", "日本-€-😀", "a;b,c+d=e&f",
                "Tapedeck0Resolved0Argument00");

        for (String id : ids) {
            assertThat(kit.call(() -> twins.resolved(id)).get()).containsEntry("ok", true);
            assertThat(kit.call(() -> twins.feign(id)).get()).containsEntry("ok", true);
            assertThat(kit.call(() -> twins.twoResolved(id, "k/" + id)).get()).containsEntry("ok", true);
            assertThat(kit.call(() -> twins.twoFeign(id, "k/" + id)).get()).containsEntry("ok", true);
        }

        // newest first
        List<LoggedRequest> sent = new ArrayList<>(api.getAllServeEvents().stream().map(e -> e.getRequest()).toList());
        Collections.reverse(sent);
        assertThat(sent).hasSize(ids.size() * 4);
        for (int i = 0; i < sent.size(); i += 2) {
            LoggedRequest resolved = sent.get(i);
            LoggedRequest feign = sent.get(i + 1);
            assertThat(resolved.getMethod()).isEqualTo(feign.getMethod());
            assertThat(resolved.getUrl()).isEqualTo(feign.getUrl());
            assertThat(headers(resolved)).isEqualTo(headers(feign)).containsKeys("anchor-api-key", "X-Fixed",
                    "User-Agent");
        }
        assertThat(sent.get(0).getUrl()).endsWith("/v1/sessions/sess_0001/recordings");
    }

    @Test
    void failsAsFeignFails() {
        HttpKit kit = kit(api.baseUrl());
        Twins twins = kit.api(Twins.class);
        Map<String, Function<String, Supplier<Map<String, Object>>>> both = Map.of(
                "resolved", id -> () -> twins.resolved(id), "feign", id -> () -> twins.feign(id));

        api.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(404).withHeader("Content-Type",
                "application/json").withBody("{\"error\":{\"message\":\"no such session\"}}")));
        assertSameFailure(kit, both, TapedeckError.NotFound.class);

        api.stubFor(any(anyUrl()).willReturn(aResponse().withHeader("Content-Type", "application/json")
                .withBody("<html>not json</html>")));
        assertSameFailure(kit, both, TapedeckError.ProviderFailure.class);

        api.stubFor(any(anyUrl()).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        assertSameFailure(kit, both, TapedeckError.Transport.class);
    }

    @Test
    void aNullArgumentAndObjectMethodsGoToFeign() {
        api.stubFor(any(anyUrl()).willReturn(aResponse().withHeader("Content-Type", "application/json")
                .withBody("{}")));
        HttpKit kit = kit(api.baseUrl());
        Twins twins = kit.api(Twins.class);

        Either<TapedeckError, Map<String, Object>> resolved = kit.call(() -> twins.resolved(null));
        Either<TapedeckError, Map<String, Object>> feign = kit.call(() -> twins.feign(null));

        assertThat(resolved.isRight()).isEqualTo(feign.isRight());
        List<LoggedRequest> sent = api.getAllServeEvents().stream().map(e -> e.getRequest()).toList();
        assertThat(sent).hasSize(2);
        assertThat(sent.get(0).getUrl()).isEqualTo(sent.get(1).getUrl());
        assertThat(twins).isEqualTo(twins).hasSameHashCodeAs(twins).isNotEqualTo(kit.api(TestKits.Api.class));
        assertThat(twins.toString()).contains(Twins.class.getSimpleName());
    }

    private void assertSameFailure(HttpKit kit, Map<String, Function<String, Supplier<Map<String, Object>>>> both,
            Class<? extends TapedeckError> expected) {
        TapedeckError resolved = kit.call(both.get("resolved").apply("sess_1")).getLeft();
        TapedeckError feign = kit.call(both.get("feign").apply("sess_1")).getLeft();
        assertThat(resolved).isInstanceOf(expected);
        assertThat(resolved).isEqualTo(feign);
        assertThat(resolved.message()).doesNotContain(TestKits.KEY);
    }

    private static Map<String, List<String>> headers(LoggedRequest request) {
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (HttpHeader header : request.getHeaders().all()) {
            headers.put(header.key(), header.values());
        }
        return headers;
    }
}
