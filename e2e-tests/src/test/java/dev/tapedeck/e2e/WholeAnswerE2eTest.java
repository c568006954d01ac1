package dev.tapedeck.e2e;

import static dev.tapedeck.e2e.E2e.left;
import static dev.tapedeck.e2e.E2e.right;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tapedeck.junit.SandboxClients;
import dev.tapedeck.junit.TapedeckSandbox;
import dev.tapedeck.Connection;
import dev.tapedeck.download.DownloadListener;
import dev.tapedeck.download.DownloadResult;
import dev.tapedeck.download.DownloadStatus;
import dev.tapedeck.model.Recording;
import dev.tapedeck.model.SessionId;
import dev.tapedeck.model.SessionQuery;
import dev.tapedeck.model.TapedeckError;
import dev.tapedeck.sandbox.kataven.KatavenApi;
import dev.tapedeck.sandbox.kataven.KatavenBehaviour;
import dev.tapedeck.sandbox.notte.NotteApi;
import dev.tapedeck.sandbox.Origin;
import dev.tapedeck.spi.Timeouts;
import io.vavr.control.Either;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Through the public API against the sandbox's faults: an API answer that breaks after its headers is retried for
 * every provider, a body that keeps trickling in stops at the overall deadline, media hosts' 429 and 5xx are waited
 * out, and a whole but malformed answer is one clear error without retries.
 */
@TapedeckSandbox(clockStart = E2e.START_TEXT, settings = E2e.SMALL_LARGE_RECORDING, threads = 4, pausesOnTheClock = true)
class WholeAnswerE2eTest {

    @TempDir
    Path temp;

    private final SandboxClients e2e;

    WholeAnswerE2eTest(SandboxClients e2e) {
        this.e2e = e2e;
    }

    /** One API call of {@code provider} that reads a JSON answer. */
    private Function<Connection, Either<TapedeckError, ?>> call(String provider) {
        switch (provider) {
            case "anchor":
                return connection -> connection.history().sessions(SessionQuery.builder().limit(3).build())
                        .map(sessions -> sessions.count());
            case "notte":
                return connection -> connection.recordings().primaryRecording(
                        SessionId.of(
                        e2e.sandbox().emulation("notte", NotteApi.class).seed().closedWithMp4().id()));
            default:
                return connection -> connection.recordings().primaryRecording(
                        SessionId.of(
                        e2e.sandbox().emulation("kataven", KatavenApi.class).seed().call(KatavenBehaviour.READY).id()));
        }
    }

    /** The API requests {@code provider}'s call takes with no fault, measured on a first run. */
    private long requestsOfOneCall(String provider, Connection connection) {
        long before = e2e.sandbox().counters().requests(provider);
        right(call(provider).apply(connection));
        return e2e.sandbox().counters().requests(provider) - before;
    }

    @ParameterizedTest(name = "{0}, {1}")
    @CsvSource({"anchor, clean close", "notte, clean close", "kataven, clean close",
            "anchor, reset", "notte, reset", "kataven, reset"})
    void anApiAnswerCutShortAfterItsHeadersIsRetried(String provider, String how) {
        Connection connection = e2e.connect(provider);
        long plain = requestsOfOneCall(provider, connection);
        if (how.equals("reset")) {
            e2e.sandbox().faults().resetAfterNext(Origin.API, 1, 20);
        } else {
            e2e.sandbox().faults().truncateNext(Origin.API, 1, 20);
        }
        long before = e2e.sandbox().counters().requests(provider);

        right(call(provider).apply(connection));

        assertThat(e2e.sandbox().counters().requests(provider) - before).isEqualTo(plain + 1);
    }

    @Test
    void anAnswerThatKeepsBreakingEndsAsOneTransportErrorAfterThreeTries() {
        Connection anchor = e2e.connect("anchor");
        e2e.sandbox().faults().truncateNext(Origin.API, 3, 20);

        TapedeckError error = left(call("anchor").apply(anchor));

        assertThat(error).isInstanceOf(TapedeckError.Transport.class);
        assertThat(error.message()).contains("cut short").doesNotContain("may have changed").doesNotContain("\n");
        assertThat(e2e.sandbox().counters().requests("anchor")).isEqualTo(3);
    }

    @Test
    void aBodySentAByteEveryTwoSecondsStopsAtTheOverallTimeout() {
        Connection anchor = e2e.connect("anchor", e2e.config("anchor")
                .timeouts(new Timeouts(Duration.ofSeconds(10), Duration.ofSeconds(60), Optional.of(Duration.ofSeconds(30))))
                .build());
        e2e.sandbox().faults().dribbleNext(Origin.API, 1, 1, Duration.ofSeconds(2));

        TapedeckError error = left(call("anchor").apply(anchor));

        assertThat(error).isInstanceOf(TapedeckError.Transport.class);
        assertThat(error.message()).contains("took longer than the overall timeout of 30 s");
        assertThat(e2e.sandbox().counters().requests("anchor")).isEqualTo(1);
        assertThat(e2e.sleeper().sleeps()).isEmpty();
    }

    @Test
    void aWholeButMalformedAnswerIsOneProviderErrorWithoutRetries() {
        Connection anchor = e2e.connect("anchor");
        e2e.sandbox().faults().malformedJsonNext(Origin.API, 1);

        TapedeckError error = left(call("anchor").apply(anchor));

        assertThat(error).isInstanceOf(TapedeckError.ProviderFailure.class);
        assertThat(error.message()).contains("could not be read");
        assertThat(e2e.sandbox().counters().requests("anchor")).isEqualTo(1);
    }

    private DownloadResult downloadAnchorsPrimary() {
        Connection anchor = e2e.connect("anchor");
        Recording recording = right(anchor.recordings().primaryRecording(SessionId.of("sess_0001")));
        return right(E2e.downloader(e2e, anchor).download(recording, temp, DownloadListener.NONE));
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void aMediaHostsTooManyRequestsIsWaitedOutWithRetryAfterInSecondsOrAsADate(boolean asHttpDate) throws Exception {
        e2e.sandbox().faults().retryAfterNext(Origin.MEDIA, 1, 429, Duration.ofSeconds(2), asHttpDate);

        DownloadResult result = downloadAnchorsPrimary();

        assertThat(result.status()).isEqualTo(DownloadStatus.DOWNLOADED);
        assertThat(Files.size(result.path())).isEqualTo(result.sizeBytes());
        assertThat(e2e.sleeper().sleeps()).containsExactly(Duration.ofSeconds(2));
        assertThat(e2e.sandbox().counters().requests(Origin.MEDIA)).isEqualTo(2);
    }

    @Test
    void aBurstOfMedia503sIsRetriedThrough() {
        e2e.sandbox().faults().failNext(Origin.MEDIA, 2, 503);

        DownloadResult result = downloadAnchorsPrimary();

        assertThat(result.status()).isEqualTo(DownloadStatus.DOWNLOADED);
        assertThat(e2e.sandbox().counters().requests(Origin.MEDIA)).isEqualTo(3);
        assertThat(e2e.sleeper().sleeps()).containsExactly(Duration.ofMillis(500), Duration.ofSeconds(1));
    }
}
