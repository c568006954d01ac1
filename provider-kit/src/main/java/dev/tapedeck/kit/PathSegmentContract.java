package dev.tapedeck.kit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tapedeck.RecordingSource;
import dev.tapedeck.kit.fakes.ScriptedServer;
import dev.tapedeck.model.Capability;
import dev.tapedeck.model.SessionId;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A session id reaches the provider as exactly one encoded path segment, whatever it holds: slashes, dot segments,
 * escapes, query and fragment marks, blanks, non-ASCII. Checked against a {@link ScriptedServer} that answers 404 and
 * records each request target as sent: the target for a hostile id must be the target for a plain one with only the
 * id's segment changed, and that segment must decode to the id.
 */
public interface PathSegmentContract {

    /** The id whose request target the others are compared with. */
    String PLAIN_ID = "kitprobe";

    /** What one encoded segment may hold: unreserved characters and percent escapes. */
    Pattern SEGMENT = Pattern.compile("([A-Za-z0-9._~-]|%[0-9A-Fa-f]{2})+");

    /** The fixture of the running test. */
    ProviderFixture fixture();

    @ParameterizedTest(name = "session id [{0}]")
    @ValueSource(strings = {"../x", "a/b", "a/../../v2", "%2F", "50%2Fx", "q?x=1", "a#b", "my session",
        "sess-ü-日本", "..", ".", "a;b,c+d&e=f"})
    default void aSessionIdTravelsAsOneEncodedPathSegment(String id) {
        ProviderFixture kit = fixture();
        ScriptedServer server = kit.server(ScriptedServer.json(404, "{\"message\":\"not found\","
                + "\"error\":{\"code\":404,\"message\":\"not found\"}}"));
        RecordingSource recordings = kit.connect(kit.configAt(kit.baseUrlOn(server)).build()).recordings();
        List<Consumer<SessionId>> calls = new ArrayList<>(List.of(recordings::recordings));
        if (kit.metadata().capabilities().supports(Capability.PAUSE_RESUME)) {
            calls.add(recordings::pause);
            calls.add(recordings::resume);
        }

        for (Consumer<SessionId> call : calls) {
            List<String> plain = targetsOf(server, call, PLAIN_ID);
            List<String> hostile = targetsOf(server, call, id);
            assertThat(hostile).as("requests for [%s] and for [%s]", id, PLAIN_ID).hasSameSizeAs(plain);
            for (int i = 0; i < plain.size(); i++) {
                assertOneSegment(id, plain.get(i), hostile.get(i));
            }
        }
    }

    /**
     * The targets of the requests {@code call} makes for {@code id}: at least one, and the same for any id. A 404 is
     * never retried, but a provider may follow it with a look-up of the session itself.
     */
    private static List<String> targetsOf(ScriptedServer server, Consumer<SessionId> call, String id) {
        int before = server.requests();
        call.accept(SessionId.of(id));
        List<ScriptedServer.Request> made = server.received().subList(before, server.requests());
        assertThat(made).as("requests for session id [%s]", id).isNotEmpty();
        return made.stream().map(ScriptedServer.Request::target).toList();
    }

    /** {@code hostile} is {@code plain} with only the plain id's segment changed, to one that decodes to {@code id}. */
    private static void assertOneSegment(String id, String plain, String hostile) {
        int at = plain.indexOf(PLAIN_ID);
        assertThat(at).as("the plain id's segment in %s", plain).isNotNegative();
        String before = plain.substring(0, at);
        String after = plain.substring(at + PLAIN_ID.length());
        assertThat(hostile).as("the target for [%s] keeps what surrounds the id in %s", id, plain)
                .startsWith(before).endsWith(after).hasSizeGreaterThan(before.length() + after.length());
        String segment = hostile.substring(before.length(), hostile.length() - after.length());
        assertThat(segment).as("the segment for [%s] in %s", id, hostile).matches(SEGMENT).isNotIn(".", "..");
        assertThat(decode(segment)).as("the segment %s decoded", segment).isEqualTo(id);
    }

    /** Percent-decodes {@code segment} as UTF-8; a {@code +} stays a {@code +}. */
    private static String decode(String segment) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < segment.length(); i++) {
            char c = segment.charAt(i);
            if (c == '%') {
                bytes.write(Integer.parseInt(segment.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                bytes.write(c);
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
