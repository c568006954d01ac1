package dev.tapedeck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@code tapedeck sandbox} as a script or a test harness starts it: a separate process whose standard input is empty.
 * It must keep serving until it is killed, not stop at the end of that input.
 */
class SandboxProcessTest {

    @Test
    void aSandboxWithNoStandardInputServesUntilKilled() throws Exception {
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName(), "sandbox")
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        try {
            Map<String, String> exports = new HashMap<>();
            BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8));
            for (String line = out.readLine(); line != null && !line.startsWith("# media host"); line = out.readLine()) {
                String[] pair = line.substring("export ".length()).split("=", 2);
                exports.put(pair[0], pair[1]);
            }
            assertThat(exports).containsKeys("ANCHOR_BASE_URL", "ANCHOR_API_KEY", "NOTTE_BASE_URL",
                    "KATAVEN_BASE_URL", "KATAVEN_ACCOUNT_ID");

            // The whole input was read by now; a sandbox that stopped at its end would refuse this connection.
            HttpResponse<String> sessions = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create(exports.get("ANCHOR_BASE_URL") + "/v1/sessions?page=1&limit=10"))
                    .header("anchor-api-key", exports.get("ANCHOR_API_KEY")).build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(sessions.statusCode()).as(sessions.body()).isEqualTo(200);
            assertThat(sessions.body()).contains("\"sessions\"");
            assertThat(process.isAlive()).isTrue();
        } finally {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }
}
