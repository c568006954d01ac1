package dev.tapedeck.download;

import dev.tapedeck.MediaRequest;
import dev.tapedeck.MediaStream;
import dev.tapedeck.model.Recording;
import dev.tapedeck.model.TapedeckError;
import io.vavr.control.Either;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedByInterruptException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.LongConsumer;

/**
 * Streams one resource (a recording's media or one HLS segment) into a temp file in a fixed 64 KiB buffer,
 * hashing as it goes, and checks that the bytes add up.
 *
 * <p>When the body breaks mid-stream it asks again from the next byte ({@code Range}, with the ETag as
 * {@code If-Range}); an answer from byte 0 (a server that ignores ranges, or a changed resource) truncates the
 * file and starts over, an answer from any other byte is an {@link TapedeckError.Integrity} failure. A body that
 * ends before its announced length, or keeps breaking until the attempts run out while its length is known, is
 * an integrity failure too. Interrupting the thread stops the transfer at the next buffer.
 */
final class Transfer {

    private final LiveRecording live;
    private final int maxAttempts;

    Transfer(LiveRecording live, int maxAttempts) {
        this.live = live;
        this.maxAttempts = maxAttempts;
    }

    /**
     * Fetches the resource that {@code part} picks from the current recording into {@code temp} (created or
     * truncated), reporting the bytes written so far to {@code progress}. {@code what} names the resource in
     * messages. The caller moves or deletes {@code temp} afterwards.
     */
    Either<TapedeckError, Fingerprint> fetch(Function<Recording, Either<TapedeckError, Optional<URI>>> part,
            Path temp, LongConsumer progress, String what) {
        MessageDigest digest = Hashing.sha256();
        byte[] buffer = new byte[Hashing.BUFFER_SIZE];
        String provider = live.current().provider();
        try (FileChannel out = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            long written = 0;
            Optional<String> etag = Optional.empty();
            Optional<Long> announced = Optional.empty();
            String lastBreak = "";
            for (int attempt = 1; attempt <= maxAttempts; attempt++) {
                if (Thread.currentThread().isInterrupted()) {
                    return interrupted(provider, what);
                }
                long from = written;
                Optional<String> validator = from == 0 ? Optional.empty() : etag;
                Either<TapedeckError, MediaStream> opened = live.open(recording -> part.apply(recording)
                        .map(uri -> new MediaRequest(uri, from, validator)));
                if (opened.isLeft()) {
                    return Thread.currentThread().isInterrupted() ? interrupted(provider, what) : Either.left(opened.getLeft());
                }
                MediaStream media = opened.get();
                try {
                    if (media.offset() != written) {
                        if (media.offset() != 0) {
                            return Either.left(new TapedeckError.Integrity(provider, what + ": asked for the bytes from "
                                    + written + " on, but the server answered from byte " + media.offset()
                                    + "; download it again"));
                        }
                        out.truncate(0);
                        out.position(0);
                        digest.reset();
                        written = 0;
                    }
                    if (media.offset() == 0 || etag.isEmpty()) {
                        etag = media.etag();
                    }
                    long offset = media.offset();
                    Optional<Long> end = media.length().map(length -> offset + length);
                    Optional<Long> earlier = announced;
                    announced = media.totalSize().or(() -> end).or(() -> earlier);
                    boolean broke = false;
                    while (true) {
                        if (Thread.currentThread().isInterrupted()) {
                            return interrupted(provider, what);
                        }
                        int n;
                        try {
                            n = media.body().read(buffer);
                        } catch (IOException broken) {
                            if (Thread.currentThread().isInterrupted() || causedByInterrupt(broken)) {
                                return interrupted(provider, what);
                            }
                            lastBreak = broken.getClass().getSimpleName();
                            broke = true;
                            break;
                        }
                        if (n < 0) {
                            break;
                        }
                        writeFully(out, buffer, n);
                        digest.update(buffer, 0, n);
                        written += n;
                        progress.accept(written);
                    }
                    if (broke) {
                        continue;
                    }
                    Optional<Long> expected = announced;
                    if (expected.isPresent() && expected.get() != written) {
                        return Either.left(new TapedeckError.Integrity(provider, what + ": the body ended after "
                                + written + " bytes but the server announced " + expected.get()
                                + "; the file was not kept, download it again"));
                    }
                    out.force(true);
                    return Either.right(new Fingerprint(written, Hashing.hex(digest.digest())));
                } finally {
                    closeQuietly(media);
                }
            }
            if (announced.isPresent() && written < announced.get()) {
                return Either.left(new TapedeckError.Integrity(provider, what + ": received " + written + " of "
                        + announced.get() + " bytes in " + maxAttempts + " attempts, the transfer broke each time ("
                        + lastBreak + "); the file was not kept, try again later"));
            }
            return Either.left(new TapedeckError.Transport(provider, what + ": the transfer broke " + maxAttempts
                    + " times (" + lastBreak + ") after " + written + " bytes; try again later"));
        } catch (ClosedByInterruptException interrupted) {
            return interrupted(provider, what);
        } catch (IOException storage) {
            if (Thread.currentThread().isInterrupted()) {
                return interrupted(provider, what);
            }
            return Either.left(new TapedeckError.Storage(provider, "could not write " + temp + ": " + storage
                    + "; check free space and permissions of the folder"));
        }
    }

    /** Whether a read failed because the thread was interrupted, even if the client cleared the flag. */
    private static boolean causedByInterrupt(IOException failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof InterruptedException || cause instanceof ClosedByInterruptException
                    || cause instanceof InterruptedIOException && !(cause instanceof SocketTimeoutException)) {
                return true;
            }
        }
        return false;
    }

    private static void writeFully(FileChannel out, byte[] buffer, int length) throws IOException {
        ByteBuffer bytes = ByteBuffer.wrap(buffer, 0, length);
        while (bytes.hasRemaining()) {
            out.write(bytes);
        }
    }

    private static void closeQuietly(MediaStream media) {
        try {
            media.close();
        } catch (IOException ignored) {
            // A body that fails to close has already delivered or failed; the connection is the client's to drop.
        }
    }

    private static <T> Either<TapedeckError, T> interrupted(String provider, String what) {
        Thread.currentThread().interrupt();
        return Either.left(new TapedeckError.Transport(provider, what + ": interrupted; nothing was kept under "
                + "the final name, run the download again to finish it"));
    }
}
