package dev.tapedeck.download;

import dev.tapedeck.MediaRequest;
import dev.tapedeck.MediaStream;
import dev.tapedeck.model.Recording;
import dev.tapedeck.model.TapedeckError;
import io.vavr.control.Either;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.channels.ClosedByInterruptException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.LongConsumer;

/**
 * Streams one resource (a recording's media or one HLS part) into a {@link PartialFile} through its bounded buffers,
 * and checks that what arrives is what was expected and that the bytes add up.
 *
 * <p>A body that starts at byte 0 is first checked by {@link ContentSniffer} (its first bytes and Content-Type)
 * before a byte is written; any body is refused when its Content-Type is HTML, or text where media is expected.
 * When the body breaks mid-stream, or ends cleanly before its announced length, the transfer asks again from the
 * next byte ({@code Range}, with the validator as {@code If-Range}); an answer from byte 0 (a server that ignores
 * ranges, or a changed resource) empties the part and starts over, an answer from any other byte is an
 * {@link TapedeckError.Integrity} failure, and so is a range refused outright (after which the part starts over).
 * Bytes are only ever joined to bytes of the same version: bytes kept without a validator (the server gave no
 * strong ETag nor Last-Modified) are not resumed but fetched again, and a ranged answer whose validator, or total
 * size, is not that of the bytes kept starts the part over.
 * A body longer than announced, or than the {@code limit} the provider's size sets, fails at once. Breaks use up
 * attempts; when they run out the part is kept for a later run. Interrupting the thread stops the transfer at the
 * next buffer, also keeping the part.
 */
final class Transfer {

    /** How many bytes are written between two looks at the disk's free space. */
    static final long SPACE_CHECK_BYTES = 64L * 1024 * 1024;

    private final LiveRecording live;
    private final int maxAttempts;
    private final long minFreeBytes;

    Transfer(LiveRecording live, int maxAttempts, long minFreeBytes) {
        this.live = live;
        this.maxAttempts = maxAttempts;
        this.minFreeBytes = minFreeBytes;
    }

    /**
     * What one resource must be.
     *
     * @param content what its bytes must look like
     * @param size    its size, when the provider declared it: a clean end before it is a break, as for a length
     *                the server announced
     * @param limit   the most bytes it may have
     * @param bound   what sets the limit, for the message of a body that passes it
     */
    record Expectation(ContentSniffer.Expected content, Optional<Long> size, Optional<Long> limit, String bound) {

        /** What a limit set by the provider's size is called. */
        static final String PROVIDER_SIZE = "the provider's size";
        /** What a limit set by {@link DownloadOptions#maxRecordingBytes()} is called. */
        static final String MAX_SIZE = "the largest recording saved (--max-size, DownloadOptions.maxRecordingBytes); "
                + "raise it if the recording is really that large";

        /**
         * A recording's own file: what its format holds, of the provider's size when it gave one, and of at most
         * {@code max} bytes.
         */
        static Expectation of(Recording recording, long max) {
            Optional<Long> declared = recording.sizeBytes();
            boolean ownSize = declared.filter(size -> size <= max).isPresent();
            return new Expectation(ContentSniffer.Expected.of(recording), declared,
                    Optional.of(ownSize ? declared.get() : max), ownSize ? PROVIDER_SIZE : MAX_SIZE);
        }

        /**
         * One resource of an HLS playlist: of at most {@code budget} bytes, what is left of the playlist's size when
         * the provider declares it, and of at most {@code room}, what is left of the largest recording saved.
         */
        static Expectation hlsPart(boolean sideFile, Optional<Long> budget, long room) {
            boolean ownSize = budget.filter(left -> left <= room).isPresent();
            return new Expectation(sideFile ? ContentSniffer.Expected.SIDE_FILE : ContentSniffer.Expected.SEGMENT,
                    Optional.empty(), Optional.of(ownSize ? budget.get() : room), ownSize ? PROVIDER_SIZE : MAX_SIZE);
        }
    }

