package dev.tapedeck.cli.faultmatrix;

import dev.tapedeck.sandbox.GeneratedBytes;
import dev.tapedeck.sandbox.spi.MediaPaths;
import dev.tapedeck.sandbox.Sandbox;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

/**
 * The bytes the sandbox's media host serves, fetched from it directly with the JDK's own HTTP client (nothing of
 * Tapedeck in between), as SHA-256 hashes: the shipped MP4 and audio, the HLS segments its playlist names, and any
 * generated stream, which is known by its length. A recording on disk is sound only if it is one of them.
 */
final class SourceMedia {

    private final Set<String> hashes;

    private SourceMedia(Set<String> hashes) {
        this.hashes = Set.copyOf(hashes);
    }

    /** Fetches every shipped asset of {@code sandbox}'s media host once, before any fault is switched on. */
    static SourceMedia of(Sandbox sandbox) {
        HttpClient http = HttpClient.newHttpClient();
        Set<String> hashes = new HashSet<>();
        for (String path : List.of(MediaPaths.SAMPLE_MP4, MediaPaths.CALL_MP3)) {
            hashes.add(sha256(get(http, sandbox.presignedMediaUrl(path))));
        }
        URI playlist = sandbox.presignedMediaUrl(MediaPaths.HLS_PLAYLIST);
        for (String line : new String(get(http, playlist), StandardCharsets.UTF_8).split("\n")) {
            String segment = line.strip();
            if (!segment.isEmpty() && !segment.startsWith("#")) {
                hashes.add(sha256(get(http, playlist.resolve(segment))));
            }
        }
        return new SourceMedia(hashes);
    }

    /** Whether {@code file} holds exactly the bytes of something the media host serves. */
    boolean served(Path file) {
        String hash = sha256(file);
        if (hashes.contains(hash)) {
            return true;
        }
        try (InputStream generated = GeneratedBytes.stream(0, Files.size(file))) {
            return hash.equals(sha256(generated));
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }

    /** The lower-case hex SHA-256 of {@code file}. */
    static String sha256(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return sha256(in);
        } catch (IOException unreadable) {
            throw new UncheckedIOException("cannot hash " + file, unreadable);
        }
    }

    /** Lower-case hex SHA-256 of {@code bytes}. */
    static String sha256(byte[] bytes) {
        return HexFormat.of().formatHex(digest().digest(bytes));
    }

    private static String sha256(InputStream in) throws IOException {
        MessageDigest digest = digest();
        byte[] buffer = new byte[1 << 16];
        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
            digest.update(buffer, 0, n);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private static byte[] get(HttpClient http, URI url) {
        try {
            HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(url).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("the media host answered " + response.statusCode() + " for " + url);
            }
            return response.body();
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
    }
}
