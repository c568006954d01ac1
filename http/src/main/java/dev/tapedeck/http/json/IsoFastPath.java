package dev.tapedeck.http.json;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Reads the timestamp shapes providers send by hand, character by character: whole epoch digits (seconds, or
 * milliseconds from {@link Instants#MILLIS_FROM} on), {@code yyyy-MM-dd}, and {@code yyyy-MM-dd} then {@code T} or
 * a space, {@code HH:mm}, optional {@code :ss}, optional {@code .} and 1 to 9 fraction digits, and {@code Z},
 * {@code ±HH:MM} or nothing (UTC). Anything else, surrounding blanks and invalid dates included, is null: the
 * caller then takes the lenient path, so this path only has to be right where it answers.
 */
final class IsoFastPath {

    private static final long MILLIS_FROM = Instants.MILLIS_FROM.longValueExact();

    private IsoFastPath() {
    }

    /** The instant, or null when {@code text} is not exactly one of the shapes above. */
    static Instant parse(String text) {
        int length = text.length();
        if (length == 0 || length > 40) {
            return null;
        }
        if (length <= 18 && digits(text, 0, length)) {
            long number = Long.parseLong(text);
            return number >= MILLIS_FROM ? Instant.ofEpochMilli(number) : Instant.ofEpochSecond(number);
        }
        if (length < 10 || text.charAt(4) != '-' || text.charAt(7) != '-') {
            return null;
        }
        int year = number(text, 0, 4);
        int month = number(text, 5, 7);
        int day = number(text, 8, 10);
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > 31) {
            return null;
        }
        long epochDay;
        try {
            epochDay = LocalDate.of(year, month, day).toEpochDay();
        } catch (DateTimeException noSuchDay) {
            return null;
        }
        if (length == 10) {
            return Instant.ofEpochSecond(epochDay * 86_400);
        }
        char separator = text.charAt(10);
        if (separator != 'T' && separator != ' ' || length < 16 || text.charAt(13) != ':') {
            return null;
        }
        int hour = number(text, 11, 13);
        int minute = number(text, 14, 16);
        if (hour < 0 || hour > 23 || minute < 0 || minute > 59) {
            return null;
        }
        int at = 16;
        int second = 0;
        int nanos = 0;
        if (at < length && text.charAt(at) == ':') {
            second = at + 3 <= length ? number(text, at + 1, at + 3) : -1;
            if (second < 0 || second > 59) {
                return null;
            }
            at += 3;
            if (at < length && text.charAt(at) == '.') {
                int start = ++at;
                while (at < length && isDigit(text.charAt(at))) {
                    nanos = nanos * 10 + text.charAt(at) - '0';
                    at++;
                }
                int count = at - start;
                if (count < 1 || count > 9) {
                    return null;
                }
                for (int i = count; i < 9; i++) {
                    nanos *= 10;
                }
            }
        }
        int offsetSeconds;
        if (at == length) {
            offsetSeconds = 0;
        } else if (text.charAt(at) == 'Z' && at + 1 == length) {
            offsetSeconds = 0;
        } else if ((text.charAt(at) == '+' || text.charAt(at) == '-') && at + 6 == length
                && text.charAt(at + 3) == ':') {
            int hours = number(text, at + 1, at + 3);
            int minutes = number(text, at + 4, at + 6);
            if (hours < 0 || hours > 18 || minutes < 0 || minutes > 59 || hours == 18 && minutes > 0) {
                return null;
            }
            offsetSeconds = (text.charAt(at) == '-' ? -1 : 1) * (hours * 3600 + minutes * 60);
        } else {
            return null;
        }
        return Instant.ofEpochSecond(epochDay * 86_400 + hour * 3600L + minute * 60L + second - offsetSeconds,
                nanos);
    }

    /** Whether {@code text} holds only ASCII digits from {@code start} to {@code end}. */
    static boolean digits(String text, int start, int end) {
        for (int i = start; i < end; i++) {
            if (!isDigit(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** The ASCII digits from {@code start} to {@code end} as a number; -1 when one is not a digit. */
    private static int number(String text, int start, int end) {
        int value = 0;
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            if (!isDigit(c)) {
                return -1;
            }
            value = value * 10 + c - '0';
        }
        return value;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
