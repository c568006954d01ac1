package dev.tapedeck.download;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The file moves that downloads and the archive manifest end with: a hidden temp name beside the final one,
 * atomic placement, quiet clean-up.
 */
public final class LocalFiles {

    private LocalFiles() {
    }

    /** The hidden temp file {@code .<name>.part} that writing {@code finalFile} goes through, in the same folder. */
    public static Path partFile(Path finalFile) {
        return finalFile.resolveSibling("." + finalFile.getFileName() + ".part");
    }

    /**
     * Moves {@code temp} to {@code target} in one step, so no half-written file ever carries the final name.
     * Falls back to a replacing move only where the file store cannot move atomically.
     */
    public static void moveIntoPlace(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException notAtomic) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Deletes {@code file} if it is there; a failure to delete only leaves a temp file the next run replaces. */
    public static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // A leftover .part file is harmless: the next download truncates it.
        }
    }
}
