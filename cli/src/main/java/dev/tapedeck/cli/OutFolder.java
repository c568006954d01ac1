package dev.tapedeck.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The {@code --out} folder of {@code download} and {@code archive}, checked before any request: a path that names an
 * existing file is a usage error (exit 2), since the recordings would have nowhere to go; a missing folder is
 * created later, when the first file is written.
 */
final class OutFolder {

    private OutFolder() {
    }

    /** {@code given} as an absolute, normalised folder; a usage failure when it is an existing file. */
    static Path of(Path given) {
        Path folder = given.toAbsolutePath().normalize();
        if (Files.exists(folder) && !Files.isDirectory(folder)) {
            throw CliFailure.usage("--out " + given + " is a file, not a folder; give a folder (it is created if "
                    + "missing)");
        }
        return folder;
    }
}
