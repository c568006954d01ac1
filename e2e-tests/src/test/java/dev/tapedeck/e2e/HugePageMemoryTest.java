package dev.tapedeck.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A 200 MB page of JSON, declared or chunked, listed through {@code Tapedeck.connect} in a child JVM: it ends in one
 * clear error naming the API body limit, never an OutOfMemoryError, with 256 MiB of heap and with only 32 MiB, which
 * an answer held whole could never fit in. The sum of the peaks of the child's heap pools (an overestimate of its
 * peak heap) is printed for the record.
 */
class HugePageMemoryTest {

    @ParameterizedTest(name = "{0} page, -Xmx{1}")
    @CsvSource({"chunked, 256m", "sized, 256m", "chunked, 32m"})
    void aHugePageEndsInOneClearErrorWithinASmallHeap(String framing, String heap, @TempDir Path dir) throws Exception {
        Path output = dir.resolve("child.log");
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + heap, "-cp", System.getProperty("java.class.path"), HugePageProbe.class.getName(), framing)
                .redirectErrorStream(true).redirectOutput(output.toFile()).start();

        // A safety net against a hung child, not a timing assertion: only the outcome is checked.
        boolean finished = child.waitFor(5, TimeUnit.MINUTES);
        if (!finished) {
            child.destroyForcibly().waitFor();
        }
        String log = Files.readString(output, StandardCharsets.UTF_8);
        System.out.println("[hugepage " + framing + " -Xmx" + heap + "] " + log.strip().replace("\n", " | "));

        assertThat(finished).as("child finished; output:%n%s", log).isTrue();
        assertThat(child.exitValue()).as("child exit code; output:%n%s", log).isZero();
        assertThat(log).containsOnlyOnce("error=").contains("error=ProviderFailure: anchor: the answer to GET /v1/sessions")
                .contains("more than the 8 MiB Tapedeck reads of one API answer").contains("heapPoolPeaksMiB=")
                .doesNotContain("OutOfMemoryError");
    }
}
