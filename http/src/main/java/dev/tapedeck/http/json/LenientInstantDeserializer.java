package dev.tapedeck.http.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/**
 * Reads an {@link Instant} from ISO-8601 text with an offset ({@code 2024-05-01T10:15:30+02:00}, {@code …Z}) or
 * without one ({@code 2024-05-01T10:15:30.123456}, also with a space for the {@code T}), which is read as UTC, or
 * from a date alone (midnight UTC). Numbers are epoch seconds (fractions allowed). Empty text reads as null;
 * anything else is an {@code InvalidFormatException}.
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
            BigDecimal seconds = parser.getDecimalValue();
            try {
                BigDecimal whole = seconds.setScale(0, RoundingMode.FLOOR);
                return Instant.ofEpochSecond(whole.longValueExact(),
                        seconds.subtract(whole).movePointRight(9).longValue());
            } catch (ArithmeticException | DateTimeException outOfRange) {
                return (Instant) context.handleWeirdNumberValue(Instant.class, seconds, "not epoch seconds in range");
            }
        }
        if (token == JsonToken.VALUE_STRING) {
            String text = parser.getText().strip();
            if (text.isEmpty()) {
                return null;
            }
            Optional<Instant> parsed = parse(text);
            if (parsed.isPresent()) {
                return parsed.get();
            }
            return (Instant) context.handleWeirdStringValue(Instant.class, text,
                    "not an ISO-8601 date-time with or without offset");
        }
        return (Instant) context.handleUnexpectedToken(Instant.class, parser);
    }

    /** Parses the accepted text shapes; empty for anything else. */
    static Optional<Instant> parse(String text) {
        String iso = text.length() > 10 && text.charAt(10) == ' ' ? text.substring(0, 10) + 'T' + text.substring(11) : text;
        try {
            return Optional.of(OffsetDateTime.parse(iso, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant());
        } catch (DateTimeException withoutOffset) {
            // fall through to the zone-less shapes
        }
        try {
            return Optional.of(LocalDateTime.parse(iso, DateTimeFormatter.ISO_LOCAL_DATE_TIME).toInstant(ZoneOffset.UTC));
        } catch (DateTimeException notLocal) {
            // fall through to a bare date
        }
        try {
            return Optional.of(LocalDate.parse(iso, DateTimeFormatter.ISO_LOCAL_DATE).atStartOfDay(ZoneOffset.UTC).toInstant());
        } catch (DateTimeException notADate) {
            return Optional.empty();
        }
    }
}
