package dev.tapedeck.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tapedeck.model.TapedeckError;
import dev.tapedeck.spi.ProviderConfig;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The API key and base URL every HTTP provider reads: explicit, else environment, else (base URL) the default. */
class ConnectionSettingsTest {

    private static final URI DEFAULT = URI.create("https://api.example.com");

    private static ProviderConfig env(Map<String, String> variables) {
        return ProviderConfig.builder().environment(name -> Optional.ofNullable(variables.get(name))).build();
    }

    private static TapedeckError badBase(String configured) {
        return ConnectionSettings.baseUrl("my-prov", env(Map.of("MY_PROV_BASE_URL", configured)), DEFAULT).getLeft();
    }

    @Test
    void withoutAConfiguredBaseUrlTheDefaultIsUsedAsGiven() {
        assertThat(ConnectionSettings.baseUrl("anchor", env(Map.of()), DEFAULT).get()).isEqualTo(DEFAULT);
    }

    @Test
    void theExplicitBaseUrlWinsOverTheEnvironment() {
        ProviderConfig config = ProviderConfig.builder().baseUrl(URI.create("https://explicit.example.com/v2"))
                .environment(name -> Optional.of("https://from-env.example.com")).build();

        assertThat(ConnectionSettings.baseUrl("anchor", config, DEFAULT).get())
                .isEqualTo(URI.create("https://explicit.example.com/v2"));
    }

    @ParameterizedTest(name = "{0} reads as {1}")
    @CsvSource({
            "http://127.0.0.1:9/api/, http://127.0.0.1:9/api",
            "'  https://api.example.com//  ', https://api.example.com",
            "http://localhost:8080, http://localhost:8080",
            "https://api.example.com/a%20b/, https://api.example.com/a%20b",
            "http://[::1]:9000/x, http://[::1]:9000/x"})
    void theBaseUrlFromTheEnvironmentIsStrippedOfTrailingSlashes(String configured, String expected) {
        URI base = ConnectionSettings.baseUrl("notte", env(Map.of("NOTTE_BASE_URL", configured)), DEFAULT).get();

        assertThat(base).isEqualTo(URI.create(expected));
    }

    @Test
    void aBaseUrlThatIsNotAUrlNamesTheVariableAndGivesAnExample() {
        TapedeckError error = badBase("not a url ^");

        assertThat(error).isInstanceOfSatisfying(TapedeckError.Misconfigured.class,
                m -> assertThat(m.provider()).isEqualTo("my-prov"));
        assertThat(error.message()).startsWith("my-prov: the base URL").contains("it is not a URL")
                .contains("fix MY_PROV_BASE_URL or the explicit base URL, e.g. https://api.example.com");
    }

    @ParameterizedTest
    @ValueSource(strings = {"api.notte.cc", "/relative/path", "mailto:someone@example.com", "https:/nohost"})
    void aBaseUrlWithoutSchemeOrAuthorityIsNotAbsolute(String configured) {
        assertThat(badBase(configured).message()).contains("MY_PROV_BASE_URL").contains("absolute");
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://api.example.com/?token=s3cr3t", "https://api.example.com/#s3cr3t"})
    void aBaseUrlWithAQueryOrFragmentIsRefusedWithoutShowingIt(String configured) {
        TapedeckError error = badBase(configured);

        assertThat(error.message()).contains("query or fragment").contains("MY_PROV_BASE_URL").doesNotContain("s3cr3t");
    }

    @Test
    void plainHttpOffLoopbackIsRefusedSayingToUseHttps() {
        TapedeckError error = badBase("http://api.example.com");

        assertThat(error).isInstanceOf(TapedeckError.Misconfigured.class);
        assertThat(error.message()).contains("MY_PROV_BASE_URL").contains("https");
    }

    @Test
    void userInfoIsRefusedAndNeverShown() {
        TapedeckError error = badBase("https://user:pa55word@api.example.com");

        assertThat(error.message()).contains("user-info").contains("MY_PROV_BASE_URL").doesNotContain("pa55word");
    }

    @Test
    void anotherSchemeIsRefused() {
        assertThat(badBase("ftp://api.example.com").message()).contains("'ftp' is not http or https");
    }

    @Test
    void theApiKeyComesFromTheEnvironmentWhenNotExplicit() {
        assertThat(ConnectionSettings.apiKey("my-prov", env(Map.of("MY_PROV_API_KEY", "k-env"))).get().reveal())
                .isEqualTo("k-env");
        assertThat(ConnectionSettings.apiKey("my-prov", ProviderConfig.builder().apiKey("k-explicit")
                .environment(name -> Optional.of("k-env")).build()).get().reveal()).isEqualTo("k-explicit");
    }

    @Test
    void aMissingApiKeyIsUnauthorizedNamingTheVariable() {
        TapedeckError error = ConnectionSettings.apiKey("my-prov", env(Map.of())).getLeft();

        assertThat(error).isInstanceOf(TapedeckError.Unauthorized.class);
        assertThat(error.provider()).isEqualTo("my-prov");
        assertThat(error.message()).isEqualTo("my-prov: no API key; set MY_PROV_API_KEY (or, in Java, use "
                + "ProviderConfig.builder().apiKey(..))");
    }
}
