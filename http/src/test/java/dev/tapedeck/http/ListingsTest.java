package dev.tapedeck.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tapedeck.model.SessionId;
import io.vavr.control.Either;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A listing keeps every session whose id can travel as a path segment, however odd a name it would make. */
class ListingsTest {

    @Test
    void sessionsWithDotsControlCharactersOrBlanksForIdsStayInTheListing() {
        List<String> raw = Arrays.asList("sess_1", "..", ".", "a\u0000b", "\u001b[2J", "   ", null, "", "x".repeat(600),
                "half\uD800");

        List<SessionId> kept = Listings.keepReadable("test", "session", raw, Listings::sessionId);

        // Before, "..", ".", the NUL, the escape sequence and the blank id vanished without a word.
        assertThat(kept).extracting(SessionId::value).containsExactly("sess_1", "..", ".", "a\u0000b", "\u001b[2J",
                "   ");
    }

    @Test
    void anIdThatCannotTravelSaysWhy() {
        Either<String, SessionId> empty = Listings.sessionId("");
        Either<String, SessionId> missing = Listings.sessionId(null);

        assertThat(empty.getLeft()).contains("empty");
        assertThat(missing.getLeft()).contains("no id");
    }
}
