package dev.tapedeck.http.json;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the duration texts providers send: ISO-8601 ({@code PT41.2S}, {@code P1DT2H}), clock forms
 * {@code HH:MM:SS(.fff)} and {@code MM:SS(.fff)}, plain seconds ({@code 420}, {@code 420.5}) and unit forms
 * ({@code 90s}, {@code 1m30s}, {@code 1h2m3s}, {@code 1500ms}). Anything else, negative values included, is empty,
 * so callers keep the raw text. Never throws.
 */
public final class DurationText {

    private static final String FRACTION = "(?:\\.(\\d{1,9}))?";
    private static final Pattern CLOCK = Pattern.compile("(\\d{1,7}):([0-5]\\d):([0-5]\\d)" + FRACTION);
    private static final Pattern MINUTES_SECONDS = Pattern.compile("(\\d{1,7}):([0-5]\\d)" + FRACTION);
    private static final Pattern SECONDS = Pattern.compile("(\\d{1,12})" + FRACTION);
    private static final Pattern UNITS = Pattern.compile(
            "(?:(\\d{1,7})\\s*h)?\\s*(?:(\\d{1,9})\\s*m(?!s))?\\s*(?:(\\d{1,12})" + FRACTION + "\\s*s)?\\s*(?:(\\d{1,15})\\s*ms)?");

    private DurationText() {
    }

    /** The duration {@code text} spells, empty when it is none of the accepted shapes. */
    public static Optional<Duration> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String t = text.strip().toLowerCase(Locale.ROOT);
        try {
            if (t.startsWith("p")) {
                return nonNegative(Duration.parse(t.toUpperCase(Locale.ROOT)));
            }
            Matcher m = CLOCK.matcher(t);
            if (m.matches()) {
                return Optional.of(Duration.ofHours(Long.parseLong(m.group(1))).plusMinutes(Long.parseLong(m.group(2)))
                        .plusSeconds(Long.parseLong(m.group(3))).plusNanos(nanos(m.group(4))));
            }
            m = MINUTES_SECONDS.matcher(t);
            if (m.matches()) {
                return Optional.of(Duration.ofMinutes(Long.parseLong(m.group(1))).plusSeconds(Long.parseLong(m.group(2)))
                        .plusNanos(nanos(m.group(3))));
            }
            m = SECONDS.matcher(t);
            if (m.matches()) {
                return Optional.of(Duration.ofSeconds(Long.parseLong(m.group(1))).plusNanos(nanos(m.group(2))));
            }
            m = UNITS.matcher(t);
            if (m.matches() && (m.group(1) != null || m.group(2) != null || m.group(3) != null || m.group(5) != null)) {
                return Optional.of(Duration.ofHours(number(m.group(1))).plusMinutes(number(m.group(2)))
                        .plusSeconds(number(m.group(3))).plusNanos(nanos(m.group(4))).plusMillis(number(m.group(5))));
            }
            return Optional.empty();
        } catch (DateTimeParseException | ArithmeticException | NumberFormatException unreadable) {
            return Optional.empty();
        }
    }

    private static Optional<Duration> nonNegative(Duration duration) {
        return duration.isNegative() ? Optional.empty() : Optional.of(duration);
    }

    private static long number(String digits) {
        return digits == null ? 0 : Long.parseLong(digits);
    }

    /** A fraction of a second ("2" = 200 ms) as nanoseconds. */
    private static long nanos(String fraction) {
        if (fraction == null) {
            return 0;
        }
        return Long.parseLong((fraction + "000000000").substring(0, 9));
    }
}
