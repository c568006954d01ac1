package dev.tapedeck.cli.faultmatrix;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tapedeck.Tapedeck;
import dev.tapedeck.cli.ChildCli;
import dev.tapedeck.cli.CliHarness;
import dev.tapedeck.cli.ExitCodes;
import dev.tapedeck.cli.HeldBody;
import dev.tapedeck.cli.Main;
import dev.tapedeck.cli.SandboxTime;
import dev.tapedeck.cli.faultmatrix.MatrixTable.Outcome;
import dev.tapedeck.sandbox.Origin;
import dev.tapedeck.sandbox.Pauser;
import dev.tapedeck.sandbox.Sandbox;
import dev.tapedeck.sandbox.SandboxOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fault matrix (issue 9): every {@link Fault} the sandbox can inject, on the API or the media host, across every
 * {@link Operation} of the command line, for every provider the sandbox emulates that supports the operation
 * (discovered, not listed here), each cell on a fresh sandbox with the real command run in-process; plus, per
 * provider, an archive in a child JVM killed with {@code kill -9} in the middle of a body while a second archive
 * tries the same folder, then a re-run.
 *
 * <p>Every cell is held against the same command run without faults: a transient fault must be survived within
 * the run (exit 0, the same output, the same folder); a persistent one must end with its exit code and exactly one
 * line on stderr, and a re-run once it is gone must finish the job. Every folder is audited on disk ({@link
 * Folder}): each file's SHA-256 against the bytes the media host served ({@link SourceMedia}), no partial file at a
 * final path, a readable manifest that vouches only for what is there, nothing lost, no leftovers after success.
 * No output may hold a key, a presigned signature, a control character or a stack trace. The table is printed at
 * the end; the suite fails on any corrupt, partial or lost file. Time moves on the sandbox's clock ({@link
 * SandboxTime}), except for the stalls, which need a real half-second of silence.
 */
class FaultMatrixTest {

    private static final MatrixTable TABLE = new MatrixTable();
    private static final Pattern SIGNATURE = Pattern.compile("signature=[0-9a-fA-F]{8}");
    private static final AtomicInteger FOLDERS = new AtomicInteger();

    @TempDir
    static Path dir;

    private static SourceMedia sources;
    private static List<Target> targets;
    private static final Map<String, Baseline> BASELINES = new LinkedHashMap<>();

    /**
     * What a command does without faults.
     *
     * @param result         what it printed
     * @param folder         what it wrote
     * @param apiServesMedia whether it wrote recordings without asking the media host for anything: their bytes
     *                       came from the provider's API, with the key, so media faults cannot reach it and API faults
     *                       reach those bodies too
     */
    private record Baseline(CliHarness.Result result, Folder folder, boolean apiServesMedia) {
    }

    @BeforeAll
    static void discoverProvidersTargetsAndCleanRuns() {
        SandboxTime time = new SandboxTime();
        try (Sandbox sandbox = sandbox(time)) {
            CliHarness cli = CliHarness.pointingAt(sandbox).time(time.clock(), time);
            sources = SourceMedia.of(sandbox);
            targets = Tapedeck.providers().stream().filter(info -> sandbox.emulated().contains(info.id()))
                    .map(info -> Target.discover(info.id(), info.capabilities(), sandbox, cli))
                    .collect(Collectors.toList());
        }
        assertThat(targets).as("providers the sandbox emulates").isNotEmpty();
        for (Target target : targets) {
            for (Operation operation : Operation.values()) {
                if (target.supports(operation)) {
                    BASELINES.put(key(target, operation), cleanRun(target, operation));
                }
            }
        }
    }

    @TestFactory
    Stream<DynamicTest> everyFaultAcrossOperationsAndProviders() {
        List<DynamicTest> cells = new ArrayList<>();
        for (Fault fault : Fault.all()) {
            for (Operation operation : Operation.values()) {
                for (Target target : targets) {
                    boolean apiServesMedia = target.supports(operation)
                            && BASELINES.get(key(target, operation)).apiServesMedia();
                    if (target.supports(operation) && operation.reaches(fault.origin())
                            && !(fault.origin() == Origin.MEDIA && apiServesMedia)) {
                        cells.add(DynamicTest.dynamicTest(fault + ": " + operation.label() + ", " + target.provider(),
                                () -> cell(fault, operation, target)));
                    }
                }
            }
        }
        return cells.stream();
    }

