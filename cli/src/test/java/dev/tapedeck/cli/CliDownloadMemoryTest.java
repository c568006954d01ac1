package dev.tapedeck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tapedeck.sandbox.Origin;
import dev.tapedeck.sandbox.anchor.AnchorApi;
import dev.tapedeck.sandbox.anchor.AnchorEmulator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tapedeck.sandbox.Sandbox;
import dev.tapedeck.sandbox.SandboxOptions;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tapedeck download} of the sandbox's large generated recording in a child JVM limited to 64 MiB of heap:
 * a download that buffered the body would die of OutOfMemoryError. The size is {@code -Dtapedeck.memcheck.cli.bytes}
 * (default 2 GiB); the child's peak heap is printed for the record. The sandbox runs in this JVM, so the child's heap
 * holds only the client side: CLI, provider, HTTP kit and downloader.
 */
class CliDownloadMemoryTest {

    private static final long DEFAULT_BYTES = 2L << 30;

    @Test
    void downloadsTwoGibibytesWithA64MibHeap(@TempDir Path dir) throws Exception {
        long size = Long.getLong("tapedeck.memcheck.cli.bytes", DEFAULT_BYTES);
        Path out = dir.resolve("out");
        Path log = dir.resolve("child.log");
        try (Sandbox sandbox = Sandbox.start(SandboxOptions.builder()
                .setting("anchor", AnchorEmulator.LARGE_RECORDING_BYTES, String.valueOf(size)).build())) {
            String session = sandbox.emulation("anchor", AnchorApi.class).seed().withLargeRecording().id();
            Process process = ChildCli.start(sandbox, CliDownloadMemoryProbe.class, List.of("-Xmx64m"), log, log,
                    "--provider", "anchor", "--json", "download", session, "--out", out.toString());

            // A safety net against a hung child, not a timing assertion: only the outcome is checked.
            boolean finished = process.waitFor(15, TimeUnit.MINUTES);
            if (!finished) {
                process.destroyForcibly().waitFor();
            }
            String output = Files.readString(log, StandardCharsets.UTF_8);
            System.out.println("[memcheck-cli] " + output.strip().replace("\n", "\n[memcheck-cli] "));

            assertThat(finished).as("child finished; output:%n%s", output).isTrue();
            assertThat(process.exitValue()).as("child exit code; output:%n%s", output).isZero();
            JsonNode entry = new ObjectMapper().readTree(output.lines().filter(line -> line.startsWith("{"))
                    .findFirst().orElseThrow(() -> new AssertionError("no JSON line in:\n" + output)));
            assertThat(entry.get("status").asText()).isEqualTo("downloaded");
            assertThat(entry.get("sizeBytes").asLong()).isEqualTo(size);
            Path file = out.resolve(entry.get("path").asText());
            assertThat(Files.size(file)).isEqualTo(size);
            assertThat(output).contains("exit=0 peakHeapBytes=");
            assertThat(sandbox.counters().credentialHeadersSeen(dev.tapedeck.sandbox.Origin.MEDIA)).isZero();
            Files.delete(file);
        }
    }
}
