package dev.tapedeck.http;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * RFC 3986 percent-encoding of one path segment or query value: every byte of the UTF-8 form except the unreserved
 * characters ({@code A-Z a-z 0-9 - . _ ~}) becomes {@code %XX}, so the result is always one opaque segment or value.
 *
 * <p>Why not leave it to Feign: Feign keeps any {@code %XX} it finds as if it were already encoded, so an id
 * containing the text {@code %2F} would reach the server as a slash. Path parameters of clients made by
 * {@link HttpKit#api(Class)} are encoded with this automatically; call it yourself only for values Feign is told are
 * already encoded, such as those of a {@code @QueryMap(encoded = true)}.
 */
public final class PercentEncoding {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private PercentEncoding() {
    }

    /** {@code value} encoded so that it is one opaque path segment or query value. */
    public static String encode(String value) {
        byte[] bytes = Objects.requireNonNull(value, "value").getBytes(StandardCharsets.UTF_8);
        StringBuilder out = new StringBuilder(bytes.length * 3);
        for (byte b : bytes) {
            int c = b & 0xFF;
            if (c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9'
                    || c == '-' || c == '.' || c == '_' || c == '~') {
                out.append((char) c);
            } else {
                out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xF]);
            }
        }
        return out.toString();
    }
}