    @TestFactory
    Stream<DynamicTest> anArchiveKilledMidBodyWhileASecondOneTriesItsFolderThenARerun() {
        return targets.stream().filter(target -> target.supports(Operation.ARCHIVE))
                .map(target -> DynamicTest.dynamicTest(target.provider(), () -> killedArchive(target)));
    }

    @AfterAll
    static void printTheTable() {
        String providers = targets == null ? "" : targets.stream().map(t -> t.provider() + " " + t.sessions())
                .collect(Collectors.joining(", "));
        System.out.println(TABLE.render(providers));
        assertThat(TABLE.damage()).as("corrupt, partial and lost files and leftovers over the matrix").isZero();
    }

    /** One cell: the fault on a fresh sandbox, the command once, and (for a persistent fault) once more without. */
    private static void cell(Fault fault, Operation operation, Target target) {
        Baseline clean = BASELINES.get(key(target, operation));
        boolean fails = !fault.isTransient(clean.apiServesMedia());
        SandboxTime time = new SandboxTime();
        Path folder = dir.resolve("cell-" + FOLDERS.incrementAndGet());
        List<String> wrong = new ArrayList<>();
        Folder.Findings findings;
        CliHarness.Result first;
        try (Sandbox sandbox = sandbox(time)) {
            CliHarness cli = CliHarness.pointingAt(sandbox).time(time.clock(), time);
            fault.injectInto(sandbox.faults());
            int pending = sandbox.faults().pending(fault.origin());
            List<String> args = new ArrayList<>(fault.options());
            args.addAll(operation.args(target, folder));
            first = cli.run(args.toArray(String[]::new));
            if (sandbox.faults().pending(fault.origin()) == pending) {
                wrong.add("the fault never reached the run");
            }
            wrong.addAll(leaks(first, sandbox, target.provider()));
            if (!fails) {
                wrong.addAll(sameAnswer(first, clean, operation));
                findings = Folder.read(folder).against(clean.folder(), true);
            } else {
                wrong.addAll(oneErrorLine(first, fault.exitCode(clean.apiServesMedia())));
                Folder.Findings afterFailure = Folder.read(folder).against(clean.folder(), false);
                sandbox.faults().clear();
                CliHarness.Result again = cli.run(operation.args(target, folder).toArray(String[]::new));
                if (again.exitCode() != 0) {
                    wrong.add("the re-run without the fault failed: " + again);
                }
                findings = merge(afterFailure, Folder.read(folder).against(clean.folder(), true));
            }
        }
        Outcome outcome = !wrong.isEmpty() || !findings.clean() ? Outcome.WRONG
                : fails ? Outcome.FAILED_CLEANLY : Outcome.SURVIVED;
        TABLE.add(new MatrixTable.Cell(fault.name(), fault.origin().label(), outcome, first.exitCode(), findings, ""));
        assertThat(findings.problems()).as("on disk\n%s", first).isEmpty();
        assertThat(wrong).as("%s", first).isEmpty();
    }

