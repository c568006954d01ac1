package dev.tapedeck.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tapedeck.kit.fakes.RecordingSleeper;
import dev.tapedeck.kit.fakes.ScriptedServer;
import dev.tapedeck.model.TapedeckError;
import io.vavr.control.Either;
import java.nio.charset.Charset;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * API answers are decoded from their bytes when they are UTF-8 (said or not) and through a Reader in the charset
 * they name otherwise: text beyond ASCII reads the same either way. Real sockets on loopback.
 */
class StreamDecoderTest {

    private static final String BODY = "{\"id\":\"s1\",\"city\":\"Zürich\",\"note\":\"été\"}";

    @ParameterizedTest(name = "{0}")
    @CsvSource({"application/json, UTF-8", "application/json; charset=utf-8, UTF-8",
            "application/json; charset=ISO-8859-1, ISO-8859-1", "application/json; charset=UTF-16BE, UTF-16BE"})
    void textBeyondAsciiReadsTheSameInTheCharsetTheAnswerNames(String contentType, String charset) throws Exception {
        byte[] bytes = BODY.getBytes(Charset.forName(charset));
        ScriptedServer.Reply reply = (request, socket, out) -> {
            out.write(ScriptedServer.head(200, contentType, bytes.length));
            out.write(bytes);
        };
        try (ScriptedServer server = new ScriptedServer(reply)) {
            HttpKit kit = TestKits.kit(server.uri("").toString(),
                    TestKits.config(new RecordingSleeper(), Optional.of(Duration.ofMinutes(1)))).build();

            Either<TapedeckError, Map<String, Object>> session = kit.call(() -> kit.api(TestKits.Api.class)
                    .session("s1"));

            assertThat(session.get()).containsEntry("city", "Zürich").containsEntry("note", "été");
        }
    }
}
