package dev.tapedeck.cli;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;

/**
 * Parses the byte sizes people type: a whole number of bytes, or one with a binary unit ({@code 512KiB},
 * {@code 16MiB}, {@code 1GiB}; {@code K}, {@code M} and {@code G} mean the same).
 */
final class ByteSizes implements CommandLine.ITypeConverter<Long> {

    private static final Pattern SIZE = Pattern.compile("(\\d{1,12})\\s*(b|k|kib|m|mib|g|gib)?");

    /** The byte count {@code text} denotes; {@link IllegalArgumentException} saying the accepted forms otherwise. */
    static long parse(String text) {
        Matcher m = SIZE.matcher(text.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a size; write e.g. 16MiB, 512KiB or 1048576");
        }
        long amount = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? "b" : m.group(2);
        int shift = unit.startsWith("k") ? 10 : unit.startsWith("m") ? 20 : unit.startsWith("g") ? 30 : 0;
        try {
            return Math.multiplyExact(amount, 1L << shift);
        } catch (ArithmeticException tooLarge) {
            throw new IllegalArgumentException("'" + text + "' is more bytes than can be counted");
        }
    }

    @Override
    public Long convert(String value) {
        try {
            return parse(value);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.TypeConversionException(e.getMessage());
        }
    }
}
