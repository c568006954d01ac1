package dev.tapedeck.benchmarks.files;

import dev.tapedeck.cli.Main;
import dev.tapedeck.sandbox.Sandbox;
import dev.tapedeck.sandbox.SandboxOptions;
import dev.tapedeck.sandbox.anchor.AnchorApi;
import dev.tapedeck.sandbox.anchor.AnchorEmulator;
import dev.tapedeck.sandbox.spi.ClientSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code tapedeck download} of one large recording (2 GiB unless {@code -Dbytes=N}) in a child JVM with
 * {@code -Xmx64m}, SHA-256 on as always, against {@code curl -o F && sync} and {@code curl -o F} fetching the same
 * bytes from the same sandbox media host in the same run, round by round ({@code -Drounds=N}, default 3). Prints
 * each round's times and ratios and the medians. The folder is {@code args[0]} (default {@code target/files-bench}),
 * on the disk to be measured; every file is deleted after its round.
 */
public final class DownloadVsCurl {

    private DownloadVsCurl() {
    }

    /** Runs the benchmark; see the class comment. */
    public static void main(String[] args) throws Exception {
        run(Long.getLong("bytes", 2L << 30), Integer.getInteger("rounds", 3),
                Path.of(args.length > 0 ? args[0] : "target/files-bench"));
    }

    /** Downloads {@code bytes} in each of {@code rounds} rounds into {@code folder}, printing the figures. */
    static void run(long bytes, int rounds, Path dir) throws Exception {
        Path folder = dir.toAbsolutePath();
        Files.createDirectories(folder);
        Path log = folder.resolve("child.log");
        try (Sandbox sandbox = Sandbox.start(SandboxOptions.builder()
                .setting("anchor", AnchorEmulator.LARGE_RECORDING_BYTES, String.valueOf(bytes)).build())) {
            String session = sandbox.emulation("anchor", AnchorApi.class).seed().withLargeRecording().id();
            ClientSettings anchor = sandbox.clientSettings("anchor");
            Map<String, String> env = Map.of("ANCHOR_BASE_URL", anchor.baseUrl().toString(), "ANCHOR_API_KEY",
                    anchor.apiKey());
            String url = sandbox.generatedMediaUrl(bytes).toString();
            Path out = folder.resolve("tapedeck-download");
            Path curlFile = folder.resolve("curl.mp4");
            List<String> tapedeck = ChildRun.java(List.of("-Xmx64m"), Main.class.getName(),
                    List.of("--provider", "anchor", "download", session, "--out", out.toString()));
            System.out.printf("download of %d bytes, %d rounds, folder %s%n", bytes, rounds, folder);
            System.out.printf("%-6s %12s %14s %12s %16s %12s%n", "round", "tapedeck s", "curl+sync s", "curl s",
                    "÷ curl+sync", "÷ curl");
            List<Double> vsSync = new ArrayList<>();
            List<Double> vsCurl = new ArrayList<>();
            for (int round = 1; round <= rounds; round++) {
                ChildRun.deleteTree(out);
                ChildRun.shell("sync", log);
                double ours = ChildRun.seconds(tapedeck, env, log);
                long size = Files.size(out.resolve("anchor").resolve(session).resolve(onlyFile(out, session)));
                if (size != bytes) {
                    throw new IllegalStateException("tapedeck wrote " + size + " bytes, expected " + bytes);
                }
                ChildRun.deleteTree(out);
                ChildRun.shell("sync", log);
                double curlSync = ChildRun.shell("curl -sS --fail -o '" + curlFile + "' '" + url + "' && sync", log);
                Files.delete(curlFile);
                ChildRun.shell("sync", log);
                double curl = ChildRun.shell("curl -sS --fail -o '" + curlFile + "' '" + url + "'", log);
                Files.delete(curlFile);
                // Ratios are throughput ratios: the floor's time over ours, so 1.0 is as fast as the floor.
                vsSync.add(curlSync / ours);
                vsCurl.add(curl / ours);
                System.out.printf("%-6d %12.2f %14.2f %12.2f %16.2f %12.2f%n", round, ours, curlSync, curl,
                        curlSync / ours, curl / ours);
            }
            System.out.printf("median throughput ratio: %.2f of curl -o && sync, %.2f of curl -o%n",
                    ChildRun.median(vsSync), ChildRun.median(vsCurl));
        }
    }

    private static String onlyFile(Path out, String session) throws java.io.IOException {
        try (var files = Files.list(out.resolve("anchor").resolve(session))) {
            return files.map(p -> p.getFileName().toString()).filter(name -> !name.startsWith("."))
                    .findFirst().orElseThrow(() -> new IllegalStateException("tapedeck wrote no file"));
        }
    }
}
