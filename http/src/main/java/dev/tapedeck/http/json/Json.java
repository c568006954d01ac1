package dev.tapedeck.http.json;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Instant;

/**
 * The Jackson setup every provider shares: unknown fields ignored (providers add fields), java.time supported,
 * {@link Instant} read leniently (a timestamp without zone is UTC), dates written as ISO text, not numbers, and
 * core's {@link dev.tapedeck.model.JsonValue} read and written as the JSON it holds ({@link JsonValues}).
 */
public final class Json {

    private static final ObjectMapper SHARED = build();

    private Json() {
    }

    /** A new mapper with the shared setup, free for the caller to configure further. */
    public static ObjectMapper mapper() {
        return SHARED.copy();
    }

    private static ObjectMapper build() {
        SimpleModule lenient = new SimpleModule("tapedeck-lenient");
        lenient.addDeserializer(Instant.class, new LenientInstantDeserializer());
        return JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .addModule(lenient)
                .addModule(JsonValues.module())
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                // Trees keep numbers exact (1.5e400 is no Infinity, 0.10 keeps its scale), as provider data does.
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
                .build();
    }
}
