package dev.tapedeck.download;

import dev.tapedeck.model.Recording;
import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.Optional;

/**
 * The hidden {@code .part} file one resource is written to, with its running SHA-256 (and, for an event recording,
 * its running JSON check), and for a recording's own file the {@link ResumeNote} that lets a later run go on with
 * it.
 *
 * <p>A resumable part is reopened from what its note vouches for: the part is cut back to the note's byte count
 * and those bytes are hashed (and checked) again from disk, so the result is the same as one unbroken transfer. A
 * missing note, a note for another recording, or a part shorter than its note start it over. While bytes arrive,
 * every {@value #CHECKPOINT_BYTES} bytes a checkpoint is asked for: in the background ({@link BackgroundCheckpoints})
 * the part is synced and only then the note rewritten, so the note never vouches for a byte that is not on disk,
 * and a killed process loses little; a break or an interrupt writes the note at once.
 *
 * <p>The bytes are written on the caller's thread from the buffers of a {@link HashingRing} ({@link #buffer()},
 * {@link #write(int)}) and hashed (and checked) on the ring's thread, so hashing overlaps the network and the disk;
 * {@link #finish()} waits for the hash, then syncs the part once.
 *
 * <p>{@link #close()} deletes the part and its note unless {@link #keepForResume()} was called and there is
 * something to resume (a validator and at least one byte); after {@link #finish()} and a move of the part into
 * place it only removes the note. Not thread-safe: one transfer at a time.
 */
final class PartialFile implements Closeable {

    /** How many bytes may arrive between two syncs of a resumable part and its note. */
    static final long CHECKPOINT_BYTES = 4L * 1024 * 1024;

    private final Path part;
    private final Optional<Path> notePath;
    private final Optional<Recording> owner;
    private final FileChannel channel;
    private final MessageDigest digest = Hashing.sha256();
    private final boolean checkJson;
    private final HashingRing ring = new HashingRing(this::hash);
    private final BackgroundCheckpoints checkpoints = new BackgroundCheckpoints(this::checkpointAt);
    private JsonSyntax json;
    private long written;
    private long requested;
    private long checkpointed;
    private volatile Optional<String> validator = Optional.empty();
    private boolean keep;

