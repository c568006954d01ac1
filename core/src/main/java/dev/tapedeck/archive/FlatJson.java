package dev.tapedeck.archive;

import dev.tapedeck.model.JsonValue;
import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A small JSON codec for flat objects, one per line: string, number, boolean and null values, no nesting.
 * Core has no JSON library, and a manifest line needs no more. Strings are escaped per RFC 8259 (quote,
 * backslash and every control character); numbers read as {@link Long} when integral, else {@link BigDecimal}.
 */
final class FlatJson {

    private FlatJson() {
    }

    /** {@code fields} as one line of JSON, in map order; values must be String, Number, Boolean or null. */
    static String write(Map<String, ?> fields) {
        StringBuilder out = new StringBuilder("{");
        boolean first = true;
        for (Map.Entry<String, ?> field : fields.entrySet()) {
            if (!first) {
                out.append(',');
            }
            first = false;
            string(out, field.getKey());
            out.append(':');
            Object value = field.getValue();
            if (value == null) {
                out.append("null");
            } else if (value instanceof String) {
                string(out, (String) value);
            } else if (value instanceof Long || value instanceof Integer || value instanceof BigDecimal
                    || value instanceof Boolean) {
                out.append(value);
            } else {
                throw new IllegalArgumentException("field " + field.getKey() + " is a " + value.getClass().getName()
                        + "; flat JSON holds strings, integers, decimals, booleans and null");
            }
        }
        return out.append('}').toString();
    }

    /**
     * The fields of one line of JSON, in order; null values appear as {@link Optional#empty()}.
     *
     * @throws IllegalArgumentException saying where the line is not a flat JSON object
     */
    static Map<String, Optional<Object>> read(String line) {
        return new Reader(line).object();
    }

    private static void string(StringBuilder out, String value) {
        out.append(JsonValue.text(value).toJson());
    }

    /** A recursive-descent reader over one line. */
    private static final class Reader {
        private final String text;
        private int at;

        Reader(String text) {
            this.text = text;
        }

        Map<String, Optional<Object>> object() {
            Map<String, Optional<Object>> fields = new LinkedHashMap<>();
            space();
            expect('{');
            space();
            if (peek() == '}') {
                at++;
            } else {
                while (true) {
                    space();
                    String key = string();
                    space();
                    expect(':');
                    space();
                    if (fields.put(key, Optional.ofNullable(value())) != null) {
                        throw fail("duplicate field \"" + key + "\"");
                    }
                    space();
                    char next = next();
                    if (next == '}') {
                        break;
                    }
                    if (next != ',') {
                        throw fail("expected ',' or '}'");
                    }
                }
            }
            space();
            if (at != text.length()) {
                throw fail("unexpected text after the object");
            }
            return Collections.unmodifiableMap(fields);
        }

        private Object value() {
            char c = peek();
            if (c == '"') {
                return string();
            }
            if (c == '{' || c == '[') {
                throw fail("nested values are not supported");
            }
            if (text.startsWith("null", at)) {
                at += 4;
                return null;
            }
            if (text.startsWith("true", at)) {
                at += 4;
                return Boolean.TRUE;
            }
            if (text.startsWith("false", at)) {
                at += 5;
                return Boolean.FALSE;
            }
            return number();
        }

        private Object number() {
            int start = at;
            while (at < text.length() && "+-0123456789.eE".indexOf(text.charAt(at)) >= 0) {
                at++;
            }
            String literal = text.substring(start, at);
            if (!literal.matches("-?(0|[1-9]\\d*)(\\.\\d+)?([eE][+-]?\\d+)?")) {
                at = start;
                throw fail("expected a value");
            }
            BigDecimal number = new BigDecimal(literal);
            try {
                return literal.matches("-?\\d+") ? (Object) number.longValueExact() : number;
            } catch (ArithmeticException tooBig) {
                return number;
            }
        }

        private String string() {
            expect('"');
            StringBuilder out = new StringBuilder();
            while (true) {
                char c = next();
                if (c == '"') {
                    return out.toString();
                }
                if (c < 0x20) {
                    throw fail("unescaped control character in a string");
                }
                if (c != '\\') {
                    out.append(c);
                    continue;
                }
                char escape = next();
                switch (escape) {
                    case '"':
                    case '\\':
                    case '/':
                        out.append(escape);
                        break;
                    case 'n':
                        out.append('\n');
                        break;
                    case 'r':
                        out.append('\r');
                        break;
                    case 't':
                        out.append('\t');
                        break;
                    case 'b':
                        out.append('\b');
                        break;
                    case 'f':
                        out.append('\f');
                        break;
                    case 'u':
                        if (at + 4 > text.length()) {
                            throw fail("truncated \\u escape");
                        }
                        try {
                            out.append((char) Integer.parseInt(text.substring(at, at + 4), 16));
                        } catch (NumberFormatException notHex) {
                            throw fail("bad \\u escape");
                        }
                        at += 4;
                        break;
                    default:
                        throw fail("bad escape \\" + escape);
                }
            }
        }

        private void space() {
            while (at < text.length() && " \t\r\n".indexOf(text.charAt(at)) >= 0) {
                at++;
            }
        }

        private char peek() {
            if (at >= text.length()) {
                throw fail("unexpected end of line");
            }
            return text.charAt(at);
        }

        private char next() {
            char c = peek();
            at++;
            return c;
        }

        private void expect(char c) {
            if (next() != c) {
                at--;
                throw fail("expected '" + c + "'");
            }
        }

        private IllegalArgumentException fail(String problem) {
            return new IllegalArgumentException(problem + " at column " + (at + 1));
        }
    }
}
