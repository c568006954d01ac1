package dev.tapedeck.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tapedeck.kit.fakes.RecordingSleeper;
import dev.tapedeck.kit.fakes.ScriptedServer;
import dev.tapedeck.model.TapedeckError;
import dev.tapedeck.spi.ProviderConfig;
import dev.tapedeck.spi.Timeouts;
import io.vavr.control.Either;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A try of an API call covers the whole answer: a body reset or cut short after its headers is retried like a
 * connection failure, and one that stalls times out on the read-idle timeout and is retried too (the overall
 * deadline while a body trickles in is checked end to end, on the sandbox's clock). Real sockets on loopback;
 * exact request counts (the JDK never resends after a status line).
 */
class WholeAnswerTest {

    private static final String BODY = "{\"id\":\"s1\",\"status\":\"completed\",\"tags\":[\"a\",\"b\",\"c\"]}";

    private final RecordingSleeper sleeper = new RecordingSleeper();

    private Either<TapedeckError, Map<String, Object>> session(ScriptedServer server, ProviderConfig config) {
        HttpKit kit = TestKits.kit(server.uri("").toString(), config).build();
        return kit.call(() -> kit.api(TestKits.Api.class).session("s1"));
    }

    private Either<TapedeckError, Map<String, Object>> session(ScriptedServer server) {
        return session(server, TestKits.config(sleeper, Optional.of(Duration.ofMinutes(5))));
    }

    @ParameterizedTest(name = "reset: {0}")
    @ValueSource(booleans = {false, true})
    void aBodyCutShortByACleanCloseOrAResetAfterTheHeadersIsRetriedAndTheCallSucceeds(boolean reset)
            throws Exception {
        ScriptedServer.Reply broken = reset ? ScriptedServer.resetAfter(BODY, 10) : ScriptedServer.cutShort(BODY, 10);
        try (ScriptedServer server = new ScriptedServer(broken, ScriptedServer.json(200, BODY))) {

            Either<TapedeckError, Map<String, Object>> result = session(server);

            assertThat(result.get()).containsEntry("id", "s1");
            assertThat(server.requests()).isEqualTo(2);
            assertThat(sleeper.sleeps()).containsExactly(Duration.ofMillis(437).plusNanos(500_000));
        }
    }

    @Test
    void aBodyThatKeepsBreakingEndsAsATransportErrorAfterExactlyThreeTriesNamingTheRequestId() throws Exception {
        try (ScriptedServer server = new ScriptedServer(ScriptedServer.cutShort(BODY, 10, "X-Request-Id: req_7Hq2"))) {

            TapedeckError error = session(server).getLeft();

            assertThat(error).isInstanceOf(TapedeckError.Transport.class);
            assertThat(error.message()).contains("cut short").contains("after 10 of " + BODY.length() + " bytes")
                    .contains("(request id req_7Hq2)").doesNotContain("may have changed");
            assertThat(server.requests()).isEqualTo(3);
            assertThat(sleeper.sleeps()).hasSize(2);
        }
    }

    @Test
    void aBodyWithoutALengthThatEndsInTheMiddleOfItsJsonIsRetried() throws Exception {
        try (ScriptedServer server = new ScriptedServer(ScriptedServer.closeDelimited(BODY, 20),
                ScriptedServer.closeDelimited(BODY, BODY.length()))) {

            Either<TapedeckError, Map<String, Object>> result = session(server);

            assertThat(result.get()).containsEntry("status", "completed");
            assertThat(server.requests()).isEqualTo(2);
        }
    }

    @Test
    void malformedJsonThatArrivedWholeIsTheProvidersErrorAndIsNotRetried() throws Exception {
        try (ScriptedServer server = new ScriptedServer(ScriptedServer.json(200, "{\"id\": s1}"))) {

            TapedeckError error = session(server).getLeft();

            assertThat(error).isInstanceOf(TapedeckError.ProviderFailure.class);
            assertThat(error.message()).contains("could not be read");
            assertThat(server.requests()).isEqualTo(1);
        }
    }

    @Test
    void aPostWhoseAnswerIsResetAfterTheHeadersIsNeverSentAgain() throws Exception {
        try (ScriptedServer server = new ScriptedServer(ScriptedServer.resetAfter(BODY, 10),
                ScriptedServer.json(200, BODY))) {
            HttpKit kit = TestKits.kit(server.uri("").toString(), sleeper).build();

            TapedeckError error = kit.call(() -> kit.api(TestKits.Api.class).create(Map.of("a", 1))).getLeft();

            assertThat(error).isInstanceOf(TapedeckError.Transport.class);
            assertThat(server.requests()).isEqualTo(1);
            assertThat(sleeper.sleeps()).isEmpty();
        }
    }

    @Test
    void aBodyThatStallsAfterTheHeadersTimesOutOnTheReadIdleTimeoutAndIsRetried() throws Exception {
        byte[] body = BODY.getBytes(StandardCharsets.UTF_8);
        ScriptedServer[] holder = new ScriptedServer[1];
        ScriptedServer.Reply stall = (request, socket, out) -> {
            out.write(ScriptedServer.head(200, "application/json", body.length));
            out.write(body, 0, 5);
            out.flush();
            holder[0].awaitStop();
        };
        try (ScriptedServer server = new ScriptedServer(stall, ScriptedServer.json(200, BODY))) {
            holder[0] = server;
            ProviderConfig config = TestKits.configBuilder(sleeper, Optional.of(Duration.ofMinutes(5)))
                    .timeouts(new Timeouts(Duration.ofSeconds(2), Duration.ofMillis(200), Optional.of(Duration.ofMinutes(5))))
                    .build();
            Either<TapedeckError, Map<String, Object>> result;
            try {
                result = session(server, config);
            } finally {
                server.release();
            }

            assertThat(result.get()).containsEntry("id", "s1");
            assertThat(server.requests()).isEqualTo(2);
        }
    }
}
