package dev.tapedeck.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class UrlsTest {

    @ParameterizedTest
    @ValueSource(strings = {"https://cdn.example/a.mp4?sig=1", " http://127.0.0.1:8080/x ", "HTTPS://Cdn.Example/b"})
    void absoluteHttpUrlsAreRead(String text) {
        assertThat(Urls.absoluteHttp(text)).contains(URI.create(text.strip()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "/relative/path", "s3://bucket/key", "mailto:a@b.c", "https://bad host/x",
            "https:///no-authority"})
    void anythingElseIsEmpty(String text) {
        assertThat(Urls.absoluteHttp(text)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"/v1/files/a.mp4, https://api.example/v1/files/a.mp4",
            "https://cdn.example/a.mp4, https://cdn.example/a.mp4"})
    void aRelativeReferenceIsResolvedAgainstTheBase(String text, String expected) {
        assertThat(Urls.absoluteHttp(text, URI.create("https://api.example/v1"))).isEqualTo(Optional.of(URI.create(expected)));
    }
}
