package dev.tapedeck.cli;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import picocli.CommandLine;

/**
 * Parses {@code --since} and {@code --until}: an ISO-8601 instant ({@code 2026-03-01T10:00:00Z}), a date-time
 * with an offset, a date-time without one (read as UTC), or a date, which means the start of that day in UTC for
 * {@code --since} and its last instant for {@code --until}.
 */
final class Instants {

    private Instants() {
    }

    /** The instant {@code text} denotes; a date means {@code endOfDay ? its last nanosecond : its start}, UTC. */
    static Instant parse(String text, boolean endOfDay) {
        String trimmed = text.trim();
        try {
            if (trimmed.length() == 10) {
                LocalDate date = LocalDate.parse(trimmed);
                return endOfDay
                        ? date.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC).minusNanos(1)
                        : date.atStartOfDay().toInstant(ZoneOffset.UTC);
            }
            if (trimmed.endsWith("Z") || trimmed.endsWith("z")) {
                return Instant.parse(trimmed.toUpperCase(java.util.Locale.ROOT));
            }
            if (trimmed.matches(".*[+-]\\d{2}:?\\d{2}$") && trimmed.indexOf('T') > 0) {
                return OffsetDateTime.parse(trimmed).toInstant();
            }
            return LocalDateTime.parse(trimmed).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + text + "' is not a date or instant; write e.g. 2026-03-01 or "
                    + "2026-03-01T10:00:00Z");
        }
    }

    /** Converter for {@code --since}: a date is the start of its day. */
    static final class Since implements CommandLine.ITypeConverter<Instant> {
        @Override
        public Instant convert(String value) {
            return converted(value, false);
        }
    }

    /** Converter for {@code --until}: a date is the end of its day. */
    static final class Until implements CommandLine.ITypeConverter<Instant> {
        @Override
        public Instant convert(String value) {
            return converted(value, true);
        }
    }

    private static Instant converted(String value, boolean endOfDay) {
        try {
            return parse(value, endOfDay);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.TypeConversionException(e.getMessage());
        }
    }
}
