package dev.tapedeck.cli;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A child process of a test (a launcher script, {@code tar}, a JVM), its output in files under a scratch folder and
 * no standard input; it gets 5 minutes, the machine being loaded, before it counts as hung. Used by the launchers'
 * tests here and in the distribution module.
 *
 * @param builder what was started
 * @param process the process
 * @param out     the file its standard output goes to
 * @param err     the file its standard error goes to
 */
public record ChildProcess(ProcessBuilder builder, Process process, Path out, Path err) {

    /** Starts {@code builder} with exactly {@code env} (or the test's own environment when empty). */
    public static ChildProcess start(ProcessBuilder builder, Map<String, String> env, Path scratch)
            throws IOException {
        if (!env.isEmpty()) {
            builder.environment().clear();
            builder.environment().putAll(env);
        }
        builder.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        Path out = Files.createTempFile(scratch, "out", ".txt");
        Path err = Files.createTempFile(scratch, "err", ".txt");
        Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        return new ChildProcess(builder, process, out, err);
    }

    /** Starts {@code builder} as {@link #start} does and waits for it. */
    public static Result run(ProcessBuilder builder, Map<String, String> env, Path scratch) throws Exception {
        return start(builder, env, scratch).finish();
    }

    /** Waits for the process to end, killing it after 5 minutes. */
    public Result finish() throws Exception {
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly().waitFor();
            throw new AssertionError("still running after 5 minutes: " + builder.command());
        }
        return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    /**
     * How a child process ended.
     *
     * @param code its exit code
     * @param out  its standard output
     * @param err  its standard error
     */
    public record Result(int code, String out, String err) {
    }
}
