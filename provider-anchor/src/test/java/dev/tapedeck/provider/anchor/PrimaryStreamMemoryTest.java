package dev.tapedeck.provider.anchor;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The primary recording streams in constant memory: 1 GiB through a child JVM with a 64 MiB heap. */
class PrimaryStreamMemoryTest {

    @Test
    void aOneGibPrimaryRecordingStreamsThroughA64MibHeap(@TempDir Path dir) throws Exception {
        Path output = dir.resolve("child.log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-Xmx64m", "-cp", System.getProperty("java.class.path"),
                LargePrimaryStreamMain.class.getName())
                .redirectErrorStream(true).redirectOutput(output.toFile()).start();

        // A safety net against a hung child, not a timing assertion: only the outcome is checked.
        boolean finished = child.waitFor(10, TimeUnit.MINUTES);
        if (!finished) {
            child.destroyForcibly().waitFor();
        }
        String log = Files.readString(output, StandardCharsets.UTF_8);

        assertThat(finished).as("child finished; output:%n%s", log).isTrue();
        assertThat(child.exitValue()).as("child exit code; output:%n%s", log).isZero();
        assertThat(log).contains("bytes=" + LargePrimaryStreamMain.SIZE).contains("wrongBytes=0")
                .contains("length=" + LargePrimaryStreamMain.SIZE);
    }
}
