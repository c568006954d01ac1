package dev.tapedeck.kit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tapedeck.Connection;
import dev.tapedeck.kit.fakes.ScriptedServer;
import dev.tapedeck.model.Recording;
import dev.tapedeck.model.TapedeckError;
import dev.tapedeck.sandbox.Faults;
import dev.tapedeck.sandbox.Origin;
import io.vavr.control.Either;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What an HTTP status becomes: 401, 403 and 404 their errors at once, 429 and 5xx retried twice (0.5 s, then 1 s, or
 * exactly what Retry-After asks, in seconds or as an HTTP date) and then reported. The sandbox's faults make the
 * emulator answer each status in the provider's own error style on the listing of a session's recordings.
 */
public interface ErrorContract {

    /** The fixture of the running test. */
    ProviderFixture fixture();

    private Either<TapedeckError, List<Recording>> listRecordings(Connection connection) {
        return connection.recordings().recordings(fixture().sessionWithRecordings());
    }

    /** A connection to the emulator, whose next requests meet the faults {@code faults} switches on. */
    private Connection connectFacing(Consumer<Faults> faults) {
        Connection connection = fixture().connect();
        faults.accept(fixture().sandbox().faults());
        return connection;
    }

    @ParameterizedTest(name = "HTTP {0}")
    @CsvSource({"401, Unauthorized", "403, Forbidden", "404, NotFound"})
    default void aRefusalIsItsErrorAtOnceWithoutTheKey(int status, String kind) {
        ProviderFixture kit = fixture();
        Connection connection = connectFacing(faults -> faults.failNext(Origin.API, 1, status));

        TapedeckError error = listRecordings(connection).getLeft();

        assertThat(error.getClass().getSimpleName()).as("the error for %s: %s", status, error).isEqualTo(kind);
        assertThat(error.provider()).isEqualTo(kit.id());
        assertThat(error.message()).doesNotContain(kit.clientSettings().apiKey());
        // Never retried. A 404 may be followed by one look-up of the session itself, which some providers need to
        // tell an unknown session from a recording that is not there yet (Notte's replay, as its own SDK does).
        assertThat(kit.sandbox().counters().requests(Origin.API)).as("requests")
                .isBetween(1L, status == 404 ? 2L : 1L);
        assertThat(kit.sleeper().sleeps()).isEmpty();
    }

    @ParameterizedTest(name = "HTTP {0}")
    @ValueSource(ints = {500, 502})
    default void aServerErrorIsRetriedTwiceThenAProviderFailure(int status) {
        ProviderFixture kit = fixture();
        Connection connection = connectFacing(faults -> faults.failNext(Origin.API, 3, status));

        TapedeckError error = listRecordings(connection).getLeft();

        assertThat(error).isInstanceOfSatisfying(TapedeckError.ProviderFailure.class, failure -> {
            assertThat(failure.status()).isEqualTo(status);
            assertThat(failure.retryable()).isTrue();
        });
        assertThat(error.message()).doesNotContain(kit.clientSettings().apiKey());
        assertThat(kit.sandbox().counters().requests(Origin.API)).as("requests").isEqualTo(3);
        assertThat(kit.sleeper().sleeps()).containsExactly(Duration.ofMillis(500), Duration.ofSeconds(1));
    }

    @Test
    default void aServerErrorThenAnAnswerRecovers() {
        ProviderFixture kit = fixture();
        Connection connection = connectFacing(faults -> faults.failNext(Origin.API, 1, 503));

        assertThat(listRecordings(connection).get()).isNotEmpty();
        assertThat(kit.sleeper().sleeps()).containsExactly(Duration.ofMillis(500));
    }

