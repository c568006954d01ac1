package dev.tapedeck.download;

import java.util.Optional;

/**
 * Checks that bytes fed in pieces are well-formed JSON (RFC 8259) in constant memory: a byte-level state machine
 * with a stack of at most {@value #MAX_DEPTH} open objects and arrays, holding neither the text nor its strings.
 * An event recording is one JSON value, or several (JSON Lines), each an object or an array; a bare number,
 * string or literal at the top is refused, since it is no recording but an answer such as {@code "error"}.
 *
 * <p>Feed the bytes with {@link #update}, then call {@link #finish()}; the first problem found sticks, and later
 * bytes are ignored. Not thread-safe.
 */
final class JsonSyntax {

    /** The deepest nesting accepted; deeper input is refused rather than held. */
    static final int MAX_DEPTH = 1024;

    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private enum State {
        /** Inside a UTF-8 byte-order mark at the very start. */
        BOM,
        /** Before a top-level value, or between two of them. */
        TOP,
        /** A value is expected (after a colon, or after a comma in an array). */
        VALUE,
        /** Just after '[': a value or ']'. */
        FIRST_IN_ARRAY,
        /** Just after '{': a key or '}'. */
        FIRST_IN_OBJECT,
        /** After a comma in an object: a key. */
        KEY,
        /** After a key: ':'. */
        COLON,
        /** After a value inside a container: ',' or the closing bracket. */
        AFTER_VALUE,
        STRING,
        STRING_ESCAPE,
        STRING_UNICODE,
        LITERAL,
        NUMBER_MINUS,
        NUMBER_ZERO,
        NUMBER_INTEGER,
        NUMBER_POINT,
        NUMBER_FRACTION,
        NUMBER_E,
        NUMBER_E_SIGN,
        NUMBER_EXPONENT
    }

    private final byte[] stack = new byte[MAX_DEPTH];
    private int depth;
    private State state = State.TOP;
    private boolean stringIsKey;
    private int hexDigits;
    private int bomAt;
    private String literal;
    private int literalAt;
    private long position;
    private long values;
    private String problem;

    /** Feeds {@code bytes[offset, offset + length)}, the next bytes of the text. */
    void update(byte[] bytes, int offset, int length) {
        for (int i = offset; i < offset + length && problem == null; i++) {
            accept(bytes[i] & 0xFF);
            position++;
        }
    }

    /** Why the text fed so far is not a complete recording of JSON, or empty when it is. */
    Optional<String> finish() {
        if (problem == null && state != State.TOP) {
            problem = "the JSON ends in the middle of a value after " + position + " bytes";
        }
        if (problem == null && values == 0) {
            problem = "there is no JSON value in it";
        }
        return Optional.ofNullable(problem);
    }

    private void accept(int b) {
        switch (state) {
            case BOM:
                if (b != (BOM[bomAt] & 0xFF)) {
                    fail("a broken byte-order mark");
                } else if (++bomAt == BOM.length) {
                    state = State.TOP;
                }
                return;
            case STRING:
                string(b);
                return;
            case STRING_ESCAPE:
                if ("\"\\/bfnrt".indexOf(b) >= 0) {
                    state = State.STRING;
                } else if (b == 'u') {
                    state = State.STRING_UNICODE;
                    hexDigits = 0;
                } else {
                    fail("a bad escape in a string");
                }
                return;
            case STRING_UNICODE:
                if (Character.digit(b, 16) < 0) {
                    fail("a bad \\u escape in a string");
                } else if (++hexDigits == 4) {
                    state = State.STRING;
                }
                return;
            case LITERAL:
                if (b != literal.charAt(literalAt)) {
                    fail("a misspelt " + literal);
                } else if (++literalAt == literal.length()) {
                    valueDone();
                }
                return;
            case NUMBER_MINUS:
                if (b == '0') {
                    state = State.NUMBER_ZERO;
                } else if (b >= '1' && b <= '9') {
                    state = State.NUMBER_INTEGER;
                } else {
                    fail("a '-' without digits");
                }
                return;
            case NUMBER_ZERO:
            case NUMBER_INTEGER:
                if (state == State.NUMBER_INTEGER && b >= '0' && b <= '9') {
                    return;
                }
                if (b == '.') {
                    state = State.NUMBER_POINT;
                } else if (b == 'e' || b == 'E') {
                    state = State.NUMBER_E;
                } else {
                    numberEnds(b);
                }
                return;
            case NUMBER_POINT:
                if (b >= '0' && b <= '9') {
                    state = State.NUMBER_FRACTION;
                } else {
                    fail("a '.' without digits after it");
                }
                return;
            case NUMBER_FRACTION:
                if (b >= '0' && b <= '9') {
                    return;
                }
                if (b == 'e' || b == 'E') {
                    state = State.NUMBER_E;
                } else {
                    numberEnds(b);
                }
                return;
            case NUMBER_E:
                if (b == '+' || b == '-') {
                    state = State.NUMBER_E_SIGN;
                } else if (b >= '0' && b <= '9') {
                    state = State.NUMBER_EXPONENT;
                } else {
                    fail("an exponent without digits");
                }
                return;
            case NUMBER_E_SIGN:
                if (b >= '0' && b <= '9') {
                    state = State.NUMBER_EXPONENT;
                } else {
                    fail("an exponent without digits");
                }
                return;
            case NUMBER_EXPONENT:
                if (b < '0' || b > '9') {
                    numberEnds(b);
                }
                return;
            default:
                structural(b);
        }
    }

