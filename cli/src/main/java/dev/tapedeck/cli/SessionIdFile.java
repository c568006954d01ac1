package dev.tapedeck.cli;

import dev.tapedeck.model.SessionId;
import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The session ids of a {@code --sessions-from} file: one id per line, surrounding blanks trimmed; blank lines and
 * lines starting with {@code #} are ignored. A file that is missing, unreadable or holds an invalid id is a usage
 * error (exit 2) on one line, naming the file and, for a bad id, its line.
 */
final class SessionIdFile {

    private SessionIdFile() {
    }

    /** The ids in {@code file}, in file order. */
    static List<SessionId> read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException missing) {
            throw CliFailure.usage("--sessions-from " + file + ": no such file; give a file with one session id "
                    + "per line");
        } catch (MalformedInputException notText) {
            throw CliFailure.usage("--sessions-from " + file + " is not UTF-8 text; give a file with one session "
                    + "id per line");
        } catch (IOException unreadable) {
            throw CliFailure.usage("--sessions-from " + file + " cannot be read (" + unreadable.getMessage() + ")");
        }
        List<SessionId> ids = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            try {
                ids.add(SessionId.of(line));
            } catch (IllegalArgumentException invalid) {
                throw CliFailure.usage("--sessions-from " + file + ", line " + (i + 1) + ": " + invalid.getMessage());
            }
        }
        return ids;
    }
}
