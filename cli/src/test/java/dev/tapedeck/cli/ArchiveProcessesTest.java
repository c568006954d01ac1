package dev.tapedeck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tapedeck.archive.ArchiveLock;
import dev.tapedeck.archive.Manifest;
import dev.tapedeck.archive.ManifestEntry;
import dev.tapedeck.sandbox.GeneratedBytes;
import dev.tapedeck.sandbox.Origin;
import dev.tapedeck.sandbox.Sandbox;
import dev.tapedeck.sandbox.anchor.AnchorApi;
import dev.tapedeck.sandbox.anchor.AnchorEmulator;
import dev.tapedeck.sandbox.SandboxOptions;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tapedeck archive} in child JVMs against a sandbox in this JVM: killed with {@code kill -9} in the middle of
 * a body and run again, and two runs on one folder at once. The sandbox holds the large recording's body once it
 * has sent {@value #HOLD_AT} bytes, so every step waits for something observable (bytes sent, bytes on disk), never
 * for time to pass.
 */
class ArchiveProcessesTest {

    private static final long SIZE = 64L << 20;
    private static final long HOLD_AT = 42L << 20;
    /** How often a download syncs its part and rewrites its resume note (the downloader's checkpoint interval). */
    private static final long CHECKPOINT_BYTES = 4L << 20;

    @TempDir
    Path dir;

    private static Sandbox sandbox(HeldBody held) {
        Sandbox sandbox = Sandbox.start(SandboxOptions.builder()
                .setting("anchor", AnchorEmulator.LARGE_RECORDING_BYTES, String.valueOf(SIZE)).pauser(held).build());
        held.watch(sandbox);
        // Every write of the large body goes through the pauser, which holds it at HOLD_AT.
        sandbox.faults().dribbleNext(Origin.MEDIA, 1, 1 << 20, Duration.ofMillis(1));
        return sandbox;
    }

    @Test
    void anArchiveKilledMidBodyIsFinishedByTheNextRunFetchingLittleMoreThanTheContent() throws Exception {
        HeldBody held = new HeldBody(HOLD_AT, true);
        Path out = dir.resolve("archive");
        try (Sandbox sandbox = sandbox(held)) {
            String session = sandbox.emulation("anchor", AnchorApi.class).seed().withLargeRecording().id();
            Path folder = out.resolve("anchor").resolve(session);
            Process first = archiveInChild(sandbox, "first", session, out);
            try {
                awaitLatch(held.holding, "the body to reach " + HOLD_AT + " bytes", first);
                awaitTrue("the child to write what was sent", first, () -> partBytes(folder) >= HOLD_AT);
                awaitTrue("the child to note its last checkpoint", first, () -> checkpointed(folder, HOLD_AT));
                first.destroyForcibly().waitFor();
            } finally {
                held.release.countDown();
            }
            assertThat(first.exitValue()).as("killed").isNotZero();
            assertThat(hiddenFiles(folder)).as("the kill left the part and its note").contains(
                    ".rec_0003_1.mp4.part", ".rec_0003_1.mp4.resume");

            CliHarness.Result second = CliHarness.pointingAt(sandbox).run("--provider", "anchor", "--json", "archive",
                    "--session", session, "--out", out.toString());

            assertThat(second.exitCode()).as(second.toString()).isZero();
            String expected = generatedSha256(SIZE);
            Path file = folder.resolve("rec_0003_1.mp4");
            assertThat(second.json()).singleElement().satisfies(entry -> {
                assertThat(entry.get("status").asText()).isEqualTo("downloaded");
                assertThat(entry.get("sha256").asText()).isEqualTo(expected);
            });
            assertThat(sha256(file)).isEqualTo(expected);
            List<ManifestEntry> manifest = Manifest.read(out.resolve(Manifest.FILE_NAME)).get();
            assertThat(manifest).singleElement().satisfies(entry -> {
                assertThat(entry.done()).isTrue();
                assertThat(entry.sizeBytes()).isEqualTo(SIZE);
                assertThat(entry.sha256()).isEqualTo(expected);
                assertThat(out.resolve(entry.path())).isEqualTo(file);
            });
            assertThat(filesIn(out)).containsOnlyKeys(ArchiveLock.FILE_NAME, Manifest.FILE_NAME,
                    "anchor/" + session + "/rec_0003_1.mp4");
            long served = sandbox.counters().bodyBytesSent(Origin.MEDIA);
            System.out.printf("[kill-resume] content %d bytes, served %d bytes over both runs (%.3fx)%n", SIZE,
                    served, served / (double) SIZE);
            // Before, the next run started the file over: about 2x the content was fetched.
            assertThat(served).isLessThanOrEqualTo(SIZE + SIZE / 5);
        }
    }

    @Test
    void twoArchivesOnOneFolderAtOnceOneRefusesWithOneLineTouchingNothingAndNothingIsLost() throws Exception {
        HeldBody held = new HeldBody(HOLD_AT, false);
        Path out = dir.resolve("archive");
        try (Sandbox sandbox = sandbox(held)) {
            String large = sandbox.emulation("anchor", AnchorApi.class).seed().withLargeRecording().id();
            String small = sandbox.emulation("anchor", AnchorApi.class).seed().withOneRecording().id();
            Path folder = out.resolve("anchor").resolve(large);
            Process first = archiveInChild(sandbox, "first", large, out);
            Process second;
            Map<String, String> before;
            Map<String, String> after;
            try {
                awaitLatch(held.holding, "the first run's body to reach " + HOLD_AT + " bytes", first);
                awaitTrue("the first run to write all that was sent", first,
                        () -> partBytes(folder) >= sandbox.counters().bodyBytesSent(Origin.MEDIA));
                awaitTrue("the first run to note its last checkpoint", first, () -> checkpointed(folder,
                        partBytes(folder)));
                before = filesIn(out);
                second = archiveInChild(sandbox, "second", small, out);
                assertThat(second.waitFor(2, TimeUnit.MINUTES)).as("the second run stops at once").isTrue();
                after = filesIn(out);
            } finally {
                held.release.countDown();
            }
            assertThat(first.waitFor(5, TimeUnit.MINUTES)).isTrue();

            List<String> refused = Files.readAllLines(dir.resolve("second.err"), StandardCharsets.UTF_8);
            assertThat(second.exitValue()).as("%s", refused).isEqualTo(ExitCodes.UNAVAILABLE);
            assertThat(refused).containsExactly("tapedeck: another tapedeck run is using the archive folder "
                    + out.toAbsolutePath().normalize() + "; let it finish, or archive into another folder");
            assertThat(Files.readString(dir.resolve("second.out"))).isEmpty();
            assertThat(after).as("the refused run touched nothing").isEqualTo(before);
            assertThat(first.exitValue()).as("%s", Files.readString(dir.resolve("first.err"))).isZero();

            CliHarness.Result again = CliHarness.pointingAt(sandbox).run("--provider", "anchor", "--json", "archive",
                    "--session", small, "--out", out.toString());

            assertThat(again.exitCode()).as(again.toString()).isZero();
            List<ManifestEntry> manifest = Manifest.read(out.resolve(Manifest.FILE_NAME)).get();
            assertThat(manifest).extracting(ManifestEntry::sessionId).containsExactlyInAnyOrder(large, small);
            assertThat(manifest).allSatisfy(entry -> {
                assertThat(entry.done()).isTrue();
                assertThat(sha256(out.resolve(entry.path()))).isEqualTo(entry.sha256());
            });
            assertThat(manifest).filteredOn(entry -> entry.sessionId().equals(large)).singleElement()
                    .satisfies(entry -> assertThat(entry.sha256()).isEqualTo(generatedSha256(SIZE)));
        }
    }

    /** {@code tapedeck --json archive --session SESSION --out OUT} in a child JVM, its output in {@code <name>.out/.err}. */
    private Process archiveInChild(Sandbox sandbox, String name, String session, Path out) throws IOException {
        return ChildCli.start(sandbox, Main.class, List.of("-Xmx128m"), dir.resolve(name + ".out"),
                dir.resolve(name + ".err"), "--provider", "anchor", "--json", "archive", "--session", session, "--out",
                out.toString());
    }

    /** Waits for {@code latch}, failing early with the child's output if the child dies first. */
    private void awaitLatch(CountDownLatch latch, String what, Process child) throws Exception {
        awaitTrue(what, child, () -> latch.getCount() == 0);
    }

    /** Polls {@code condition} (observable progress, not time) until it holds; fails if {@code child} ends first. */
    private void awaitTrue(String what, Process child, BooleanSupplier condition) throws IOException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (!condition.getAsBoolean()) {
            if (!child.isAlive() || System.nanoTime() > deadline) {
                throw new AssertionError("gave up waiting for " + what + "; the child "
                        + (child.isAlive() ? "is still running" : "exited " + child.exitValue()) + ":\n"
                        + Files.readString(dir.resolve("first.err")));
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
        }
    }

    private static long partBytes(Path folder) {
        try {
            return Files.size(folder.resolve(".rec_0003_1.mp4.part"));
        } catch (IOException notYet) {
            return -1;
        }
    }

    /**
     * Whether the part's resume note vouches for the last checkpoint a run holding {@code written} bytes asks for: a
     * run syncs its part and rewrites the note in the background each time another {@value #CHECKPOINT_BYTES} bytes
     * arrived, so the last one covers more than {@code written} less that. Until it lands the folder still changes.
     */
    private static boolean checkpointed(Path folder, long written) {
        Properties note = new Properties();
        try (InputStream in = Files.newInputStream(folder.resolve(".rec_0003_1.mp4.resume"))) {
            note.load(in);
            return Long.parseLong(note.getProperty("bytes", "0")) > written - CHECKPOINT_BYTES;
        } catch (IOException | NumberFormatException notYet) {
            return false;
        }
    }

    private static List<String> hiddenFiles(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).filter(name -> name.startsWith("."))
                    .collect(Collectors.toList());
        }
    }

    /** Every file below {@code root}, relative, with its size and modification time. */
    private static Map<String, String> filesIn(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).collect(Collectors.toMap(
                    p -> root.relativize(p).toString().replace('\\', '/'),
                    p -> describe(p), (a, b) -> a, TreeMap::new));
        }
    }

    private static String describe(Path file) {
        try {
            return Files.size(file) + " bytes, modified " + Files.getLastModifiedTime(file);
        } catch (IOException gone) {
            throw new UncheckedIOException(gone);
        }
    }

    private static String generatedSha256(long size) throws Exception {
        try (InputStream in = GeneratedBytes.stream(0, size)) {
            return sha256(in);
        }
    }

    private static String sha256(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return sha256(in);
        } catch (Exception unreadable) {
            throw new AssertionError("cannot hash " + file, unreadable);
        }
    }

    private static String sha256(InputStream in) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        byte[] buffer = new byte[1 << 16];
        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
            digest.update(buffer, 0, n);
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