    private void structural(int b) {
        if (b == ' ' || b == '\t' || b == '\n' || b == '\r') {
            return;
        }
        switch (state) {
            case TOP:
                if (position == 0 && b == (BOM[0] & 0xFF)) {
                    bomAt = 1;
                    state = State.BOM;
                    return;
                }
                if (b != '{' && b != '[') {
                    fail("a recording's JSON starts with '{' or '['");
                    return;
                }
                value(b);
                return;
            case VALUE:
            case FIRST_IN_ARRAY:
                if (b == ']' && state == State.FIRST_IN_ARRAY) {
                    close('[');
                } else {
                    value(b);
                }
                return;
            case FIRST_IN_OBJECT:
            case KEY:
                if (b == '}' && state == State.FIRST_IN_OBJECT) {
                    close('{');
                } else if (b == '"') {
                    stringIsKey = true;
                    state = State.STRING;
                } else {
                    fail("an object key that is not a string");
                }
                return;
            case COLON:
                if (b == ':') {
                    state = State.VALUE;
                } else {
                    fail("a key without ':'");
                }
                return;
            case AFTER_VALUE:
                byte open = stack[depth - 1];
                if (b == ',') {
                    state = open == '{' ? State.KEY : State.VALUE;
                } else if (b == '}' || b == ']') {
                    close(b == '}' ? '{' : '[');
                } else {
                    fail("a missing ',' between values");
                }
                return;
            default:
                fail("an unexpected '" + (char) b + "'");
        }
    }

    private void value(int b) {
        switch (b) {
            case '{':
            case '[':
                if (depth == MAX_DEPTH) {
                    fail("nesting deeper than " + MAX_DEPTH + " levels");
                    return;
                }
                stack[depth++] = (byte) b;
                state = b == '{' ? State.FIRST_IN_OBJECT : State.FIRST_IN_ARRAY;
                return;
            case '"':
                stringIsKey = false;
                state = State.STRING;
                return;
            case 't':
                startLiteral("true");
                return;
            case 'f':
                startLiteral("false");
                return;
            case 'n':
                startLiteral("null");
                return;
            case '-':
                state = State.NUMBER_MINUS;
                return;
            default:
                if (b >= '0' && b <= '9') {
                    state = b == '0' ? State.NUMBER_ZERO : State.NUMBER_INTEGER;
                } else {
                    fail("an unexpected '" + printable(b) + "' where a value belongs");
                }
        }
    }

    private void string(int b) {
        if (b == '"') {
            if (stringIsKey) {
                state = State.COLON;
            } else {
                valueDone();
            }
        } else if (b == '\\') {
            state = State.STRING_ESCAPE;
        } else if (b < 0x20) {
            fail("a raw control character in a string");
        }
    }

    private void startLiteral(String word) {
        literal = word;
        literalAt = 1;
        state = State.LITERAL;
    }

    private void numberEnds(int b) {
        valueDone();
        structural(b);
    }

    private void close(char open) {
        if (stack[depth - 1] != open) {
            fail("a bracket that does not match");
            return;
        }
        depth--;
        valueDone();
    }

    /** A value (scalar or container) just ended. */
    private void valueDone() {
        if (depth == 0) {
            state = State.TOP;
            values++;
        } else {
            state = State.AFTER_VALUE;
        }
    }

    private void fail(String what) {
        problem = "it is not well-formed JSON: " + what + " at byte " + position;
    }

    private static String printable(int b) {
        return b >= 0x20 && b < 0x7F ? String.valueOf((char) b) : String.format("\\x%02X", b);
    }
}
