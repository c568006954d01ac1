package dev.tapedeck.download;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An operating-system lock on a small lock file, held from {@link #tryAcquire} until {@link #close()}, that keeps
 * out every other holder: other processes through the OS ({@link FileChannel#tryLock}), other threads of this JVM
 * through a set of the paths it holds (a JVM owns its file locks as a whole, and closing any channel to a locked
 * file may drop them, so a second channel is never opened while one is held).
 *
 * <p>The OS drops the lock when its process dies, even by {@code kill -9}, so a crashed run never blocks the next;
 * the file's existence means nothing. A lock file made to be deleted on release is checked, once locked, to be
 * still the file at its path (a random token written through the lock is read back through the path), so a run
 * that opened it just before its previous holder deleted it does not go on holding a lock on nothing.
 */
public final class LockFile implements AutoCloseable {

    /** The byte locked: far past the token, so that reading the token through another handle is never blocked. */
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
                FileChannel channel = FileChannel.open(key, StandardOpenOption.CREATE, StandardOpenOption.READ,
                        StandardOpenOption.WRITE);
                FileLock lock = null;
                try {
                    lock = tryLock(channel);
                    if (lock == null) {
                        return Optional.empty();
                    }
                    if (stillAtItsPath(key, channel)) {
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

    /** Whether {@code path} is still the file {@code channel} locked: a token written through one reads back through the other. */
    private static boolean stillAtItsPath(Path path, FileChannel channel) throws IOException {
        byte[] token = (UUID.randomUUID() + " " + ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII);
        channel.truncate(0);
        ByteBuffer buffer = ByteBuffer.wrap(token);
        while (buffer.hasRemaining()) {
            channel.write(buffer, buffer.position());
        }
        try (InputStream in = Files.newInputStream(path)) {
            return Arrays.equals(in.readNBytes(token.length + 1), token);
        } catch (NoSuchFileException deleted) {
            return false;
        }
    }

    @Override
    public String toString() {
        return "LockFile[" + Objects.toString(path) + "]";
    }
}