    /**
     * An archive in a child JVM whose first media body the sandbox holds in the middle (the media host's, or the
     * API's when it serves the recordings: every API answer dribbled, so only a body longer than a chunk pauses, and
     * the first one held); meanwhile a second archive
     * of the same sessions into the same folder must stop with one line and touch nothing; then the child is killed
     * with {@code kill -9}, and a re-run must finish the job as the clean run did.
     */
    private static void killedArchive(Target target) throws Exception {
        Baseline clean = BASELINES.get(key(target, Operation.ARCHIVE));
        Path folder = dir.resolve("killed-" + target.provider());
        Origin media = clean.apiServesMedia() ? Origin.API : Origin.MEDIA;
        HeldBody held = clean.apiServesMedia() ? HeldBody.first() : new HeldBody(0, true);
        try (Sandbox sandbox = Sandbox.start(SandboxOptions.builder().threads(4).pauser(held).build())) {
            held.watch(sandbox);
            sandbox.faults().dribbleNext(media, clean.apiServesMedia() ? Fault.EVERY : 1, 4096, Duration.ofMillis(1));
            String[] args = Operation.ARCHIVE.args(target, folder).toArray(String[]::new);
            Path out = dir.resolve("killed-" + target.provider() + ".out");
            Path err = dir.resolve("killed-" + target.provider() + ".err");
            Process child = ChildCli.start(sandbox, Main.class, List.of("-Xmx128m"), out, err, args);
            CliHarness.Result refused;
            Map<String, String> before;
            Map<String, String> after;
            try {
                int others = clean.result().json().size() - 1;
                awaitTrue("a body held and every other recording done", child, err, () -> held.holding.getCount() == 0
                        && lines(out) >= others && hasPart(folder));
                before = listing(folder);
                refused = CliHarness.pointingAt(sandbox).run(args);
                after = listing(folder);
                child.destroyForcibly().waitFor();
            } finally {
                held.release.countDown();
            }
            List<String> wrong = new ArrayList<>(oneErrorLine(refused, ExitCodes.UNAVAILABLE));
            if (!refused.err().contains("another tapedeck run is using the archive folder")) {
                wrong.add("the second archive did not say the folder is in use: " + refused);
            }
            if (!after.equals(before)) {
                wrong.add("the refused archive touched the folder: " + before + " -> " + after);
            }
            TABLE.add(new MatrixTable.Cell("a second archive on the folder meanwhile", "process",
                    wrong.isEmpty() ? Outcome.FAILED_CLEANLY : Outcome.WRONG, refused.exitCode(),
                    Folder.read(folder).against(clean.folder(), false), ""));
            assertThat(wrong).isEmpty();

            Folder.Findings killed = Folder.read(folder).against(clean.folder(), false);
            sandbox.faults().clear();
            CliHarness.Result rerun = CliHarness.pointingAt(sandbox).run(args);
            Folder.Findings finished = Folder.read(folder).against(clean.folder(), true);
            long content = clean.folder().files().values().stream().mapToLong(Folder.Stored::size).sum();
            long served = sandbox.counters().bodyBytesSent(media);
            String ratio = String.format("%s %.2fx", target.provider(), served / (double) content);
            Folder.Findings findings = merge(killed, finished);
            boolean done = rerun.exitCode() == 0 && sameAnswerAfterRerun(rerun, clean);
            TABLE.add(new MatrixTable.Cell("kill -9 mid-archive, then a re-run (media fetched/content)", "process",
                    done && findings.clean() ? Outcome.FAILED_CLEANLY : Outcome.WRONG, 137, findings, ratio));
            assertThat(findings.problems()).as("%s", rerun).isEmpty();
            assertThat(done).as("the re-run finishes the job: %s", rerun).isTrue();
        }
    }

    /** The command on a fresh sandbox without faults: what every cell is held against. */
    private static Baseline cleanRun(Target target, Operation operation) {
        SandboxTime time = new SandboxTime();
        Path folder = dir.resolve("clean-" + target.provider() + "-" + operation.name().toLowerCase());
        try (Sandbox sandbox = sandbox(time)) {
            CliHarness.Result result = CliHarness.pointingAt(sandbox).time(time.clock(), time)
                    .run(operation.args(target, folder).toArray(String[]::new));
            assertThat(result.exitCode()).as("the clean run: %s", result).isZero();
            assertThat(result.json()).as("the clean run printed something: %s", result).isNotEmpty();
            Folder written = Folder.read(folder);
            written.files().keySet().stream().filter(path -> !path.endsWith(".m3u8")).forEach(path -> {
                if (path.endsWith(".json")) { // event recordings come from the provider's API, not the media host
                    assertThat(readTree(folder.resolve(path)).isArray()).as("%s is a JSON array", path).isTrue();
                } else {
                    assertThat(sources.served(folder.resolve(path))).as("%s is what the media host served", path)
                            .isTrue();
                }
            });
            assertThat(written.files().isEmpty()).as("the clean run wrote files").isEqualTo(!operation.writes());
            return new Baseline(result, written, operation.writes() && sandbox.counters().requests(Origin.MEDIA) == 0);
        }
    }

