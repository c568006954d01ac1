package dev.tapedeck.benchmarks.calls;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The official AnchorBrowser TypeScript SDK, run by Node.js from a folder that {@code benchmarks/run --sdk} fills
 * ({@code node_modules/anchorbrowser} and {@code anchor-sdk.cjs}), doing the same work as {@link CallsBenchmark}'s
 * Tapedeck methods against its own {@link StaticServer}: warm (warm-ups, then measured iterations in one process)
 * or fresh (one call or one history per new process, several processes, the median).
 */
final class OfficialSdk {

    private final Path folder;

    private OfficialSdk(Path folder) {
        this.folder = folder;
    }

    /** The SDK in {@code folder}; fails with what to run when it is not there. */
    static OfficialSdk in(Path folder) {
        if (!Files.isDirectory(folder.resolve("node_modules/anchorbrowser"))
                || !Files.isRegularFile(folder.resolve("anchor-sdk.cjs"))) {
            throw new IllegalArgumentException("no AnchorBrowser SDK in " + folder
                    + "; run benchmarks/run calls --sdk, which installs it there with npm");
        }
        return new OfficialSdk(folder);
    }

    /**
     * One figure for {@code work} ("list" or "history") against a new server of {@code pages} pages: calls per
     * second for the warm list, milliseconds otherwise.
     */
    double measure(String work, boolean fresh, boolean smoke, int pages, int forks)
            throws IOException, InterruptedException {
        try (StaticServer server = StaticServer.start(pages)) {
            if (!fresh) {
                boolean list = work.equals("list");
                return run(server, work, "warm", smoke ? "1" : list ? "3" : "2", smoke ? "1" : list ? "5" : "3",
                        smoke ? "0.2" : "2");
            }
            double[] times = new double[forks];
            for (int fork = 0; fork < forks; fork++) {
                times[fork] = run(server, work, "fresh");
            }
            Arrays.sort(times);
            return times[forks / 2];
        }
    }

    private double run(StaticServer server, String work, String mode, String... iterations)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("node", folder.resolve("anchor-sdk.cjs").toString(),
                folder.toString(), server.baseUrl().toString(), StaticServer.API_KEY, work, mode));
        command.addAll(List.of(iterations));
        Path output = Files.createTempFile("anchor-sdk", ".out");
        Process node = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT)
                .redirectOutput(output.toFile()).start();
        try {
            boolean ended = node.waitFor(10, TimeUnit.MINUTES);
            String out = Files.readString(output, StandardCharsets.UTF_8).trim();
            if (!ended || node.exitValue() != 0) {
                throw new IllegalStateException("the SDK's " + work + " " + mode + " run "
                        + (ended ? "exited " + node.exitValue() : "took over 10 minutes") + ": " + out);
            }
            return Double.parseDouble(out);
        } finally {
            node.destroyForcibly();
            Files.deleteIfExists(output);
        }
    }
}
