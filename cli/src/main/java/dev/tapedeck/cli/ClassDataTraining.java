package dev.tapedeck.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;

/**
 * The training run of the launchers' class-data archive: runs the quick commands in one process, output discarded,
 * so that a JVM started with {@code -XX:DumpLoadedClassList} lists what they need, whichever command a user happens
 * to run first; the launchers then dump exactly those classes into a static archive ({@code -Xshare:dump}). Jackson
 * (JSON output and the providers' HTTP), the sandbox and the archive are left out on purpose: they make the archive
 * several times larger, and every run pays for the size of the archive it maps (see docs/performance.md,
 * "Start-up"). Exits 0 whatever the commands did: a launcher without an archive still runs, only slower.
 */
public final class ClassDataTraining {

    /** What is trained: the help of every command, the version and the provider table. */
    static final List<List<String>> COMMANDS = List.of(
            List.of("--help"),
            List.of("--version"),
            List.of("--sandbox", "providers"));

    private ClassDataTraining() {
    }

    /** Runs the training commands; the environment is empty, so no plug-in folder and no key is read. */
    public static void main(String[] args) {
        PrintStream discard = new PrintStream(PrintStream.nullOutputStream());
        CliEnvironment env = CliEnvironment.of(Map.of());
        for (List<String> command : COMMANDS) {
            Main.run(command.toArray(String[]::new), discard, discard, env);
        }
        System.exit(0);
    }
}
