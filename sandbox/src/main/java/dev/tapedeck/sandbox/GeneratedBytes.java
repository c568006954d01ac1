package dev.tapedeck.sandbox;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * The deterministic content of the media host's generated streams ({@code /generated/{bytes}}): the byte at any
 * offset is a pure function of that offset, so a stream of any size is served in constant memory and a test can
 * verify what it downloaded (or resumed) without keeping a copy.
 *
 * <p>A stream is laid out as an MP4 file, so that a download that checks what it receives takes it for one: an
 * {@code ftyp} box ({@code isom}), then an {@code mdat} box of size 0 ("to the end of the file", so the header is
 * the same whatever the stream's length) whose payload is pseudo-random bytes. A stream shorter than the
 * {@value #HEADER_BYTES}-byte header is the start of the header.
 */
public final class GeneratedBytes {

    /** The length of the MP4 box headers every stream starts with. */
    public static final int HEADER_BYTES = 32;

    private static final int CHUNK = 64 * 1024;
    private static final byte[] HEADER = {
        0, 0, 0, 24, 'f', 't', 'y', 'p', 'i', 's', 'o', 'm', 0, 0, 2, 0, 'i', 's', 'o', 'm', 'm', 'p', '4', '1',
        0, 0, 0, 0, 'm', 'd', 'a', 't'};

    private GeneratedBytes() {
    }

    /** The byte at {@code offset} of every generated stream. */
    public static byte at(long offset) {
        if (offset < 0) {
            throw new IllegalArgumentException("offset must not be negative: " + offset);
        }
        if (offset < HEADER_BYTES) {
            return HEADER[(int) offset];
        }
        return (byte) (mix(offset >>> 3) >>> ((offset & 7) * 8));
    }

    /** Fills {@code buffer[start, start+length)} with the bytes from {@code offset} on. */
    public static void fill(long offset, byte[] buffer, int start, int length) {
        for (int i = 0; i < length; i++) {
            buffer[start + i] = at(offset + i);
        }
    }

    /** The bytes in {@code [from, toExclusive)} as a stream, generated as they are read. */
    public static InputStream stream(long from, long toExclusive) {
        if (from < 0 || toExclusive < from) {
            throw new IllegalArgumentException("invalid range [" + from + ", " + toExclusive + ")");
        }
        return new InputStream() {
            private long position = from;

            @Override
            public int read() {
                return position < toExclusive ? at(position++) & 0xFF : -1;
            }

            @Override
            public int read(byte[] buffer, int start, int length) {
                if (length == 0) {
                    return 0;
                }
                if (position >= toExclusive) {
                    return -1;
                }
                int n = (int) Math.min(length, toExclusive - position);
                fill(position, buffer, start, n);
                position += n;
                return n;
            }
        };
    }

    static void write(OutputStream out, long from, long toExclusive) throws IOException {
        byte[] buffer = new byte[CHUNK];
        for (long position = from; position < toExclusive; ) {
            int n = (int) Math.min(CHUNK, toExclusive - position);
            fill(position, buffer, 0, n);
            out.write(buffer, 0, n);
            position += n;
        }
    }

    // SplitMix64's finaliser: cheap, well spread, and the same on every JVM.
    private static long mix(long block) {
        long z = block * 0x9E3779B97F4A7C15L + 0x632BE59BD9B4E019L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
