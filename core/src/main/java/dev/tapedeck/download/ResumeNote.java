package dev.tapedeck.download;

import dev.tapedeck.model.Recording;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;

/**
 * The small note kept beside an interrupted download's hidden {@code .part} file, so that a later run can go on
 * with it: whose bytes they are (provider, session, recording), the server's validator (strong ETag, else
 * Last-Modified) and how many bytes of the part are synced to disk. Never the URL: a presigned query is a secret,
 * and a fresh one is asked for anyway.
 *
 * <p>Written as Java properties, in place, after the part is synced. A note cut short by a crash reads as missing
 * or as fewer bytes, both of which only make the next run fetch more.
 *
 * @param provider    the provider id
 * @param sessionId   the session id
 * @param recordingId the recording id
 * @param validator   what the next request sends as {@code If-Range}
 * @param bytes       how many bytes at the start of the part are synced and may be kept
 */
record ResumeNote(String provider, String sessionId, String recordingId, String validator, long bytes) {

    private static final long MAX_NOTE_BYTES = 16 * 1024;

    /** Checks for nulls and a positive count. */
    ResumeNote {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(recordingId, "recordingId");
        Objects.requireNonNull(validator, "validator");
        if (bytes < 1) {
            throw new IllegalArgumentException("a note is for at least one byte, not " + bytes);
        }
    }

    /** The note for {@code bytes} bytes of {@code recording}'s part that came with {@code validator}. */
    static ResumeNote of(Recording recording, String validator, long bytes) {
        return new ResumeNote(recording.provider(), recording.sessionId().value(), recording.id().value(), validator,
                bytes);
    }

    /** Whether this note is about {@code recording}. */
    boolean isFor(Recording recording) {
        return provider.equals(recording.provider()) && sessionId.equals(recording.sessionId().value())
                && recordingId.equals(recording.id().value());
    }

    /** The note in {@code file}; empty when there is none or it cannot be read whole. */
    static Optional<ResumeNote> read(Path file) {
        try {
            if (!Files.isRegularFile(file) || Files.size(file) > MAX_NOTE_BYTES) {
                return Optional.empty();
            }
            Properties properties = new Properties();
            try (InputStream in = Files.newInputStream(file)) {
                properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            }
            String bytes = properties.getProperty("bytes", "");
            String[] fields = {properties.getProperty("provider"), properties.getProperty("session"),
                properties.getProperty("recording"), properties.getProperty("validator")};
            for (String field : fields) {
                if (field == null) {
                    return Optional.empty();
                }
            }
            if (!bytes.matches("[1-9][0-9]{0,17}")) {
                return Optional.empty();
            }
            return Optional.of(new ResumeNote(fields[0], fields[1], fields[2], fields[3], Long.parseLong(bytes)));
        } catch (IOException | IllegalArgumentException unreadable) {
            return Optional.empty();
        }
    }

    /** Writes this note to {@code file} and syncs it. */
    void write(Path file) throws IOException {
        Properties properties = new Properties();
        properties.setProperty("provider", provider);
        properties.setProperty("session", sessionId);
        properties.setProperty("recording", recordingId);
        properties.setProperty("validator", validator);
        properties.setProperty("bytes", Long.toString(bytes));
        StringWriter text = new StringWriter();
        properties.store(text, "tapedeck: what the hidden .part file beside this note holds, to resume it");
        LocalFiles.writeSynced(file, text.toString().getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return "ResumeNote[" + provider + " " + sessionId + " " + recordingId + ", " + bytes + " bytes]";
    }
}
