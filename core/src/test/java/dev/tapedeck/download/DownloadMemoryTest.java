package dev.tapedeck.download;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Downloads a large body in a child JVM limited to 64 MiB of heap, so a download that buffered the body would
 * die of OutOfMemoryError. The size is {@code -Dtapedeck.memcheck.bytes} (default 256 MiB); the child's peak heap
 * use is printed for the record.
 */
class DownloadMemoryTest {

    @Test
    void downloadsFarMoreThanTheHeapInConstantMemory(@TempDir Path folder) throws Exception {
        long size = Long.getLong("tapedeck.memcheck.bytes", DownloadMemoryProbe.DEFAULT_BYTES);
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx64m", "-Dtapedeck.memcheck.bytes=" + size, "-cp", System.getProperty("java.class.path"),
                DownloadMemoryProbe.class.getName(), folder.toString())
                .redirectErrorStream(true).start();
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int exit = child.waitFor();
        System.out.println("[memcheck] " + output.strip().replace("\n", "\n[memcheck] "));

        assertThat(exit).as(output).isZero();
        assertThat(output).contains("status=downloaded size=" + size + " ").contains("peakHeapBytes=");
    }
}
