package dev.tapedeck.download;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/** What download tests look at on disk: the files and folders below a folder, and SHA-256 digests. */
final class Folders {

    private Folders() {
    }

    /** Every regular file below {@code folder}, hidden ones included, relative with {@code /} and sorted. */
    static List<String> filesIn(Path folder) throws IOException {
        try (Stream<Path> all = Files.walk(folder)) {
            return all.filter(Files::isRegularFile).map(p -> relative(folder, p)).sorted().toList();
        }
    }

    /** Every file and folder below {@code folder}, hidden ones included, relative and sorted. */
    static List<String> entriesIn(Path folder) throws IOException {
        try (Stream<Path> all = Files.walk(folder)) {
            return all.filter(p -> !p.equals(folder)).map(p -> relative(folder, p)).sorted().toList();
        }
    }

    /** The lower-case hex SHA-256 of {@code bytes}. */
    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private static String relative(Path folder, Path file) {
        return folder.relativize(file).toString().replace('\\', '/');
    }
}
