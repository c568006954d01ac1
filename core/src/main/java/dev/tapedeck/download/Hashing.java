package dev.tapedeck.download;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;

/** SHA-256 digests as lower-case hex, over streams in a fixed buffer. */
final class Hashing {

    /** The buffer size every download and hash uses, so memory stays constant whatever the file size. */
    static final int BUFFER_SIZE = 64 * 1024;

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private Hashing() {
    }

    /** A fresh SHA-256 digest. */
    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("every Java runtime has SHA-256", impossible);
        }
    }

    /** {@code bytes} as lower-case hex. */
    static String hex(byte[] bytes) {
        char[] out = new char[bytes.length * 2];
        for (int i = 0; i < bytes.length; i++) {
            out[2 * i] = HEX[(bytes[i] >> 4) & 0xF];
            out[2 * i + 1] = HEX[bytes[i] & 0xF];
        }
        return new String(out);
    }

    /**
     * The fingerprint of a copy made of several files (an HLS playlist and the files it references): one SHA-256
     * over the lower-case hex SHA-256 of each file, in order, so that no byte of any of them can change unseen.
     */
    static String ofFiles(List<String> sha256s) {
        MessageDigest all = sha256();
        for (String each : sha256s) {
            all.update(each.getBytes(StandardCharsets.US_ASCII));
        }
        return hex(all.digest());
    }

    /** The SHA-256 of {@code file}, read in a fixed buffer. */
    static String sha256Of(Path file) throws IOException {
        MessageDigest digest = sha256();
        byte[] buffer = new byte[BUFFER_SIZE];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
            }
        }
        return hex(digest.digest());
    }
}