    /**
     * Fetches the resource that {@code part} picks from the current recording into {@code file}, going on from the
     * bytes it already holds, and reports the bytes so far to {@code progress}. {@code expectation} says what the
     * body must be, {@code what} names it in messages. On a failure after which the bytes are worth resuming,
     * {@code file} is marked to be kept; the caller closes it.
     */
    Either<TapedeckError, Fingerprint> fetch(Function<Recording, Either<TapedeckError, Optional<URI>>> part,
            PartialFile file, Expectation expectation, LongConsumer progress, String what) {
        String provider = live.current().provider();
        ContentSniffer.Expected expected = expectation.content();
        Optional<Long> limit = expectation.limit();
        try {
            Optional<Long> announced = Optional.empty();
            String lastBreak = "";
            boolean restartedAfterRefusedRange = false;
            if (file.written() > 0) {
                progress.accept(file.written());
            }
            for (int attempt = 1; attempt <= maxAttempts; attempt++) {
                if (Thread.currentThread().isInterrupted()) {
                    return interrupted(file, provider, what);
                }
                if (file.written() > 0 && file.validator().isEmpty()) {
                    // Without a validator nothing proves that the rest the server sends now belongs to the bytes
                    // kept: start over rather than splice two versions into one file.
                    file.restart();
                }
                if (file.written() == 0) {
                    // What an earlier answer announced belongs to the bytes it sent; an empty part has none.
                    announced = Optional.empty();
                }
                long from = file.written();
                Optional<String> validator = from == 0 ? Optional.empty() : file.validator();
                Either<TapedeckError, MediaStream> opened = live.open(recording -> part.apply(recording)
                        .map(uri -> new MediaRequest(uri, from, validator)));
                if (opened.isLeft()) {
                    if (Thread.currentThread().isInterrupted()) {
                        return interrupted(file, provider, what);
                    }
                    if (from > 0 && opened.getLeft() instanceof TapedeckError.Integrity && !restartedAfterRefusedRange) {
                        // The server will not give the rest (e.g. 416 for kept bytes it no longer has): start over.
                        restartedAfterRefusedRange = true;
                        file.restart();
                        continue;
                    }
                    return Either.left(opened.getLeft());
                }
                MediaStream media = opened.get();
                try {
                    Body body = new Body(media, file);
                    if (media.offset() != from) {
                        if (media.offset() != 0) {
                            return Either.left(new TapedeckError.Integrity(provider, what + ": asked for the bytes "
                                    + "from " + from + " on, but the server answered from byte " + media.offset()
                                    + "; download it again"));
                        }
                        file.restart();
                        announced = Optional.empty();
                    } else if (from > 0 && changedSince(media, validator, announced.or(expectation::size))) {
                        // A server that ignores If-Range, or answers for another version: the rest is not of
                        // these bytes. Ask again from byte 0.
                        lastBreak = "the server answered the range for another version of the file";
                        file.restart();
                        continue;
                    }
                    Optional<String> refused = media.offset() == 0 ? body.refusal(expected)
                            : ContentSniffer.refusedType(expected, media.contentType());
                    if (refused.isPresent()) {
                        return Either.left(refusal(provider, what, refused.get(), expected));
                    }
                    if (media.offset() == 0) {
                        file.startedWith(media.validator());
                    }
                    long offset = media.offset();
                    Optional<Long> end = media.length().map(length -> offset + length);
                    Optional<Long> earlier = announced;
                    announced = media.totalSize().or(() -> end).or(() -> earlier).or(expectation::size);
                    Optional<Long> tooBig = announced.filter(size -> limit.isPresent() && size > limit.get());
                    if (tooBig.isPresent()) {
                        return Either.left(tooLarge(provider, what, tooBig.get(), limit.get(), expectation.bound()));
                    }
                    Optional<String> broke = body.copyTo(progress, limit, minFreeBytes);
                    if (Thread.currentThread().isInterrupted() || broke.filter(Body.INTERRUPTED::equals).isPresent()) {
                        return interrupted(file, provider, what);
                    }
                    if (broke.filter(Body.DISK_FULL::equals).isPresent()) {
                        file.keepForResume();
                        return Either.left(new TapedeckError.Storage(provider, what + ": the disk holding "
                                + file.path().getParent() + " has less than " + minFreeBytes + " bytes free, the "
                                + "space a download leaves (--min-free, DownloadOptions.minFreeBytes); stopped after "
                                + file.written() + " bytes, free some space and run again to go on"));
                    }
                    if (limit.isPresent() && file.written() > limit.get()) {
                        return Either.left(tooLarge(provider, what, file.written(), limit.get(), expectation.bound()));
                    }
                    if (broke.isEmpty() && announced.isPresent() && file.written() < announced.get()) {
                        broke = Optional.of("the body ended early");
                    }
                    if (broke.isPresent()) {
                        lastBreak = broke.get();
                        file.checkpoint();
                        continue;
                    }
                    if (announced.isPresent() && file.written() != announced.get()) {
                        return Either.left(new TapedeckError.Integrity(provider, what + ": the body ran on after "
                                + announced.get() + " bytes, the length the server announced; nothing was kept, "
                                + "download it again"));
                    }
                    PartialFile.Result result = file.finish();
                    if (result.problem().isPresent()) {
                        return Either.left(new TapedeckError.Integrity(provider, what + ": the event recording "
                                + "arrived, but " + result.problem().get() + "; nothing was kept, try again later"));
                    }
                    return Either.right(result.fingerprint());
                } finally {
                    closeQuietly(media);
                }
            }
            file.keepForResume();
            if (announced.isPresent() && file.written() < announced.get()) {
                return Either.left(new TapedeckError.Integrity(provider, what + ": received " + file.written() + " of "
                        + announced.get() + " bytes in " + maxAttempts + " attempts, the transfer broke each time ("
                        + lastBreak + "); the final name was left alone, run the download again to resume it"));
            }
            return Either.left(new TapedeckError.Transport(provider, what + ": the transfer broke " + maxAttempts
                    + " times (" + lastBreak + ") after " + file.written() + " bytes; run the download again to "
                    + "resume it"));
        } catch (ClosedByInterruptException interrupted) {
            return interrupted(file, provider, what);
        } catch (IOException storage) {
            if (Thread.currentThread().isInterrupted()) {
                return interrupted(file, provider, what);
            }
            return Either.left(new TapedeckError.Storage(provider, "could not write the download of " + what
                    + ": " + storage + "; check free space and permissions of the folder"));
        }
    }

