package dev.tapedeck.archive;

import dev.tapedeck.download.LocalFiles;
import dev.tapedeck.download.LockFile;
import dev.tapedeck.model.TapedeckError;
import io.vavr.control.Either;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One writer per archive folder: an operating-system lock on the hidden file {@value #FILE_NAME} in the folder,
 * held for a whole run. A second run on the same folder, in another process or on another thread, is refused at
 * once with {@link TapedeckError.InUse} naming the folder, before it reads or writes anything there. The lock dies
 * with its process, so a killed run never blocks the next one; the lock file itself stays, empty of meaning.
 *
 * <p>The thread that holds the lock may take it again (each take is closed on its own), so that a caller can hold
 * a folder across several {@link Archiver} runs, one per provider, without another run slipping in between.
 * Thread-safe.
 */
public final class ArchiveLock implements AutoCloseable {

    /** The lock file's name inside the archive folder. */
    public static final String FILE_NAME = ".tapedeck.lock";

    /** The folders this JVM holds; guarded by itself. */
    private static final Map<Path, Holder> HELD = new HashMap<>();

    /** Who holds a folder in this JVM, and how many takes are open. */
    private static final class Holder {
        final Thread owner;
        final LockFile file;
        int takes = 1;

        Holder(Thread owner, LockFile file) {
            this.owner = owner;
            this.file = file;
        }
    }

    private final Path folder;
    private final Holder holder;
    private boolean closed;

    private ArchiveLock(Path folder, Holder holder) {
        this.folder = folder;
        this.holder = holder;
    }

    /**
     * Creates {@code folder} if needed and locks it for the calling thread; Left(InUse) when another run holds it,
     * Left(Storage) when it cannot be created or locked.
     */
    public static Either<TapedeckError, ArchiveLock> acquire(Path folder) {
        Path root = folder.toAbsolutePath().normalize();
        synchronized (HELD) {
            Holder holder = HELD.get(root);
            if (holder != null) {
                if (holder.owner != Thread.currentThread()) {
                    return Either.left(inUse(root));
                }
                holder.takes++;
                return Either.right(new ArchiveLock(root, holder));
            }
        }
        Either<TapedeckError, Path> created = LocalFiles.createFolder("", root, "the archive folder");
        if (created.isLeft()) {
            return Either.left(created.getLeft());
        }
        Optional<LockFile> file;
        try {
            file = LockFile.tryAcquire(root.resolve(FILE_NAME), false);
        } catch (IOException storage) {
            return Either.left(new TapedeckError.Storage("", "could not lock the archive folder " + root + ": "
                    + storage + "; check its permissions"));
        }
        if (file.isEmpty()) {
            return Either.left(inUse(root));
        }
        Holder holder = new Holder(Thread.currentThread(), file.get());
        synchronized (HELD) {
            HELD.put(root, holder);
        }
        return Either.right(new ArchiveLock(root, holder));
    }

    /** The locked folder, absolute and normalised. */
    public Path folder() {
        return folder;
    }

    /** Gives this take back; the last one releases the folder. Calling it again does nothing. */
    @Override
    public void close() {
        synchronized (HELD) {
            if (closed) {
                return;
            }
            closed = true;
            if (--holder.takes > 0) {
                return;
            }
            HELD.remove(folder);
            holder.file.close();
        }
    }

    private static TapedeckError inUse(Path root) {
        return new TapedeckError.InUse("", "another tapedeck run is using the archive folder " + root
                + "; let it finish, or archive into another folder");
    }
}
