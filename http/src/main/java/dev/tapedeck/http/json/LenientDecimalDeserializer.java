package dev.tapedeck.http.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import java.io.IOException;
import java.math.BigDecimal;

/**
 * Reads a decimal that providers send as a number ({@code 12.5}) or as text ({@code "12.50"}, {@code " 7 "}).
 * {@code "N/A"}, {@code ""} and {@code null} read as null (unknown); anything else is an
 * {@code InvalidFormatException}. Use it with {@code @JsonDeserialize(using = LenientDecimalDeserializer.class)}.
 */
public final class LenientDecimalDeserializer extends StdDeserializer<BigDecimal> {

    private static final long serialVersionUID = 1L;

    /** For Jackson. */
    public LenientDecimalDeserializer() {
        super(BigDecimal.class);
    }

    @Override
    public BigDecimal deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT) {
            return parser.getDecimalValue();
        }
        if (token == JsonToken.VALUE_NULL) {
            return null;
        }
        if (token == JsonToken.VALUE_STRING) {
            String text = parser.getText().strip();
            if (text.isEmpty() || text.equalsIgnoreCase("N/A")) {
                return null;
            }
            if (text.matches("[-+]?(\\d{1,60}(\\.\\d{0,60})?|\\.\\d{1,60})([eE][-+]?\\d{1,4})?")) {
                return new BigDecimal(text);
            }
            return (BigDecimal) context.handleWeirdStringValue(BigDecimal.class, text,
                    "not a decimal number, \"N/A\" or empty");
        }
        return (BigDecimal) context.handleUnexpectedToken(BigDecimal.class, parser);
    }

    @Override
    public BigDecimal getNullValue(DeserializationContext context) {
        return null;
    }
}
