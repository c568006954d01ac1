package dev.tapedeck.archive;

import dev.tapedeck.download.DownloadStatus;
import dev.tapedeck.download.LocalFiles;
import dev.tapedeck.model.TapedeckError;
import io.vavr.control.Either;
import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An archive's manifest {@value #FILE_NAME}: JSON Lines, one {@link ManifestEntry} per line, the latest line per
 * recording winning.
 *
 * <p>Each line is appended as its download completes, and {@link #append} returns only once the line is synced to
 * disk, so an interrupted run loses no line it reported; writes use a stream that a thread interrupt cannot close.
 * Lines that arrive together are committed together (group commit): the first caller writes every line waiting
 * and syncs once for all of them, while the others wait for that sync, so parallel downloads do not queue behind
 * one sync per line. Callers append only what is already durable (a downloaded file is synced and in place first),
 * so a line never vouches for a file a crash could take back. A truncated last line
 * (a crash mid-write) is ignored; a bad line elsewhere is an error. Opening a manifest rewrites it compacted (the
 * latest line per recording, atomically replaced), which also drops such a truncated line.
 */
public final class Manifest implements AutoCloseable {

    /** The manifest's file name inside the archive folder. */
    public static final String FILE_NAME = "manifest.jsonl";

    private final Map<ManifestEntry.Key, ManifestEntry> latest;
    private final FileOutputStream out;
    private final List<byte[]> waiting = new ArrayList<>();
    private final List<FailedBatch> failed = new ArrayList<>();
    private long queued;
    private long synced;
    private boolean committing;

    /** The lines {@code (from, to]} in queue order, which could not be written: {@code error} says why. */
    private record FailedBatch(long from, long to, IOException error) {
    }

    private Manifest(Map<ManifestEntry.Key, ManifestEntry> latest, FileOutputStream out) {
        this.latest = latest;
        this.out = out;
    }

    /** The latest entry per recording in {@code file}, in order of first appearance; empty when there is no file. */
    public static Either<TapedeckError, List<ManifestEntry>> read(Path file) {
        return readLatest(file).map(entries -> List.copyOf(entries.values()));
    }

    /** Opens the manifest in {@code folder} for a run: reads it, compacts it, and keeps it open for appending. */
    static Either<TapedeckError, Manifest> open(Path folder) {
        Path file = folder.resolve(FILE_NAME);
        Either<TapedeckError, Map<ManifestEntry.Key, ManifestEntry>> read = readLatest(file);
        if (read.isLeft()) {
            return Either.left(read.getLeft());
        }
        try {
            if (Files.exists(file)) {
                Path temp = LocalFiles.partFile(file);
                StringBuilder compacted = new StringBuilder();
                read.get().values().forEach(entry -> compacted.append(line(entry)));
                LocalFiles.writeSynced(temp, compacted.toString().getBytes(StandardCharsets.UTF_8));
                LocalFiles.moveIntoPlace(temp, file);
            }
            return Either.right(new Manifest(read.get(), new FileOutputStream(file.toFile(), true)));
        } catch (IOException storage) {
            return Either.left(new TapedeckError.Storage("", "could not rewrite the manifest " + file + ": "
                    + storage + "; check free space and permissions"));
        }
    }

    /** The latest entry for {@code key} read when the manifest was opened. */
    Optional<ManifestEntry> latest(ManifestEntry.Key key) {
        synchronized (this) {
            return Optional.ofNullable(latest.get(key));
        }
    }

    /**
     * Appends {@code entry} and returns once it is synced to disk, with the lines that arrived meanwhile (one sync for
     * all). Waits uninterruptibly, keeping the thread's interrupt: the line is about to be written either way.
     */
    Either<TapedeckError, ManifestEntry> append(ManifestEntry entry) {
        byte[] bytes = line(entry).getBytes(StandardCharsets.UTF_8);
        long ticket;
        boolean interrupted = false;
        List<byte[]> batch = null;
        long from = 0;
        synchronized (this) {
            waiting.add(bytes);
            ticket = ++queued;
            while (synced < ticket) {
                if (!committing) {
                    committing = true;
                    batch = new ArrayList<>(waiting);
                    waiting.clear();
                    from = synced;
                    break;
                }
                try {
                    wait();
                } catch (InterruptedException stop) {
                    interrupted = true;
                }
            }
        }
        if (batch != null) {
            commit(batch, from, from + batch.size());
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        synchronized (this) {
            for (FailedBatch failure : failed) {
                if (failure.from() < ticket && ticket <= failure.to()) {
                    return Either.left(new TapedeckError.Storage(entry.provider(), "could not append to the "
                            + "manifest: " + failure.error() + "; check free space and permissions"));
                }
            }
            latest.put(entry.key(), entry);
            return Either.right(entry);
        }
    }

    /** Writes the lines {@code (from, to]} and syncs them once; wakes those who wait for them. */
    private void commit(List<byte[]> batch, long from, long to) {
        IOException error = null;
        try {
            for (byte[] line : batch) {
                out.write(line);
            }
            out.flush();
            out.getFD().sync();
        } catch (IOException storage) {
            error = storage;
        }
        synchronized (this) {
            if (error != null) {
                failed.add(new FailedBatch(from, to, error));
            }
            synced = to;
            committing = false;
            notifyAll();
        }
    }

    @Override
    public void close() {
        synchronized (this) {
            try {
                out.close();
            } catch (IOException ignored) {
                // Every line was synced when appended; nothing is lost by a failing close.
            }
        }
    }

    private static String line(ManifestEntry entry) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("provider", entry.provider());
        fields.put("sessionId", entry.sessionId());
        fields.put("recordingId", entry.recordingId());
        fields.put("path", entry.path());
        fields.put("sizeBytes", entry.sizeBytes());
        fields.put("sha256", entry.sha256());
        fields.put("status", entry.status().wireName());
        fields.put("error", entry.error().orElse(null));
        return FlatJson.write(fields) + "\n";
    }

    private static Either<TapedeckError, Map<ManifestEntry.Key, ManifestEntry>> readLatest(Path file) {
        Map<ManifestEntry.Key, ManifestEntry> latest = new LinkedHashMap<>();
        if (!Files.exists(file)) {
            return Either.right(latest);
        }
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException unreadable) {
            return Either.left(new TapedeckError.Storage("", "could not read the manifest " + file + ": "
                    + unreadable));
        }
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        boolean lastIsTerminated = text.endsWith("\n");
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            boolean last = i == lines.size() - 1 || i == lines.size() - 2 && lastIsTerminated;
            if (line.isBlank()) {
                continue;
            }
            try {
                ManifestEntry entry = parse(line);
                latest.remove(entry.key());
                latest.put(entry.key(), entry);
            } catch (IllegalArgumentException bad) {
                if (!last) {
                    return Either.left(new TapedeckError.Storage("", "line " + (i + 1) + " of the manifest " + file
                            + " is not a manifest entry (" + bad.getMessage() + "); fix or delete that line"));
                }
            }
        }
        return Either.right(latest);
    }

    private static ManifestEntry parse(String line) {
        Map<String, Optional<Object>> fields = FlatJson.read(line);
        return new ManifestEntry(text(fields, "provider"), text(fields, "sessionId"), text(fields, "recordingId"),
                text(fields, "path"), number(fields, "sizeBytes"), text(fields, "sha256"),
                status(text(fields, "status")),
                Optional.ofNullable(fields.get("error")).flatMap(v -> v).map(String::valueOf));
    }

    private static String text(Map<String, Optional<Object>> fields, String name) {
        Object value = Optional.ofNullable(fields.get(name)).flatMap(v -> v)
                .orElseThrow(() -> new IllegalArgumentException("missing \"" + name + "\""));
        if (!(value instanceof String)) {
            throw new IllegalArgumentException("\"" + name + "\" is not a string");
        }
        return (String) value;
    }

    private static long number(Map<String, Optional<Object>> fields, String name) {
        Object value = Optional.ofNullable(fields.get(name)).flatMap(v -> v)
                .orElseThrow(() -> new IllegalArgumentException("missing \"" + name + "\""));
        if (!(value instanceof Long)) {
            throw new IllegalArgumentException("\"" + name + "\" is not an integer");
        }
        return (Long) value;
    }

    private static DownloadStatus status(String wireName) {
        try {
            return DownloadStatus.fromWireName(wireName);
        } catch (IllegalArgumentException unknown) {
            throw new IllegalArgumentException("unknown status \"" + wireName + "\"");
        }
    }
}
