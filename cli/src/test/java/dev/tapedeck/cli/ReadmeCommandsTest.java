package dev.tapedeck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tapedeck.sandbox.ManualClock;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README is tested as users read it: every {@code ./tapedeck --sandbox ...} line of its fenced bash blocks runs
 * in-process, in order, with a temporary folder standing in for the working folder (relative {@code --out} folders
 * land there), and must exit 0; a file a line's comment names must then exist, the main job's archive must show no
 * hostile names, and running the main job again must download nothing. Time passes on a manual clock, so the
 * lines that wait for the sandbox do not take real time.
 */
class ReadmeCommandsTest {

    private static final Pattern FENCED_BASH = Pattern.compile("```bash\\n(.*?)```", Pattern.DOTALL);
    private static final Pattern CLAIMED_FILE = Pattern.compile("[\\w.-]+(?:/[\\w.-]+)+\\.(?:mp4|m3u8|jsonl)");

    @TempDir
    Path work;

    private final ManualClock clock = new ManualClock(Instant.parse("2026-03-09T12:00:00Z"));

    @Test
    void everySandboxCommandLineOfTheReadmeRunsAndDoesWhatItSays() throws IOException {
        List<String> lines = sandboxLines(Files.readString(Path.of("..", "README.md"), StandardCharsets.UTF_8));
        assertThat(lines).as("the README's sandbox command lines").hasSizeGreaterThan(5);

        for (String line : lines) {
            CliHarness.Result result = run(line);

            assertThat(result.exitCode()).as(line + "\n" + result).isZero();
            Matcher claimed = CLAIMED_FILE.matcher(comment(line));
            while (claimed.find()) {
                assertThat(work.resolve(claimed.group())).as(line).isRegularFile();
            }
        }
        String mainJob = lines.get(0);
        assertThat(mainJob).isEqualTo("./tapedeck --sandbox archive --out archive");
        CliHarness.Result again = run(mainJob);
        assertThat(again.exitCode()).as(again.toString()).isZero();
        assertThat(again.out()).containsPattern("\\ndownloaded +0\\n").containsPattern("\\nwaiting +20\\n")
                .doesNotContain("evil");
        assertThat(again.err()).contains("tapedeck: kataven has no session history; archiving the 10 sessions the "
                + "sandbox seeded").doesNotContain("skipping");
        assertThat(work.resolve("archive/kataven/call_0001/recording.mp3")).isRegularFile();
        try (var files = Files.walk(work.resolve("archive"))) {
            assertThat(files.map(Path::toString)).noneMatch(name -> name.contains("evil"));
        }
    }

    /** The lines of fenced bash blocks that run the command against the sandbox, in README order. */
    private static List<String> sandboxLines(String readme) {
        List<String> lines = new ArrayList<>();
        Matcher block = FENCED_BASH.matcher(readme);
        while (block.find()) {
            block.group(1).lines().map(String::strip).filter(l -> l.startsWith("./tapedeck --sandbox "))
                    .forEach(lines::add);
        }
        return lines;
    }

    private CliHarness.Result run(String line) {
        List<String> args = new ArrayList<>(List.of(command(line).substring("./tapedeck ".length()).strip()
                .split("\\s+")));
        for (int i = 0; i + 1 < args.size(); i++) {
            if (args.get(i).equals("--out")) {
                args.set(i + 1, work.resolve(args.get(i + 1)).toString());
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        CliEnvironment env = CliEnvironment.of(Map.of()).withClock(clock).withSleeper(clock::advance);
        int code;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
             PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            code = Main.run(args.toArray(String[]::new), o, e, env);
        }
        return new CliHarness.Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static String command(String line) {
        int hash = line.indexOf(" #");
        return hash < 0 ? line : line.substring(0, hash);
    }

    private static String comment(String line) {
        int hash = line.indexOf(" #");
        return hash < 0 ? "" : line.substring(hash + 2);
    }
}
