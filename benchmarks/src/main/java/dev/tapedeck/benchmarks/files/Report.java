package dev.tapedeck.benchmarks.files;

import java.nio.file.Path;

/**
 * The files suite: {@link DownloadVsCurl} (2 GiB) then {@link ArchiveVsCurl} (800 × 256 KiB), each against curl in
 * the same run. Options: {@code --rounds N} (default 3), {@code --folder DIR} (default
 * {@code benchmarks/target/files-bench}, on the disk to measure), {@code --smoke} (one round of 64 MiB and of 40
 * recordings, for CI: it only must run), {@code download} or {@code archive} for one of the two.
 */
public final class Report {

    private Report() {
    }

    /** Runs the suite; see the class comment. */
    public static void main(String[] args) throws Exception {
        int rounds = 3;
        boolean smoke = false;
        boolean download = true;
        boolean archive = true;
        Path folder = Path.of("benchmarks/target/files-bench");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--rounds" -> rounds = Integer.parseInt(args[++i]);
                case "--folder" -> folder = Path.of(args[++i]);
                case "--smoke" -> smoke = true;
                case "download" -> archive = false;
                case "archive" -> download = false;
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + "; use --rounds N, --folder DIR, --smoke, download or archive");
            }
        }
        if (download) {
            DownloadVsCurl.run(smoke ? 64L << 20 : 2L << 30, smoke ? 1 : rounds, folder);
        }
        if (archive) {
            ArchiveVsCurl.run(smoke ? 40 : 800, 256 * 1024, smoke ? 1 : rounds, folder);
        }
    }
}