    private PartialFile(Path part, Optional<Path> notePath, Optional<Recording> owner, boolean checkJson)
            throws IOException {
        this.part = part;
        this.notePath = notePath;
        this.owner = owner;
        this.checkJson = checkJson;
        this.json = checkJson ? new JsonSyntax() : null;
        this.channel = FileChannel.open(part, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
    }

    /** A part that starts empty and is never resumed by a later run (an HLS segment). */
    static PartialFile fresh(Path part, boolean checkJson) throws IOException {
        PartialFile file = new PartialFile(part, Optional.empty(), Optional.empty(), checkJson);
        file.restart();
        return file;
    }

    /** The part of {@code recording}'s own file, resumed from what the note at {@code note} vouches for, or started over. */
    static PartialFile resumable(Path part, Path note, Recording recording, boolean checkJson) throws IOException {
        PartialFile file = new PartialFile(part, Optional.of(note), Optional.of(recording), checkJson);
        try {
            Optional<ResumeNote> kept = ResumeNote.read(note).filter(n -> n.isFor(recording))
                    .filter(n -> n.bytes() <= sizeOf(part));
            if (kept.isPresent()) {
                file.reload(kept.get());
            } else {
                file.restart();
                LocalFiles.deleteQuietly(note);
            }
            return file;
        } catch (IOException | RuntimeException failed) {
            file.channel.close();
            throw failed;
        }
    }

    /** Where the part is, for questions about the disk it is on. */
    Path path() {
        return part;
    }

    /** The bytes in the part so far. */
    long written() {
        return written;
    }

    /** The validator the bytes in the part came with, for {@code If-Range}. */
    Optional<String> validator() {
        return validator;
    }

    /** Empties the part: the next bytes are the resource's first. */
    void restart() throws IOException {
        ring.await();
        checkpoints.quiesce();
        channel.truncate(0);
        channel.position(0);
        digest.reset();
        json = checkJson ? new JsonSyntax() : null;
        written = 0;
        requested = 0;
        synchronized (this) {
            checkpointed = 0;
        }
        validator = Optional.empty();
    }

    /** Notes the validator of a body that starts at byte 0. */
    void startedWith(Optional<String> value) {
        validator = value;
    }

    /** The buffer to read the next bytes into; {@link #write(int)} appends its first bytes. */
    byte[] buffer() throws IOException {
        return ring.buffer();
    }

    /**
     * Appends {@code buffer()[0, length)} and hands it to be hashed; asks for a checkpoint every
     * {@value #CHECKPOINT_BYTES} bytes. The next {@link #buffer()} may be another array.
     */
    void write(int length) throws IOException {
        ByteBuffer bytes = ByteBuffer.wrap(ring.buffer(), 0, length);
        while (bytes.hasRemaining()) {
            channel.write(bytes);
        }
        ring.hand(length);
        written += length;
        if (written - requested >= CHECKPOINT_BYTES && notePath.isPresent()) {
            requested = written;
            checkpoints.request(written);
        }
    }

    /** Runs on the ring's thread, in order: the running hash and JSON check. */
    private void hash(byte[] bytes, int length) {
        digest.update(bytes, 0, length);
        if (json != null) {
            json.update(bytes, 0, length);
        }
    }

    /**
     * Syncs the part and rewrites its note, when it has one and something to resume. Works on an interrupted
     * thread too (whose interrupt it keeps), since that is when a part is most worth keeping: an interrupt closes
     * a file channel, so the part is then synced through a new one.
     */
    void checkpoint() throws IOException {
        checkpointAt(written);
    }

    /** The checkpoint of the first {@code bytes} bytes, all written already; on any thread, one at a time. */
    private synchronized void checkpointAt(long bytes) throws IOException {
        Optional<String> value = validator;
        if (notePath.isEmpty() || value.isEmpty() || bytes == 0 || bytes <= checkpointed) {
            return;
        }
        boolean interrupted = Thread.interrupted();
        try {
            if (channel.isOpen()) {
                channel.force(false);
            } else {
                try (FileChannel again = FileChannel.open(part, StandardOpenOption.WRITE)) {
                    again.force(false);
                }
            }
            ResumeNote.of(owner.orElseThrow(), value.get(), bytes).write(notePath.get());
            checkpointed = bytes;
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * Syncs the part and gives its fingerprint, or why an event recording's bytes are not JSON; the part can be
     * moved into place afterwards.
     */
    Result finish() throws IOException {
        ring.await();
        checkpoints.quiesce();
        channel.force(true);
        Optional<String> problem = json == null ? Optional.empty() : json.finish();
        return new Result(new Fingerprint(written, Hashing.hex(digest.digest())), problem);
    }

    /**
     * What a finished part holds.
     *
     * @param fingerprint its size and SHA-256
     * @param problem     why an event recording's bytes are not well-formed JSON
     */
    record Result(Fingerprint fingerprint, Optional<String> problem) {
    }

    /** Keeps the part and its note for a later run instead of deleting them on {@link #close()}. */
    void keepForResume() {
        keep = true;
    }

    /** Closes the part; deletes it and its note unless kept for a resume that is possible. */
    @Override
    public void close() throws IOException {
        boolean resumable = keep && notePath.isPresent() && validator.isPresent() && written > 0;
        ring.close();
        checkpoints.quiesce();
        try {
            if (resumable) {
                checkpoint();
            }
        } finally {
            channel.close();
            if (!resumable) {
                LocalFiles.deleteQuietly(part);
                notePath.ifPresent(LocalFiles::deleteQuietly);
            }
        }
    }

    /** Cuts the part back to what {@code note} vouches for and hashes (and checks) those bytes again. */
    private void reload(ResumeNote note) throws IOException {
        channel.truncate(note.bytes());
        byte[] buffer = new byte[Hashing.BUFFER_SIZE];
        ByteBuffer wrapped = ByteBuffer.wrap(buffer);
        long position = 0;
        while (position < note.bytes()) {
            wrapped.clear().limit((int) Math.min(buffer.length, note.bytes() - position));
            int n = channel.read(wrapped, position);
            if (n < 0) {
                throw new IOException("the part ended before byte " + note.bytes());
            }
            digest.update(buffer, 0, n);
            if (json != null) {
                json.update(buffer, 0, n);
            }
            position += n;
        }
        channel.position(note.bytes());
        written = note.bytes();
        requested = written;
        checkpointed = written;
        validator = Optional.of(note.validator());
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException missing) {
            return -1;
        }
    }
}
