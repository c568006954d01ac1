package dev.tapedeck.download;

import java.util.Objects;

/**
 * What identifies a downloaded copy: its size and SHA-256.
 *
 * @param sizeBytes the number of bytes (for an HLS copy: the playlist plus every file it references)
 * @param sha256    the lower-case hex SHA-256 of the file (for an HLS copy: one SHA-256 over the SHA-256 of the
 *                  playlist and of each file it references, in order)
 */
public record Fingerprint(long sizeBytes, String sha256) {
    /** Checks for a non-negative size and a 64-digit hex hash. */
    public Fingerprint {
        Objects.requireNonNull(sha256, "sha256");
        if (sizeBytes < 0) {
            throw new IllegalArgumentException("negative size " + sizeBytes);
        }
        if (!sha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("not a lower-case hex SHA-256: " + sha256);
        }
    }
}
