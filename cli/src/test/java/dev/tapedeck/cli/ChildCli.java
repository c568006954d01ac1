package dev.tapedeck.cli;

import dev.tapedeck.sandbox.Sandbox;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs the {@code tapedeck} command in a child JVM on this test's class path, with an environment that points every
 * emulated provider at a sandbox running in the test's JVM (so the sandbox outlives a killed child and its counters
 * can be read), writing stdout and stderr to files.
 */
public final class ChildCli {

    private ChildCli() {
    }

    /**
     * Starts {@code mainClass} (the CLI's {@link Main} or a probe around it) with {@code jvmOptions} and
     * {@code args}; stdout goes to {@code out}, stderr to {@code err} (the same file takes both, in order).
     */
    public static Process start(Sandbox sandbox, Class<?> mainClass, List<String> jvmOptions, Path out, Path err,
            String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(mainClass.getName());
        command.addAll(List.of(args));
        ProcessBuilder child = new ProcessBuilder(command).redirectOutput(out.toFile());
        if (out.equals(err)) {
            child.redirectErrorStream(true);
        } else {
            child.redirectError(err.toFile());
        }
        Map<String, String> env = child.environment();
        env.keySet().removeIf(name -> name.endsWith("_API_KEY") || name.endsWith("_BASE_URL"));
        env.putAll(CliHarness.variables(sandbox));
        return child.start();
    }
}