    /**
     * A media body read into the part's current buffer ({@link PartialFile#buffer()}): its first bytes can be looked
     * at before any is written, and each buffer takes what has arrived before it is written, so the disk sees large
     * writes while the body flows and everything that arrived while it pauses.
     */
    private static final class Body {
        static final String INTERRUPTED = "interrupted";
        static final String DISK_FULL = "the disk is full";

        private final MediaStream media;
        private final PartialFile file;
        private int buffered;
        private boolean ended;
        private Optional<String> broke = Optional.empty();

        Body(MediaStream media, PartialFile file) {
            this.media = media;
            this.file = file;
        }

        /** Reads the first bytes and asks {@link ContentSniffer} whether they may be kept. */
        Optional<String> refusal(ContentSniffer.Expected expected) throws IOException {
            byte[] buffer = file.buffer();
            while (buffered < ContentSniffer.HEAD_BYTES && !ended && broke.isEmpty()) {
                read(buffer);
            }
            boolean endedEarly = ended && media.length().filter(length -> buffered < length).isPresent();
            if (broke.isPresent() || endedEarly) {
                // Unchecked bytes are never written: the next attempt asks for them again and checks them then. A
                // body that ends before its announced length is cut short, not a small file of another kind.
                buffered = 0;
                return Optional.empty();
            }
            Optional<Long> size = ended ? Optional.of((long) buffered) : media.length();
            return ContentSniffer.refusal(expected, buffer, buffered, media.contentType(), size);
        }

