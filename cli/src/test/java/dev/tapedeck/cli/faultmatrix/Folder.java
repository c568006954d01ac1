package dev.tapedeck.cli.faultmatrix;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tapedeck.archive.Manifest;
import dev.tapedeck.archive.ManifestEntry;
import dev.tapedeck.model.TapedeckError;
import io.vavr.control.Either;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What a download or archive folder holds after a run, read from disk: every file at a final path with its size
 * and SHA-256, the hidden files (parts, resume notes, locks), and the manifest. {@link #against} compares it with
 * the folder of a clean run and counts what an archiver must never leave: corrupt files, partial files at final
 * paths, lost recordings, and a manifest that is unreadable or vouches for what is not there.
 *
 * @param files    files at final paths (no segment of the path hidden), relative with {@code /}, the manifest aside
 * @param hidden   hidden files, relative
 * @param manifest the manifest's lines, when there is one
 * @param entries  the manifest's latest entry per recording as Tapedeck reads it, or why it cannot
 */
record Folder(Map<String, Stored> files, Set<String> hidden, Optional<List<String>> manifest,
        Either<TapedeckError, List<ManifestEntry>> entries) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * One file.
     *
     * @param size   its size
     * @param sha256 its hash
     */
    record Stored(long size, String sha256) {
    }

    /**
     * What is wrong with a folder, counted; {@code problems} says each in a line.
     *
     * @param corrupt   files whose bytes are not the recording's, and manifest lines that are unreadable or untrue
     * @param partial   files at a final path shorter than the recording
     * @param lost      recordings of the clean run missing when the job should be done
     * @param leftovers hidden files a successful run left behind that the clean run did not
     * @param problems  one line per finding
     */
    record Findings(int corrupt, int partial, int lost, int leftovers, List<String> problems) {

        /** Whether nothing was found. */
        boolean clean() {
            return problems.isEmpty();
        }
    }

    /** Reads {@code folder} (which may not exist: then it is empty). */
    static Folder read(Path folder) {
        Map<String, Stored> files = new TreeMap<>();
        Set<String> hidden = new TreeSet<>();
        Path manifestFile = folder.resolve(Manifest.FILE_NAME);
        if (Files.isDirectory(folder)) {
            try (Stream<Path> walk = Files.walk(folder)) {
                for (Path file : walk.filter(Files::isRegularFile).collect(Collectors.toList())) {
                    String relative = folder.relativize(file).toString().replace('\\', '/');
                    if (Stream.of(relative.split("/")).anyMatch(name -> name.startsWith("."))) {
                        hidden.add(relative);
                    } else if (!file.equals(manifestFile)) {
                        files.put(relative, new Stored(Files.size(file), SourceMedia.sha256(file)));
                    }
                }
            } catch (IOException unreadable) {
                throw new UncheckedIOException(unreadable);
            }
        }
        Optional<List<String>> manifest = Optional.empty();
        if (Files.exists(manifestFile)) {
            try {
                manifest = Optional.of(Files.readAllLines(manifestFile, StandardCharsets.UTF_8));
            } catch (IOException unreadable) {
                throw new UncheckedIOException(unreadable);
            }
        }
        return new Folder(files, hidden, manifest, Manifest.read(manifestFile));
    }

    /**
     * What is wrong with this folder compared with {@code clean}, the folder of the same command without faults.
     * When {@code done}, the job should be finished: every recording of the clean run must be here, vouched for
     * by the manifest, and no hidden file may be left that the clean run did not leave.
     */
    Findings against(Folder clean, boolean done) {
        Tally tally = new Tally();
        files.forEach((path, stored) -> {
            Stored expected = clean.files.get(path);
            if (expected == null) {
                tally.corrupt("a file the clean run never wrote is at a final path: " + path + " (" + stored.size()
                        + " bytes)");
            } else if (!expected.sha256().equals(stored.sha256()) && stored.size() < expected.size()) {
                tally.partial(path + " holds " + stored.size() + " of its " + expected.size() + " bytes");
            } else if (!expected.sha256().equals(stored.sha256())) {
                tally.corrupt(path + " holds other bytes than the recording (" + stored.size() + " bytes)");
            }
        });
        checkManifest(clean, done, tally);
        if (done) {
            clean.files.keySet().stream().filter(path -> !files.containsKey(path))
                    .forEach(path -> tally.lost(path + " is missing"));
            hidden.stream().filter(path -> !clean.hidden.contains(path))
                    .forEach(path -> tally.leftover("left behind: " + path));
        }
        return tally.findings();
    }

    private void checkManifest(Folder clean, boolean done, Tally tally) {
        if (manifest.isEmpty()) {
            if (clean.manifest.isPresent() && done) {
                tally.lost("the manifest is missing");
            }
            return;
        }
        for (int i = 0; i < manifest.get().size(); i++) {
            String line = manifest.get().get(i);
            try {
                if (!JSON.readTree(line).isObject()) {
                    tally.corrupt("manifest line " + (i + 1) + " is not a JSON object: " + line);
                }
            } catch (IOException unreadable) {
                tally.corrupt("manifest line " + (i + 1) + " is not JSON: " + line);
            }
        }
        if (entries.isLeft()) {
            tally.corrupt("the manifest cannot be read: " + entries.getLeft().message());
            return;
        }
        Map<ManifestEntry.Key, ManifestEntry> cleanEntries = byKey(clean.entries.get());
        Map<ManifestEntry.Key, ManifestEntry> ours = byKey(entries.get());
        for (ManifestEntry entry : entries.get()) {
            ManifestEntry expected = cleanEntries.get(entry.key());
            Optional<String> onDisk = copySha256(entry.path());
            if (expected == null) {
                tally.corrupt("the manifest names a recording the clean run did not: " + entry);
            } else if (entry.done() && (onDisk.isEmpty() || !onDisk.get().equals(entry.sha256())
                    || !entry.sha256().equals(expected.sha256()) || entry.sizeBytes() != expected.sizeBytes())) {
                tally.corrupt("the manifest vouches for " + entry.path() + " (" + entry.sha256() + "), but the"
                        + " folder holds " + onDisk.orElse("nothing there"));
            } else if (!entry.done() && onDisk.isPresent()) {
                tally.corrupt("the manifest says " + entry.path() + " failed, yet it is there: " + entry.error());
            }
        }
        for (ManifestEntry expected : cleanEntries.values()) {
            ManifestEntry entry = ours.get(expected.key());
            boolean vouched = entry != null && entry.done();
            if (!vouched && files.containsKey(expected.path())) {
                tally.corrupt("the manifest does not vouch for " + expected.path() + ", which is there");
            } else if (!vouched && done) {
                tally.lost("the manifest has no finished entry for " + expected.path());
            }
        }
    }

    /**
     * The SHA-256 a manifest line must give for the copy at {@code relative}, as the README defines it: the file's;
     * for an HLS playlist, one SHA-256 over the hex SHA-256 of the playlist and of each of its segments, in order
     * (they are named {@code 00000.ts} on, so in name order). Empty when nothing is there.
     */
    private Optional<String> copySha256(String relative) {
        Stored first = files.get(relative);
        if (first == null || !relative.endsWith(".m3u8")) {
            return Optional.ofNullable(first).map(Stored::sha256);
        }
        String segments = relative.substring(0, relative.length() - ".m3u8".length()) + "_segments/";
        StringBuilder all = new StringBuilder(first.sha256());
        files.forEach((path, stored) -> {
            if (path.startsWith(segments)) {
                all.append(stored.sha256());
            }
        });
        return Optional.of(SourceMedia.sha256(all.toString().getBytes(StandardCharsets.US_ASCII)));
    }

    private static Map<ManifestEntry.Key, ManifestEntry> byKey(List<ManifestEntry> entries) {
        Map<ManifestEntry.Key, ManifestEntry> byKey = new LinkedHashMap<>();
        entries.forEach(entry -> byKey.put(entry.key(), entry));
        return byKey;
    }

    /** Counts findings as they come. */
    private static final class Tally {
        private enum Kind { CORRUPT, PARTIAL, LOST, LEFTOVER }

        private final Map<Kind, Integer> counts = new EnumMap<>(Kind.class);
        private final List<String> problems = new ArrayList<>();

        void corrupt(String what) {
            add(Kind.CORRUPT, what);
        }

        void partial(String what) {
            add(Kind.PARTIAL, what);
        }

        void lost(String what) {
            add(Kind.LOST, what);
        }

        void leftover(String what) {
            add(Kind.LEFTOVER, what);
        }

        private void add(Kind kind, String what) {
            counts.merge(kind, 1, Integer::sum);
            problems.add(kind.name().toLowerCase(Locale.ROOT) + ": " + what);
        }

        Findings findings() {
            return new Findings(count(Kind.CORRUPT), count(Kind.PARTIAL), count(Kind.LOST), count(Kind.LEFTOVER),
                    List.copyOf(problems));
        }

        private int count(Kind kind) {
            return counts.getOrDefault(kind, 0);
        }
    }
}
