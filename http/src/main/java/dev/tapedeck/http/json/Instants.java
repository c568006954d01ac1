package dev.tapedeck.http.json;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tapedeck.model.JsonValue;
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
 * The one reading of timestamps providers send, shared by {@link LenientInstantDeserializer} and by code that reads
 * JSON trees. Text: ISO-8601 with an offset ({@code …Z}, {@code …+02:00}) or without one (read as UTC, a space
 * allowed for the {@code T}), a date alone (midnight UTC), or digits. Numbers (and digit text): epoch seconds,
 * fractions allowed, except that from {@link #MILLIS_FROM} on they are epoch milliseconds (1e11 seconds would be
 * the year 5138, 1e11 milliseconds is 1973). Never throws: anything else is empty.
 */
public final class Instants {

    /** Epoch numbers from here on are milliseconds. */
    public static final BigDecimal MILLIS_FROM = BigDecimal.valueOf(100_000_000_000L);

    private Instants() {
    }

    /** The instant an epoch number stands for: seconds, or milliseconds from {@link #MILLIS_FROM}. */
    public static Optional<Instant> fromEpoch(BigDecimal number) {
        BigDecimal seconds = number.abs().compareTo(MILLIS_FROM) >= 0 ? number.movePointLeft(3) : number;
        try {
            BigDecimal whole = seconds.setScale(0, RoundingMode.FLOOR);
            return Optional.of(Instant.ofEpochSecond(whole.longValueExact(),
                    seconds.subtract(whole).movePointRight(9).longValue()));
        } catch (ArithmeticException | DateTimeException outOfRange) {
            return Optional.empty();
        }
    }

    /**
     * The time from {@code start} to {@code end} when both are known and in that order (a session's run from its
     * start and end fields); empty otherwise, never negative.
     */
    public static Optional<java.time.Duration> span(Optional<Instant> start, Optional<Instant> end) {
        return start.flatMap(from -> end.filter(to -> !to.isBefore(from)).map(to -> java.time.Duration.between(from,
                to)));
    }

    /**
     * The instant {@code text} spells in one of the accepted shapes; empty for anything else. The shapes providers
     * actually send (epoch digits, {@code yyyy-MM-ddTHH:mm[:ss[.f…]]} with {@code Z}, {@code ±HH:MM} or no offset,
     * a space for the {@code T}, a bare date) are read by hand, with no regex or formatter; only text that is not
     * one of them exactly goes through the java.time parsers, which read them the same way.
     */
    public static Optional<Instant> fromText(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Instant fast = IsoFastPath.parse(text);
        return fast != null ? Optional.of(fast) : lenient(text);
    }

    /** The slow reading, java.time's parsers after stripping; {@link #fromText} agrees with it on every input. */
    static Optional<Instant> lenient(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String t = text.strip();
        if (isEpochText(t)) {
            return fromEpoch(new BigDecimal(t));
        }
        String iso = t.length() > 10 && t.charAt(10) == ' ' ? t.substring(0, 10) + 'T' + t.substring(11) : t;
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

    /** {@code 1-18 ASCII digits, then optionally '.' and 1-9 digits}. */
    private static boolean isEpochText(String t) {
        int dot = t.indexOf('.');
        int whole = dot < 0 ? t.length() : dot;
        return whole >= 1 && whole <= 18 && IsoFastPath.digits(t, 0, whole)
                && (dot < 0 || t.length() - dot - 1 >= 1 && t.length() - dot - 1 <= 9
                        && IsoFastPath.digits(t, dot + 1, t.length()));
    }

    /** The instant a JSON value holds, number or text; empty for null, absent and unreadable values. */
    public static Optional<Instant> read(JsonNode value) {
        if (value == null) {
            return Optional.empty();
        }
        if (value.isNumber()) {
            return fromEpoch(value.decimalValue());
        }
        return value.isTextual() ? fromText(value.asText()) : Optional.empty();
    }

    /** The instant a JSON value holds, number or text; empty for null and unreadable values. */
    public static Optional<Instant> read(JsonValue value) {
        if (value instanceof JsonValue.NumberValue number) {
            return fromEpoch(number.value());
        }
        return value instanceof JsonValue.TextValue text ? fromText(text.value()) : Optional.empty();
    }
}