        /**
         * Writes what was read ahead and the rest of the body to the part; says why the body broke off, when it
         * did (an interrupt is {@link #INTERRUPTED}). Stops reading once {@code limit} is passed, and before the
         * disk has less than {@code minFree} bytes free ({@link #DISK_FULL}; looked at first and then every
         * {@link #SPACE_CHECK_BYTES}).
         */
        Optional<String> copyTo(LongConsumer progress, Optional<Long> limit, long minFree) throws IOException {
            long nextSpaceCheck = file.written();
            while (true) {
                if (minFree > 0 && file.written() >= nextSpaceCheck) {
                    if (lowOnSpace(minFree)) {
                        return Optional.of(DISK_FULL);
                    }
                    nextSpaceCheck = file.written() + SPACE_CHECK_BYTES;
                }
                if (buffered > 0) {
                    file.write(buffered);
                    buffered = 0;
                    progress.accept(file.written());
                }
                if (ended || broke.isPresent() || limit.isPresent() && file.written() > limit.get()) {
                    return broke;
                }
                if (Thread.currentThread().isInterrupted()) {
                    return Optional.of(INTERRUPTED);
                }
                byte[] buffer = file.buffer();
                do {
                    read(buffer);
                } while (buffered < buffer.length && !ended && broke.isEmpty() && more());
            }
        }

        /** Whether the part's disk has less than {@code minFree} bytes usable; false when it cannot say. */
        private boolean lowOnSpace(long minFree) {
            try {
                FileStore store = Files.getFileStore(file.path());
                return store.getTotalSpace() > 0 && store.getUsableSpace() < minFree;
            } catch (IOException unknown) {
                return false;
            }
        }

        /**
         * Whether more bytes can be read into the buffer before it is written: only those already here, so that a
         * body that pauses has everything it sent on disk while it waits.
         */
        private boolean more() {
            try {
                return !Thread.currentThread().isInterrupted() && media.body().available() > 0;
            } catch (IOException unknown) {
                return false;
            }
        }

        private void read(byte[] buffer) {
            InputStream in = media.body();
            try {
                int n = in.read(buffer, buffered, buffer.length - buffered);
                if (n < 0) {
                    ended = true;
                } else {
                    buffered += n;
                }
            } catch (IOException failed) {
                broke = Optional.of(Thread.currentThread().isInterrupted() || causedByInterrupt(failed)
                        ? INTERRUPTED : failed.getClass().getSimpleName());
            }
        }
    }

    /**
     * Whether a ranged answer is for another version of the resource than the bytes kept: its validator is not the
     * one they came with, or its total size is not the one known for them.
     */
    private static boolean changedSince(MediaStream media, Optional<String> validator, Optional<Long> total) {
        return !media.validator().equals(validator)
                || media.totalSize().isPresent() && total.isPresent() && !media.totalSize().equals(total);
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

    private static void closeQuietly(MediaStream media) {
        try {
            media.close();
        } catch (IOException ignored) {
            // A body that fails to close has already delivered or failed; the connection is the client's to drop.
        }
    }

    private static TapedeckError refusal(String provider, String what, String arrived,
            ContentSniffer.Expected expected) {
        return new TapedeckError.Integrity(provider, what + ": instead of " + expected.description()
                + ", the server sent " + arrived + "; nothing was kept, try again later");
    }

    private static TapedeckError tooLarge(String provider, String what, long size, long limit, String bound) {
        return new TapedeckError.Integrity(provider, what + ": the body has at least " + size + " bytes, more than the "
                + limit + " it may have (" + bound + "); nothing was kept, download it again");
    }

    private static <T> Either<TapedeckError, T> interrupted(PartialFile file, String provider, String what) {
        Thread.currentThread().interrupt();
        file.keepForResume();
        return Either.left(new TapedeckError.Transport(provider, what + ": interrupted; nothing was kept under "
                + "the final name, run the download again to finish it"));
    }
}
