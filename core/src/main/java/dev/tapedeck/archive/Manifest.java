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
 * <p>Each line is appended, flushed and synced to disk as its download completes, under a lock, so an interrupted
 * run loses no line it wrote; writes use a stream that a thread interrupt cannot close. A truncated last line
 * (a crash mid-write) is ignored; a bad line elsewhere is an error. Opening a manifest rewrites it compacted (the
 * latest line per recording, atomically replaced), which also drops such a truncated line.
 */
public final class Manifest implements AutoCloseable {

    /** The manifest's file name inside the archive folder. */
    public static final String FILE_NAME = "manifest.jsonl";

    private final Map<ManifestEntry.Key, ManifestEntry> latest;
    private final FileOutputStream out;

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

    /** Appends {@code entry} and syncs it to disk before returning. */
    Either<TapedeckError, ManifestEntry> append(ManifestEntry entry) {
        byte[] bytes = line(entry).getBytes(StandardCharsets.UTF_8);
        synchronized (this) {
            try {
                out.write(bytes);
                out.flush();
                out.getFD().sync();
                latest.put(entry.key(), entry);
                return Either.right(entry);
            } catch (IOException storage) {
                return Either.left(new TapedeckError.Storage(entry.provider(), "could not append to the manifest: "
                        + storage + "; check free space and permissions"));
            }
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