    private static com.fasterxml.jackson.databind.JsonNode readTree(Path file) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(file.toFile());
        } catch (java.io.IOException unreadable) {
            throw new java.io.UncheckedIOException(unreadable);
        }
    }

    private static Sandbox sandbox(Pauser pauser) {
        SandboxOptions.Builder options = SandboxOptions.builder().threads(4).pauser(pauser);
        if (pauser instanceof SandboxTime time) {
            options.clock(time.clock());
        }
        return Sandbox.start(options.build());
    }

    /** What differs from the clean run's answer: exit code, printed lines, stderr notes. */
    private static List<String> sameAnswer(CliHarness.Result result, Baseline clean, Operation operation) {
        List<String> wrong = new ArrayList<>();
        if (result.exitCode() != 0) {
            wrong.add("a transient fault was not survived: exit " + result.exitCode());
            return wrong;
        }
        if (!result.errLines().equals(clean.result().errLines())) {
            wrong.add("stderr differs from the clean run's " + clean.result().errLines());
        }
        if (operation.writes() ? !rows(result).equals(rows(clean.result()))
                : !Target.ids(result).equals(Target.ids(clean.result()))) {
            wrong.add("the output differs from the clean run's:\n" + clean.result().out());
        }
        return wrong;
    }

    /** Whether a re-run reports every recording of the clean run, done, with the same file and hash. */
    private static boolean sameAnswerAfterRerun(CliHarness.Result rerun, Baseline clean) {
        Map<String, String> expected = new TreeMap<>();
        rows(clean.result()).forEach((key, row) -> expected.put(key, row.replace("|downloaded", "")));
        Map<String, String> got = new TreeMap<>();
        rows(rerun).forEach((key, row) -> got.put(key, row.replace("|downloaded", "").replace("|skipped", "")));
        return got.equals(expected);
    }

    /** The transfer rows a download or archive printed: recording to path, hash and status. */
    private static Map<String, String> rows(CliHarness.Result result) {
        Map<String, String> rows = new TreeMap<>();
        for (JsonNode row : result.json()) {
            rows.put(row.get("provider").asText() + "/" + row.get("sessionId").asText() + "/"
                    + row.get("recordingId").asText(), row.get("path").asText() + "|" + row.get("sha256").asText()
                    + "|" + row.get("status").asText());
        }
        return rows;
    }

    /** Exactly one line on stderr, the error, and the exit code. */
    private static List<String> oneErrorLine(CliHarness.Result result, int exitCode) {
        List<String> wrong = new ArrayList<>();
        if (result.exitCode() != exitCode) {
            wrong.add("exit " + result.exitCode() + " where " + exitCode + " was expected");
        }
        if (result.errLines().size() != 1 || !result.errLines().get(0).startsWith("tapedeck: ")) {
            wrong.add("not exactly one error line on stderr: " + result.errLines());
        }
        return wrong;
    }

    /** Keys, presigned signatures, control characters and stack traces in what the run printed. */
    private static List<String> leaks(CliHarness.Result result, Sandbox sandbox, String provider) {
        List<String> wrong = new ArrayList<>();
        String printed = result.out() + result.err();
        String key = sandbox.clientSettings(provider).apiKey();
        if (printed.toLowerCase().contains(key.toLowerCase())) {
            wrong.add("the API key was printed");
        }
        if (SIGNATURE.matcher(printed).find()) {
            wrong.add("a presigned signature was printed");
        }
        if (printed.chars().anyMatch(c -> c < 0x20 && c != '\n')) {
            wrong.add("a control character was printed");
        }
        if (printed.contains("\tat ") || printed.contains("Exception:")) {
            wrong.add("a stack trace or raw exception was printed");
        }
        return wrong;
    }

    private static Folder.Findings merge(Folder.Findings a, Folder.Findings b) {
        List<String> problems = new ArrayList<>(a.problems());
        problems.addAll(b.problems());
        return new Folder.Findings(a.corrupt() + b.corrupt(), a.partial() + b.partial(), a.lost() + b.lost(),
                a.leftovers() + b.leftovers(), problems);
    }

    private static String key(Target target, Operation operation) {
        return target.provider() + "/" + operation;
    }

    /** Every file below {@code folder}, relative, with its size and modification time. */
    private static Map<String, String> listing(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).collect(Collectors.toMap(
                    p -> folder.relativize(p).toString(), FaultMatrixTest::describe, (a, b) -> a, TreeMap::new));
        }
    }

    private static String describe(Path file) {
        try {
            return Files.size(file) + " bytes, modified " + Files.getLastModifiedTime(file);
        } catch (IOException gone) {
            throw new UncheckedIOException(gone);
        }
    }

    private static boolean hasPart(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.anyMatch(p -> p.getFileName().toString().endsWith(".part"));
        } catch (IOException notYet) {
            return false;
        }
    }

    private static long lines(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8).size();
        } catch (IOException notYet) {
            return 0;
        }
    }

    /** Polls {@code condition} (observable progress, not time) until it holds; fails if {@code child} ends first. */
    private static void awaitTrue(String what, Process child, Path err, BooleanSupplier condition) throws IOException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (!condition.getAsBoolean()) {
            if (!child.isAlive() || System.nanoTime() > deadline) {
                child.destroyForcibly();
                throw new AssertionError("gave up waiting for " + what + "; the child "
                        + (child.isAlive() ? "is still running" : "exited " + child.exitValue()) + ":\n"
                        + Files.readString(err));
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
        }
    }
}
