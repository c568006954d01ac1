package dev.tapedeck.benchmarks.files;

import dev.tapedeck.cli.Main;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code tapedeck archive} of 800 recordings of 256 KiB ({@code -Dsessions=N}, {@code -DrecordingBytes=N}), one per
 * session, from an {@link AnchorShapedServer} on loopback, in child JVMs with {@code --parallel} 1, 4, 8 and 16 and the
 * default, against curl fetching the same requests (the history pages, each session's recording list and each
 * recording) from the same server: one curl process with {@code --parallel --parallel-max 4}, and one fetching them
 * one after another on a reused connection, and the parallel one followed by {@code sync} (Tapedeck syncs every file
 * it keeps). Round by round ({@code -Drounds=N}, default 3); prints each round and the
 * medians. The folder is {@code args[0]} (default {@code target/files-bench}); every output is deleted after its run.
 */
public final class ArchiveVsCurl {

    private static final int PAGE = 50;

    private ArchiveVsCurl() {
    }

    /** Runs the benchmark; see the class comment. */
    public static void main(String[] args) throws Exception {
        run(Integer.getInteger("sessions", 800), Integer.getInteger("recordingBytes", 256 * 1024),
                Integer.getInteger("rounds", 3), Path.of(args.length > 0 ? args[0] : "target/files-bench"));
    }

    /** Archives {@code sessions} recordings of {@code recordingBytes} in each of {@code rounds} rounds. */
    static void run(int sessions, int recordingBytes, int rounds, Path dir) throws Exception {
        Path folder = dir.toAbsolutePath();
        Files.createDirectories(folder);
        Path log = folder.resolve("child.log");
        try (AnchorShapedServer server = new AnchorShapedServer(sessions, recordingBytes)) {
            Map<String, String> env = Map.of("ANCHOR_BASE_URL", server.baseUrl(), "ANCHOR_API_KEY",
                    AnchorShapedServer.API_KEY);
            Path out = folder.resolve("tapedeck-archive");
            Path curlOut = folder.resolve("curl-archive");
            Path config = curlConfig(server, folder, curlOut);
            Map<String, String> runs = new LinkedHashMap<>();
            runs.put("tapedeck --parallel 1", "1");
            runs.put("tapedeck --parallel 4", "4");
            runs.put("tapedeck --parallel 8", "8");
            runs.put("tapedeck --parallel 16", "16");
            runs.put("tapedeck (default)", "");
            runs.put("curl --parallel-max 4", "curl --parallel --parallel-max 4 -sS --fail -K '" + config + "'");
            runs.put("curl sequential", "curl -sS --fail -K '" + config + "'");
            // Tapedeck syncs each file before its manifest line vouches for it; curl alone syncs nothing.
            runs.put("curl --parallel-max 4 && sync", "curl --parallel --parallel-max 4 -sS --fail -K '" + config
                    + "' && sync");
            Map<String, List<Double>> times = new LinkedHashMap<>();
            runs.keySet().forEach(name -> times.put(name, new ArrayList<>()));
            System.out.printf("archive of %d recordings of %d bytes, %d rounds, folder %s%n", sessions,
                    recordingBytes, rounds, folder);
            for (int round = 1; round <= rounds; round++) {
                StringBuilder line = new StringBuilder("round " + round + ":");
                for (Map.Entry<String, String> run : runs.entrySet()) {
                    ChildRun.deleteTree(out);
                    ChildRun.deleteTree(curlOut);
                    Files.createDirectories(curlOut);
                    ChildRun.shell("sync", log);
                    double seconds;
                    if (run.getKey().startsWith("curl")) {
                        seconds = ChildRun.shell(run.getValue(), log);
                    } else {
                        List<String> args2 = new ArrayList<>(List.of("--provider", "anchor", "archive", "--out",
                                out.toString()));
                        if (!run.getValue().isEmpty()) {
                            args2.addAll(List.of("--parallel", run.getValue()));
                        }
                        seconds = ChildRun.seconds(ChildRun.java(List.of(), Main.class.getName(), args2), env, log);
                        long lines = Files.readAllLines(out.resolve("manifest.jsonl"), StandardCharsets.UTF_8)
                                .stream().filter(l -> l.contains("\"status\":\"downloaded\"")).count();
                        if (lines != sessions) {
                            throw new IllegalStateException(run.getKey() + " downloaded " + lines + " of " + sessions);
                        }
                    }
                    times.get(run.getKey()).add(seconds);
                    line.append(String.format("  %s %.2f s", run.getKey(), seconds));
                }
                System.out.println(line);
            }
            ChildRun.deleteTree(out);
            ChildRun.deleteTree(curlOut);
            Map<String, Double> medians = new LinkedHashMap<>();
            times.forEach((name, values) -> medians.put(name, ChildRun.median(values)));
            medians.forEach((name, median) -> System.out.printf("median %-30s %7.2f s%n", name, median));
            double curl = Math.min(medians.get("curl --parallel-max 4"), medians.get("curl sequential"));
            System.out.printf("tapedeck --parallel 4 ÷ the faster curl: %.2f× its time%n",
                    medians.get("tapedeck --parallel 4") / curl);
            System.out.printf("tapedeck (default) ÷ the faster curl: %.2f× its time%n",
                    medians.get("tapedeck (default)") / curl);
            System.out.printf("tapedeck --parallel 4 ÷ curl --parallel-max 4 && sync: %.2f× its time%n",
                    medians.get("tapedeck --parallel 4") / medians.get("curl --parallel-max 4 && sync"));
            System.out.printf("--parallel 4 is %.2f× faster than --parallel 1; --parallel 16 is %.2f×%n",
                    medians.get("tapedeck --parallel 1") / medians.get("tapedeck --parallel 4"),
                    medians.get("tapedeck --parallel 1") / medians.get("tapedeck --parallel 16"));
        }
    }

    /** A curl config that fetches what an archive fetches: the history pages, each recording list, each file. */
    private static Path curlConfig(AnchorShapedServer server, Path folder, Path out) throws java.io.IOException {
        StringBuilder config = new StringBuilder("header = \"anchor-api-key: " + AnchorShapedServer.API_KEY + "\"\n");
        int pages = (server.sessionIds().size() + PAGE - 1) / PAGE;
        for (int page = 1; page <= pages; page++) {
            config.append("url = \"").append(server.baseUrl()).append(server.historyPath(page, PAGE))
                    .append("\"\noutput = \"").append(out.resolve("page-" + page + ".json")).append("\"\n");
        }
        for (String id : server.sessionIds()) {
            config.append("url = \"").append(server.baseUrl()).append("/v1/sessions/").append(id)
                    .append("/recordings\"\noutput = \"").append(out.resolve(id + ".json")).append("\"\n");
            config.append("url = \"").append(server.baseUrl()).append(AnchorShapedServer.primaryPath(id))
                    .append("\"\noutput = \"").append(out.resolve(id + ".mp4")).append("\"\n");
        }
        Path file = folder.resolve("curl.config");
        Files.writeString(file, config, StandardCharsets.UTF_8);
        return file;
    }
}
