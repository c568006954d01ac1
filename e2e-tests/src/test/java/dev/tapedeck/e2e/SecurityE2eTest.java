package dev.tapedeck.e2e;

import static dev.tapedeck.e2e.E2e.left;
import static dev.tapedeck.e2e.E2e.right;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tapedeck.junit.SandboxClients;
import dev.tapedeck.junit.TapedeckSandbox;
import dev.tapedeck.sandbox.Origin;
import dev.tapedeck.sandbox.kataven.KatavenApi;
import dev.tapedeck.sandbox.kataven.KatavenBehaviour;
import dev.tapedeck.sandbox.notte.NotteApi;
import dev.tapedeck.Connection;
import dev.tapedeck.download.DownloadListener;
import dev.tapedeck.download.DownloadStatus;
import dev.tapedeck.model.Recording;
import dev.tapedeck.model.SessionId;
import dev.tapedeck.model.SessionQuery;
import dev.tapedeck.model.TapedeckError;
import dev.tapedeck.model.TapedeckException;
import io.vavr.control.Either;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Credentials reach only the provider's API, and never an error. */
@TapedeckSandbox(clockStart = E2e.START_TEXT, settings = E2e.SMALL_LARGE_RECORDING, threads = 4)
class SecurityE2eTest {

    /** A wrong key that looks real, so a leak of it would be found by the assertions. */
    private static final String WRONG_KEY = "sk-e2e-wrong-key-7f3a9c1e5b";

    @TempDir
    Path temp;

    private final SandboxClients e2e;

    SecurityE2eTest(SandboxClients e2e) {
        this.e2e = e2e;
    }

    @Test
    void mediaDownloadsFromEveryProviderCarryNoCredentials() {
        Connection anchor = e2e.connect("anchor");
        Connection notte = e2e.connect("notte");
        Connection kataven = e2e.connect("kataven");
        List<Recording> recordings = List.of(
                right(anchor.recordings().primaryRecording(SessionId.of("sess_0001"))),
                right(notte.recordings().primaryRecording(
                        SessionId.of(e2e.sandbox().emulation("notte", NotteApi.class).seed().closedWithMp4().id()))),
                right(notte.recordings().primaryRecording(SessionId.of(e2e.sandbox().emulation("notte", NotteApi.class).seed().hlsOnly().id()))),
                right(kataven.recordings().primaryRecording(
                        SessionId.of(e2e.sandbox().emulation("kataven", KatavenApi.class).seed().call(KatavenBehaviour.READY).id()))));
        List<Connection> through = List.of(anchor, notte, notte, kataven);

        for (int i = 0; i < recordings.size(); i++) {
            assertThat(right(E2e.downloader(e2e, through.get(i)).download(recordings.get(i), temp.resolve("r" + i),
                    DownloadListener.NONE)).status()).isEqualTo(DownloadStatus.DOWNLOADED);
        }

        // MP4 (anchor), MP4 (notte), three HLS segments (notte), MP3 (kataven).
        assertThat(e2e.sandbox().counters().requests(Origin.MEDIA)).isEqualTo(6);
        assertThat(e2e.sandbox().counters().credentialHeadersSeen("media")).isZero();
        // The counting works: every API request did carry its credentials.
        assertThat(e2e.sandbox().counters().credentialHeadersSeen("api"))
                .isEqualTo(e2e.sandbox().counters().requests("api")).isPositive();
    }

    @ParameterizedTest
    @ValueSource(strings = {"anchor", "notte", "kataven"})
    void aWrongKeyIsUnauthorizedAndNeverShown(String provider) {
        Connection connection = e2e.connect(provider, e2e.config(provider).apiKey(WRONG_KEY).build());

        TapedeckError error = left(anyCall(provider, connection));

        assertThat(error).isInstanceOf(TapedeckError.Unauthorized.class);
        assertThat(error.provider()).isEqualTo(provider);
        TapedeckException thrown = new TapedeckException(error);
        for (String shown : List.of(error.message(), error.toString(), thrown.getMessage(), thrown.toString())) {
            assertThat(shown).doesNotContain(WRONG_KEY).doesNotContain(e2e.sandbox().clientSettings(provider).apiKey());
        }
        assertThat(e2e.sandbox().counters().requests(provider)).isEqualTo(1);
    }

    private Either<TapedeckError, ?> anyCall(String provider, Connection connection) {
        switch (provider) {
            case "anchor":
                return connection.history().sessions(SessionQuery.builder().limit(1).build());
            case "notte":
                return connection.recordings().primaryRecording(
                        SessionId.of(e2e.sandbox().emulation("notte", NotteApi.class).seed().closedWithMp4().id()));
            default:
                return connection.recordings().primaryRecording(
                        SessionId.of(e2e.sandbox().emulation("kataven", KatavenApi.class).seed().call(KatavenBehaviour.READY).id()));
        }
    }
}
