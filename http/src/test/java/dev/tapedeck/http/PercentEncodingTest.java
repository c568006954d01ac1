package dev.tapedeck.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PercentEncodingTest {

    @ParameterizedTest(name = "[{0}] encodes as [{1}]")
    @CsvSource(delimiter = '|', value = {
            "AZaz09-._~|AZaz09-._~",
            "a/b|a%2Fb",
            "50%2Fx|50%252Fx",
            "my session|my%20session",
            "sess-ü-日本|sess-%C3%BC-%E6%97%A5%E6%9C%AC",
            "q?x=1#frag|q%3Fx%3D1%23frag",
            "a;b,c+d&e|a%3Bb%2Cc%2Bd%26e",
            "2026-03-10T08:00:00Z|2026-03-10T08%3A00%3A00Z"})
    void keepsOnlyUnreservedCharacters(String value, String encoded) {
        assertThat(PercentEncoding.encode(value)).isEqualTo(encoded);
    }

    @Test
    void anyTextEncodesToOneSegmentThatDecodesBackToItself() {
        SplittableRandom random = new SplittableRandom(20260310);
        for (int i = 0; i < 500; i++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(1, 12);
            for (int j = 0; j < length; j++) {
                text.appendCodePoint(random.nextBoolean() ? random.nextInt(0x20, 0x7F) : random.nextInt(0xA0, 0x3000));
            }
            String encoded = PercentEncoding.encode(text.toString());

            assertThat(encoded).matches("([A-Za-z0-9._~-]|%[0-9A-F]{2})+");
            assertThat(URI.create("https://h/" + encoded).getRawPath()).isEqualTo("/" + encoded);
            assertThat(URLDecoder.decode(encoded, StandardCharsets.UTF_8))
                    .isEqualTo(text.toString());
        }
    }
}
