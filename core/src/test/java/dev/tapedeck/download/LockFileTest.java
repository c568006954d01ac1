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
            assertThat(Files.readString(file)).endsWith(ProcessHandle.current().pid() + "\n");
        }
    }

    @Test
    void aFolderThatIsNotThereIsAnErrorNotAnEmptyAnswer() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> LockFile.tryAcquire(dir.resolve("no/such/.x.lock"),
                true)).isInstanceOf(java.nio.file.NoSuchFileException.class);
    }
}
