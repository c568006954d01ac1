package dev.tapedeck.download;

import dev.tapedeck.model.TapedeckError;
import io.vavr.control.Either;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The file moves that downloads and the archive manifest end with: the hidden names beside a final one (temp file,
 * resume note, lock file, and a staging folder for copies that must not touch an existing one), atomic placement
 * and quiet clean-up.
 */
public final class LocalFiles {

    private LocalFiles() {
    }

    /** The hidden temp file {@code .<name>.part} that writing {@code finalFile} goes through, in the same folder. */
    public static Path partFile(Path finalFile) {
        return finalFile.resolveSibling("." + finalFile.getFileName() + ".part");
    }

    /** The hidden note {@code .<name>.resume} that lets a later run go on with {@code finalFile}'s temp file. */
    public static Path resumeNote(Path finalFile) {
        return finalFile.resolveSibling("." + finalFile.getFileName() + ".resume");
    }

    /** The hidden lock file {@code .<name>.lock} held while {@code finalFile} is being downloaded. */
    public static Path lockFile(Path finalFile) {
        return finalFile.resolveSibling("." + finalFile.getFileName() + ".lock");
    }

    /**
     * The hidden folder {@code .<name>.staging} beside {@code finalFile} where a copy made of several files (an HLS
     * playlist and its segments) is assembled when a copy under the final name must be left as it is.
     */
    public static Path stagingFolder(Path finalFile) {
        return finalFile.resolveSibling("." + finalFile.getFileName() + ".staging");
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

    /**
     * Syncs {@code folder}'s entries to disk, so that a file just moved into it keeps its name after a power cut.
     * Where a folder cannot be opened to sync it (Windows), the file system's own ordering has to do.
     */
    public static void syncFolder(Path folder) throws IOException {
        try (FileChannel dir = FileChannel.open(folder, StandardOpenOption.READ)) {
            dir.force(true);
        } catch (AccessDeniedException | UnsupportedOperationException notOnThisSystem) {
            // Windows opens no folder as a channel; NTFS journals the rename itself.
        }
    }

    /** Writes {@code content} to {@code file} (created or emptied first) and syncs it to disk before returning. */
    public static void writeSynced(Path file, byte[] content) throws IOException {
        try (FileChannel out = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer buffer = ByteBuffer.wrap(content);
            while (buffer.hasRemaining()) {
                out.write(buffer);
            }
            out.force(true);
        }
    }

    /** Deletes {@code file} if it is there; a failure to delete only leaves a temp file the next run replaces. */
    public static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // A leftover hidden file is harmless: the next download of the same file reuses or replaces it.
        }
    }

    /** Deletes {@code folder} and everything in it if it is there; whatever cannot be deleted stays. */
    public static void deleteTreeQuietly(Path folder) {
        if (!Files.exists(folder)) {
            return;
        }
        List<Path> deepestFirst;
        try (Stream<Path> walk = Files.walk(folder)) {
            deepestFirst = walk.sorted(Comparator.reverseOrder()).collect(Collectors.toList());
        } catch (IOException | UncheckedIOException unreadable) {
            return;
        }
        deepestFirst.forEach(LocalFiles::deleteQuietly);
    }

    /**
     * Creates {@code folder} and its parents, or Left(Storage) saying in plain words why not: a file in the way,
     * no permission, or the file system's own reason. {@code what} names the folder in the message ("the folder",
     * "the archive folder").
     */
    public static Either<TapedeckError, Path> createFolder(String provider, Path folder, String what) {
        try {
            return Either.right(Files.createDirectories(folder));
        } catch (FileAlreadyExistsException fileInTheWay) {
            return Either.left(fileInTheWay(provider, folder, what, Path.of(fileInTheWay.getFile())));
        } catch (AccessDeniedException denied) {
            return Either.left(new TapedeckError.Storage(provider, "could not create " + what + " " + folder
                    + ": permission denied at " + denied.getFile() + "; choose a folder you can write to"));
        } catch (IOException storage) {
            for (Path above = folder.toAbsolutePath(); above != null; above = above.getParent()) {
                if (Files.exists(above) && !Files.isDirectory(above)) {
                    // "Not a directory" from deeper down: name the file that is in the way.
                    return Either.left(fileInTheWay(provider, folder, what, above));
                }
            }
            String reason = storage instanceof FileSystemException && ((FileSystemException) storage).getReason() != null
                    ? ((FileSystemException) storage).getReason() : String.valueOf(storage.getMessage());
            return Either.left(new TapedeckError.Storage(provider, "could not create " + what + " " + folder + ": "
                    + reason + "; check free space and permissions"));
        }
    }

    private static TapedeckError fileInTheWay(String provider, Path folder, String what, Path file) {
        return new TapedeckError.Storage(provider, "could not create " + what + " " + folder + ": " + file
                + " is a file, not a folder; choose another folder");
    }
}
