package dev.tapedeck.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tapedeck.model.TapedeckError;
import java.net.URI;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UrlPolicyTest {

    @ParameterizedTest
    @ValueSource(strings = {"https://media.example.com/a.mp4?X-Amz-Signature=1", "http://localhost:8080/a",
            "http://127.0.0.1/a", "http://127.8.9.10:1/a", "http://[::1]:9000/a", "HTTPS://EXAMPLE.COM/"})
    void allowsHttpsAndLoopbackHttp(String url) {
        assertThat(UrlPolicy.check("anchor", URI.create(url)).get()).isEqualTo(URI.create(url));
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://media.example.com/a", "http://128.0.0.1/a", "http://localhost.evil.com/a",
            "https://user:secretpw@media.example.com/a", "http://user@localhost/a", "ftp://example.com/a",
            "file:///etc/passwd", "/relative/path", "mailto:someone@example.com", "https:///nohost"})
    void refusesEverythingElseWithoutShowingCredentials(String url) {
        TapedeckError error = UrlPolicy.check("anchor", URI.create(url)).getLeft();

        assertThat(error).isInstanceOf(TapedeckError.InvalidRequest.class);
        assertThat(error.message()).startsWith("anchor: refusing to fetch").doesNotContain("secretpw");
    }
}
