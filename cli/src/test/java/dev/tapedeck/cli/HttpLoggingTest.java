package dev.tapedeck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tapedeck.sandbox.Sandbox;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --log-http} in a child JVM, as a user runs the command: its stderr shows the wire log, redacted, and
 * without the option it shows nothing but what the command itself says.
 */
class HttpLoggingTest {

    @TempDir
    Path dir;

    /** Runs {@code tapedeck args} in a child JVM against {@code sandbox}; returns its stderr. */
    private String stderrOf(Sandbox sandbox, String... args) throws Exception {
        Path out = dir.resolve("out.txt");
        Path err = dir.resolve("err.txt");
        Process child = ChildCli.start(sandbox, Main.class, List.of("-Xmx128m"), out, err, args);
        assertThat(child.waitFor(2, TimeUnit.MINUTES)).as("the child ended").isTrue();
        assertThat(child.exitValue()).as(Files.readString(err)).isZero();
        return Files.readString(err);
    }

    @Test
    void requestsPrintsALinePerRequestAndAnswerAndHeadersAddsThemMaskedAndWithoutTheOptionStderrStaysEmpty()
            throws Exception {
        try (Sandbox sandbox = Sandbox.start()) {
            String key = sandbox.clientSettings("anchor").apiKey();
            String url = sandbox.clientSettings("anchor").baseUrl() + "/v1/sessions/sess_0002/recordings";

            assertThat(stderrOf(sandbox, "--provider", "anchor", "recordings", "sess_0002")).isEmpty();

            String requests = stderrOf(sandbox, "--provider", "anchor", "--log-http", "requests", "recordings",
                    "sess_0002");
            assertThat(requests).contains("--> anchor GET " + url + " (recordings, attempt 1)")
                    .containsPattern("<-- anchor 200 GET " + url.replace("?", "\\?")
                            + " \\(recordings, attempt 1, \\d+ ms, \\d+ bytes\\)")
                    .doesNotContain("anchor-api-key");

            String headers = stderrOf(sandbox, "--provider", "anchor", "recordings", "sess_0002",
                    "--log-http=headers");
            assertThat(headers).contains("--> anchor anchor-api-key: ****").doesNotContain(key);
        }
    }
}
