package dev.tapedeck.cli;

import dev.tapedeck.model.SessionId;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
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

    /** The most bytes read: millions of ids. Beyond it (a device that never ends, a wrong file) is a usage error. */
    static final int MAX_BYTES = 64 * 1024 * 1024;

    /** The ids in {@code file}, in file order. */
    static List<SessionId> read(Path file) {
        List<String> lines;
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes(MAX_BYTES + 1);
            if (bytes.length > MAX_BYTES) {
                throw CliFailure.usage("--sessions-from " + file + " holds more than " + (MAX_BYTES >> 20) + " MiB; "
                        + "give a file with one session id per line, split into files of at most that size");
            }
            lines = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString().lines().toList();
        } catch (NoSuchFileException missing) {
            throw CliFailure.usage("--sessions-from " + file + ": no such file; give a file with one session id "
                    + "per line");
        } catch (CharacterCodingException notText) {
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
