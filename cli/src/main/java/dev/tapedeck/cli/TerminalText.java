package dev.tapedeck.cli;

/**
 * Makes provider text safe to print on a terminal. Tags, statuses, ids and error messages come from providers and
 * may carry escape sequences that clear the screen, set the window title or hide text; every control character
 * (C0, DEL, C1), the bidi and other invisible format characters, and the Unicode line and paragraph separators are
 * shown as visible escapes (<code>&#92;x1b</code>, <code>&#92;u202e</code>) instead, so what is printed is what
 * was sent, readable.
 */
final class TerminalText {

    private TerminalText() {
    }

    /** {@code text} with every unsafe character replaced by its visible escape; {@code ""} for null. */
    static String safe(String text) {
        if (text == null) {
            return "";
        }
        int first = firstUnsafe(text);
        if (first < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 16).append(text, 0, first);
        text.codePoints().skip(text.codePointCount(0, first)).forEach(c -> {
            if (isUnsafe(c)) {
                out.append(c <= 0xFF ? String.format("\\x%02x", c) : String.format("\\u%04x", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.toString();
    }

    /** Whether {@code c} must not reach a terminal as it is. */
    static boolean isUnsafe(int c) {
        int type = Character.getType(c);
        if (type == Character.FORMAT) {
            // joiners and the soft hyphen shape text (emoji, Persian, Indic scripts) and move no cursor
            return c != 0x200C && c != 0x200D && c != 0x00AD;
        }
        return type == Character.CONTROL || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR;
    }

    private static int firstUnsafe(String text) {
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            if (isUnsafe(c)) {
                return i;
            }
            i += Character.charCount(c);
        }
        return -1;
    }
}
