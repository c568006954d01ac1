package dev.tapedeck.download;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An operating-system lock on a small lock file, held from {@link #tryAcquire} until {@link #close()}, that keeps
 * out every other holder: other processes through the OS ({@link FileChannel#tryLock}), other threads of this JVM
 * through a set of the paths it holds. That set also keeps this process from ever opening a second descriptor to a
 * file it has locked: POSIX drops all of a process's locks on a file when any descriptor to it is closed.
 *
 * <p>The OS drops the lock when its process dies, even by {@code kill -9}, so a crashed run never blocks the next;
 * the file's existence means nothing. A lock file made to be deleted on release is checked, once locked, to be
 * still the file at its path (the same file key before opening it and after locking it, read without opening it),
 * so a run that opened it just before its previous holder deleted it does not go on holding a lock on nothing.
 */
public final class LockFile implements AutoCloseable {

    /** The byte locked: far past the end of the (empty) file, so that no reader of the file is ever blocked. */
    private static final long LOCKED_BYTE = Long.MAX_VALUE - 1;
    private static final int ATTEMPTS = 3;
    private static final Set<Path> HELD_IN_THIS_JVM = ConcurrentHashMap.newKeySet();

    private final Path path;
    private final FileChannel channel;
    private final FileLock lock;
    private final boolean deleteOnRelease;

    private LockFile(Path path, FileChannel channel, FileLock lock, boolean deleteOnRelease) {
        this.path = path;
        this.channel = channel;
        this.lock = lock;
        this.deleteOnRelease = deleteOnRelease;
    }

    /**
     * Locks {@code path}, creating it if missing; empty when another process or thread holds it. With
     * {@code deleteOnRelease} the file is deleted when the lock is released, so no lock file outlives its use.
     *
     * @throws IOException when the file cannot be created, opened or written
     */
    public static Optional<LockFile> tryAcquire(Path path, boolean deleteOnRelease) throws IOException {
        Path key = path.toAbsolutePath().normalize();
        if (!HELD_IN_THIS_JVM.add(key)) {
            return Optional.empty();
        }
        boolean held = false;
        try {
            for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
                try {
                    Files.createFile(key);
                } catch (FileAlreadyExistsException exists) {
                    // Someone's lock file: the lock, not the file, says whether it is taken.
                }
                Object before = fileKey(key);
                FileChannel channel;
                try {
                    channel = FileChannel.open(key, StandardOpenOption.WRITE);
                } catch (NoSuchFileException deletedMeanwhile) {
                    continue;
                }
                FileLock lock = null;
                try {
                    lock = tryLock(channel);
                    if (lock == null) {
                        return Optional.empty();
                    }
                    Object after = fileKey(key);
                    if (before == null || before.equals(after)) {
                        held = true;
                        return Optional.of(new LockFile(key, channel, lock, deleteOnRelease));
                    }
                } finally {
                    if (!held) {
                        if (lock != null) {
                            lock.release();
                        }
                        channel.close();
                    }
                }
            }
            return Optional.empty();
        } finally {
            if (!held) {
                HELD_IN_THIS_JVM.remove(key);
            }
        }
    }

    /** The lock file. */
    public Path path() {
        return path;
    }

    /** Releases the lock, deleting the file first when asked to; never throws. */
    @Override
    public void close() {
        try {
            if (deleteOnRelease) {
                // Deleted while still locked, so that no one can lock this file and take it for the live one.
                LocalFiles.deleteQuietly(path);
            }
            lock.release();
        } catch (IOException ignored) {
            // Closing the channel below releases the lock as well.
        } finally {
            try {
                channel.close();
            } catch (IOException ignored) {
                // The process's lock is gone with the channel either way.
            }
            HELD_IN_THIS_JVM.remove(path);
        }
    }

    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock(LOCKED_BYTE, 1, false);
        } catch (OverlappingFileLockException heldHere) {
            // The same file under another path (a link) is locked by this JVM.
            return null;
        }
    }

    /** The file system's identity of the file at {@code path} (device and inode), read without opening it. */
    private static Object fileKey(Path path) throws IOException {
        try {
            return Files.readAttributes(path, BasicFileAttributes.class).fileKey();
        } catch (NoSuchFileException deleted) {
            return "deleted";
        }
    }

    @Override
    public String toString() {
        return "LockFile[" + Objects.toString(path) + "]";
    }
}
