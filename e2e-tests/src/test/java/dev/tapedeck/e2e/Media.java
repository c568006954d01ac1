package dev.tapedeck.e2e;

import dev.tapedeck.sandbox.Sandbox;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** The media files the sandbox serves, read from its jar, and hashing as the manifests write it. */
final class Media {

    private static final String ROOT = "/dev/tapedeck/sandbox/media/";

    private Media() {
    }

    /** The sample MP4 behind Anchor's and Notte's video recordings. */
    static byte[] sampleMp4() {
        return resource("sample.mp4");
    }

    /** The MP3 behind every Kataven call recording. */
    static byte[] callMp3() {
        return resource("call.mp3");
    }

    /** HLS segment {@code index} (0..2) of the sandbox playlist. */
    static byte[] hlsSegment(int index) {
        return resource("hls/segment" + index + ".ts");
    }

    /** Lower-case hex SHA-256 of {@code bytes}. */
    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Lower-case hex SHA-256 of the file at {@code path}. */
    static String sha256(Path path) {
        try {
            return sha256(Files.readAllBytes(path));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] resource(String name) {
        try (InputStream in = Sandbox.class.getResourceAsStream(ROOT + name)) {
            if (in == null) {
                throw new IllegalStateException("the sandbox jar has no " + ROOT + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
