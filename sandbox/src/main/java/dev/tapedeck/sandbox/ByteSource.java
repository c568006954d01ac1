package dev.tapedeck.sandbox;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Media content that can be served whole or by byte range, with a stable entity tag. */
interface ByteSource {

    long length();

    String contentType();

    /** A strong entity tag, quotes included. */
    String etag();

    /** Writes the bytes in {@code [from, toExclusive)}. */
    void write(OutputStream out, long from, long toExclusive) throws IOException;

    /** The same bytes and entity tag, labelled with another content type. */
    default ByteSource as(String type) {
        ByteSource self = this;
        return new ByteSource() {
            @Override
            public long length() {
                return self.length();
            }

            @Override
            public String contentType() {
                return type;
            }

            @Override
            public String etag() {
                return self.etag();
            }

            @Override
            public void write(OutputStream out, long from, long toExclusive) throws IOException {
                self.write(out, from, toExclusive);
            }
        };
    }

    static ByteSource of(byte[] bytes, String contentType) {
        String etag = "\"" + sha256(bytes).substring(0, 32) + "\"";
        return new ByteSource() {
            @Override
            public long length() {
                return bytes.length;
            }

            @Override
            public String contentType() {
                return contentType;
            }

            @Override
            public String etag() {
                return etag;
            }

            @Override
            public void write(OutputStream out, long from, long toExclusive) throws IOException {
                out.write(bytes, (int) from, (int) (toExclusive - from));
            }
        };
    }

    static ByteSource of(String text, String contentType) {
        return of(text.getBytes(StandardCharsets.UTF_8), contentType);
    }

    /** A generated stream (see {@link GeneratedBytes}) of {@code size} bytes, served in constant memory. */
    static ByteSource generated(long size, String contentType) {
        return new ByteSource() {
            @Override
            public long length() {
                return size;
            }

            @Override
            public String contentType() {
                return contentType;
            }

            @Override
            public String etag() {
                return "\"generated-" + size + "\"";
            }

            @Override
            public void write(OutputStream out, long from, long toExclusive) throws IOException {
                GeneratedBytes.write(out, from, toExclusive);
            }
        };
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
