package dev.tapedeck.http.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;

/**
 * Reads an {@link Instant} the way {@link Instants} does: ISO-8601 text with or without an offset (without one is
 * UTC), a date alone, or an epoch number (seconds, milliseconds from 1e11 on). Empty text reads as null; anything
 * else is an {@code InvalidFormatException}. DTOs whose timestamps must not fail a whole answer read a
 * {@code JsonNode} and use {@link Instants#read(com.fasterxml.jackson.databind.JsonNode)} instead.
 */
public final class LenientInstantDeserializer extends StdDeserializer<Instant> {

    private static final long serialVersionUID = 1L;

    /** For Jackson. */
    public LenientInstantDeserializer() {
        super(Instant.class);
    }

    @Override
    public Instant deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT) {
            BigDecimal number = parser.getDecimalValue();
            Optional<Instant> instant = Instants.fromEpoch(number);
            if (instant.isPresent()) {
                return instant.get();
            }
            return (Instant) context.handleWeirdNumberValue(Instant.class, number, "not an epoch time in range");
        }
        if (token == JsonToken.VALUE_STRING) {
            String text = parser.getText().strip();
            if (text.isEmpty()) {
                return null;
            }
            Optional<Instant> parsed = Instants.fromText(text);
            if (parsed.isPresent()) {
                return parsed.get();
            }
            return (Instant) context.handleWeirdStringValue(Instant.class, text,
                    "not an ISO-8601 date-time with or without offset");
        }
        return (Instant) context.handleUnexpectedToken(Instant.class, parser);
    }
}
