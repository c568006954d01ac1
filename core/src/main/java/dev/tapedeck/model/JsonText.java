package dev.tapedeck.model;

import java.util.Iterator;
import java.util.Map;

/**
 * Writes a {@link JsonValue} as compact JSON text (RFC 8259): strings escape the quote, the backslash, every
 * control character and the line and paragraph separators, so the text is one line that any JSON reader accepts.
 */
final class JsonText {

    private JsonText() {
    }

    static void write(JsonValue value, StringBuilder out) {
        if (value instanceof JsonValue.TextValue text) {
            string(text.value(), out);
        } else if (value instanceof JsonValue.NumberValue number) {
            out.append(number.value().toString());
        } else if (value instanceof JsonValue.BooleanValue bool) {
            out.append(bool.value());
        } else if (value instanceof JsonValue.ListValue list) {
            out.append('[');
            for (int i = 0; i < list.values().size(); i++) {
                out.append(i == 0 ? "" : ",");
                write(list.values().get(i), out);
            }
            out.append(']');
        } else if (value instanceof JsonValue.ObjectValue object) {
            out.append('{');
            Iterator<Map.Entry<String, JsonValue>> members = object.members().entrySet().iterator();
            while (members.hasNext()) {
                Map.Entry<String, JsonValue> member = members.next();
                string(member.getKey(), out);
                out.append(':');
                write(member.getValue(), out);
                if (members.hasNext()) {
                    out.append(',');
                }
            }
            out.append('}');
        } else {
            out.append("null");
        }
    }

    private static void string(String value, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"':
                    out.append("\\\"");
                    break;
                case '\\':
                    out.append("\\\\");
                    break;
                case '\n':
                    out.append("\\n");
                    break;
                case '\r':
                    out.append("\\r");
                    break;
                case '\t':
                    out.append("\\t");
                    break;
                case '\b':
                    out.append("\\b");
                    break;
                case '\f':
                    out.append("\\f");
                    break;
                default:
                    if (c < 0x20 || c == '\u2028' || c == '\u2029') {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
            }
        }
        out.append('"');
    }
}
