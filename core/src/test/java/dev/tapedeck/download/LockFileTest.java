package dev.tapedeck.download;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** In-process behaviour of the lock; other processes are kept out by the OS (see the CLI's child-JVM tests). */
class LockFileTest {

    @TempDir
    Path dir;

    @Test
    void aHeldLockKeepsOutEveryOtherTakerUntilReleased() throws Exception {
        Path file = dir.resolve(".x.lock");
        try (LockFile held = LockFile.tryAcquire(file, true).orElseThrow()) {
            assertThat(held.path()).isEqualTo(file.toAbsolutePath());
            assertThat(LockFile.tryAcquire(file, true)).isEmpty();
            assertThat(LockFile.tryAcquire(dir.resolve("sub/../.x.lock"), true)).isEmpty();
            AtomicReference<Optional<LockFile>> fromAnotherThread = new AtomicReference<>();
            Thread other = new Thread(() -> {
                try {
                    fromAnotherThread.set(LockFile.tryAcquire(file, true));
                } catch (java.io.IOException failed) {
                    throw new java.io.UncheckedIOException(failed);
                }
            });
            other.start();
            other.join();
            assertThat(fromAnotherThread.get()).isEmpty();
        }
        assertThat(file).doesNotExist();
        try (LockFile again = LockFile.tryAcquire(file, true).orElseThrow()) {
            assertThat(file).exists();
        }
    }

    @Test
    void aLockFileThatIsKeptStaysWithoutMeaningAndIsTakenAgain() throws Exception {
        Path file = dir.resolve(".tapedeck.lock");
        LockFile.tryAcquire(file, false).orElseThrow().close();
        assertThat(file).exists();

        try (LockFile again = LockFile.tryAcquire(file, false).orElseThrow()) {
            assertThat(LockFile.tryAcquire(file, false)).isEmpty();
        }
        assertThat(file).exists();
    }

    @Test
    void aLockFileDeletedAndMadeAgainBetweenTwoTakersIsNeverHeldByBoth() throws Exception {
        Path file = dir.resolve(".x.lock");
        LockFile first = LockFile.tryAcquire(file, true).orElseThrow();
        first.close();
        Files.writeString(file, "someone else's new lock file");

        try (LockFile second = LockFile.tryAcquire(file, true).orElseThrow()) {
            assertThat(second.path()).isEqualTo(file.toAbsolutePath());
        }
        assertThat(file).doesNotExist();
    }

    @Test
    void aFolderThatIsNotThereIsAnErrorNotAnEmptyAnswer() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> LockFile.tryAcquire(dir.resolve("no/such/.x.lock"),
                true)).isInstanceOf(java.nio.file.NoSuchFileException.class);
    }
}
