package dev.tapedeck.benchmarks.files;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One timed run of a child process (a {@code tapedeck} JVM, curl, sync): its wall time from start to exit, measured
 * here, and its output kept in a file. A run that exits non-zero fails the benchmark with the child's output, since a
 * failed run's time means nothing.
 */
final class ChildRun {

    private ChildRun() {
    }

    /** The {@code java} of this JVM with {@code jvmOptions}, this JVM's class path, {@code mainClass} and {@code args}. */
    static List<String> java(List<String> jvmOptions, String mainClass, List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(mainClass);
        command.addAll(args);
        return command;
    }

    /** Runs {@code command} with {@code env} added, output to {@code log}; its wall time in seconds. */
    static double seconds(List<String> command, Map<String, String> env, Path log) throws IOException,
            InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().keySet().removeIf(name -> name.endsWith("_API_KEY") || name.endsWith("_BASE_URL"));
        builder.environment().putAll(env);
        long start = System.nanoTime();
        Process process = builder.start();
        int exit = process.waitFor();
        double elapsed = (System.nanoTime() - start) / 1e9;
        if (exit != 0) {
            throw new IllegalStateException(String.join(" ", command.subList(0, Math.min(3, command.size())))
                    + "... exited " + exit + ", its output ends:\n" + tail(Files.readString(log, StandardCharsets.UTF_8)));
        }
        return elapsed;
    }

    private static String tail(String output) {
        return output.length() <= 2000 ? output : output.substring(output.length() - 2000);
    }

    /** Runs {@code shell} with {@code sh -c}; its wall time in seconds. */
    static double shell(String shell, Path log) throws IOException, InterruptedException {
        return seconds(List.of("sh", "-c", shell), Map.of(), log);
    }

    /** The median of {@code values} (the mean of the middle two for an even count). */
    static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(Double::compare);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    /** Deletes {@code folder} and everything below it, if it is there. */
    static void deleteTree(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (var walk = Files.walk(folder)) {
            for (Path path : (Iterable<Path>) walk.sorted(java.util.Comparator.reverseOrder())::iterator) {
                Files.delete(path);
            }
        }
    }
}