    @Test
    default void rateLimitingToTheEndIsRateLimitedWithTheWait() {
        ProviderFixture kit = fixture();
        Connection connection = connectFacing(faults -> faults.rateLimitNext(3, 2));

        TapedeckError error = listRecordings(connection).getLeft();

        assertThat(error).isInstanceOfSatisfying(TapedeckError.RateLimited.class,
                limited -> assertThat(limited.retryAfter()).contains(Duration.ofSeconds(2)));
        assertThat(error.provider()).isEqualTo(kit.id());
        assertThat(kit.sandbox().counters().requests(Origin.API)).as("requests").isEqualTo(3);
        assertThat(kit.sleeper().sleeps()).containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(2));
    }

    @ParameterizedTest(name = "HTTP {0}, Retry-After as a date: {1}")
    @CsvSource({"429, false", "429, true", "503, false", "503, true"})
    default void retryAfterIsWaitedExactly(int status, boolean asHttpDate) {
        ProviderFixture kit = fixture();
        Connection connection = connectFacing(faults -> faults.retryAfterNext(Origin.API, 1, status,
                Duration.ofSeconds(7), asHttpDate));

        assertThat(listRecordings(connection).get()).isNotEmpty();
        assertThat(kit.sleeper().sleeps()).containsExactly(Duration.ofSeconds(7));
    }

    @Test
    default void aWaitLongerThanTheRetryCapFailsAtOnceWithTheWait() {
        ProviderFixture kit = fixture();
        Connection connection = connectFacing(faults -> faults.retryAfterNext(Origin.API, 1, 429,
                Duration.ofSeconds(300), false));

        TapedeckError error = listRecordings(connection).getLeft();

        assertThat(error).isInstanceOfSatisfying(TapedeckError.RateLimited.class,
                limited -> assertThat(limited.retryAfter()).contains(Duration.ofSeconds(300)));
        assertThat(kit.sandbox().counters().requests(Origin.API)).as("requests").isEqualTo(1);
        assertThat(kit.sleeper().sleeps()).isEmpty();
    }

    @Test
    default void aConnectionBrokenEveryTimeIsATransportErrorAfterTwoRetries() {
        ProviderFixture kit = fixture();
        // More resets than tries: an HTTP client may try a GET again by itself on a connection closed unanswered.
        Connection connection = connectFacing(faults -> faults.resetNext(Origin.API, 20));

        TapedeckError error = listRecordings(connection).getLeft();
        kit.sandbox().faults().clear();

        assertThat(error).isInstanceOf(TapedeckError.Transport.class);
        assertThat(error.provider()).isEqualTo(kit.id());
        assertThat(kit.sleeper().sleeps()).containsExactly(Duration.ofMillis(500), Duration.ofSeconds(1));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"malformed JSON", "an HTML page"})
    default void anUnreadableAnswerIsAnErrorNeverAnException(String answer) {
        ProviderFixture kit = fixture();
        Connection connection = connectFacing(faults -> {
            if (answer.equals("malformed JSON")) {
                faults.malformedJsonNext(Origin.API, 3);
            } else {
                faults.htmlPageNext(Origin.API, 3);
            }
        });

        TapedeckError error = listRecordings(connection).getLeft();

        assertThat(error).isInstanceOfAny(TapedeckError.ProviderFailure.class, TapedeckError.Transport.class);
        assertThat(error.provider()).isEqualTo(kit.id());
        assertThat(error.message()).isNotBlank().doesNotContain(kit.clientSettings().apiKey());
    }

    @Test
    default void anErrorBodyThatEchoesTheKeyNeverShowsIt() {
        ProviderFixture kit = fixture();
        String key = kit.clientSettings().apiKey();
        String said = "Invalid API key " + key;
        ScriptedServer server = kit.server(ScriptedServer.json(403, "{\"message\":\"" + said + "\",\"detail\":\""
                + said + "\",\"error\":{\"code\":403,\"message\":\"" + said + "\"}}"));
        Connection connection = kit.connect(kit.configAt(kit.baseUrlOn(server)).build());

        TapedeckError error = listRecordings(connection).getLeft();

        assertThat(error).isInstanceOf(TapedeckError.Forbidden.class);
        assertThat(error.message()).contains("Invalid API key").doesNotContain(key);
        assertThat(error.toString()).doesNotContain(key);
    }
}
