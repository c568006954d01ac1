package dev.tapedeck.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tapedeck.retry.RateLimit;
import dev.tapedeck.retry.RetryBudget;
import java.time.Duration;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ProviderConfigTest {

    private static final Map<String, String> ENV = Map.of(
            "KATAVEN_API_KEY", "kt-from-env",
            "KATAVEN_ACCOUNT_ID", "acme",
            "KATAVEN_BASE_URL", "https://env.example",
            "NOTTE_API_KEY", "   ",
            "KATAVEN_RATE_LIMIT", "120/1m,40 at once");

    private static ProviderConfig.Builder builder() {
        return ProviderConfig.builder().environment(name -> Optional.ofNullable(ENV.get(name)));
    }

    @Test
    void theEnvironmentIsReadUnderTheProviderPrefix() {
        ProviderConfig config = builder().build();
        assertThat(config.apiKey("kataven").map(Secret::reveal)).contains("kt-from-env");
        assertThat(config.setting("kataven", "account_id")).contains("acme");
        assertThat(config.baseUrl("kataven")).contains("https://env.example");
        assertThat(config.apiKey("anchor")).isEmpty();
    }

    @Test
    void theRateLimitIsTheExplicitOneElseTheVariableElseTheDeclaredOne() {
        RateLimit declared = RateLimit.of(60, Duration.ofMinutes(1)).withAtOnce(20);
        assertThat(builder().build().rateLimit("kataven", declared).get())
                .isEqualTo(RateLimit.of(120, Duration.ofMinutes(1)).withAtOnce(40));
        assertThat(builder().build().rateLimit("anchor", declared).get()).isEqualTo(declared);
        assertThat(builder().rateLimit(RateLimit.unlimited()).build().rateLimit("kataven", declared).get())
                .isEqualTo(RateLimit.unlimited());
    }

    @Test
    void blankEnvironmentValuesCountAsAbsent() {
        assertThat(builder().build().apiKey("notte")).isEmpty();
    }

    @Test
    void explicitValuesWinOverTheEnvironment() {
        ProviderConfig config = builder().apiKey("explicit").baseUrl(URI.create("http://127.0.0.1:9"))
                .setting("account_id", "other").build();
        assertThat(config.apiKey("kataven").map(Secret::reveal)).contains("explicit");
        assertThat(config.baseUrl("kataven")).contains("http://127.0.0.1:9");
        assertThat(config.setting("kataven", "account_id")).contains("other");
    }

    @Test
    void toStringShowsNeitherTheBaseUrlsUserInfoNorItsQueryNorSettingValues() {
        ProviderConfig config = builder().apiKey("sk_live_acme_supersecret")
                .baseUrl(URI.create("https://admin:hunter22@api.example.com/v1?token=tok_live_abcdef"))
                .setting("account_id", "acct-private-991").build();

        assertThat(config.toString()).contains("https://api.example.com/v1?…").contains("account_id")
                .doesNotContain("admin").doesNotContain("hunter22").doesNotContain("tok_live_abcdef")
                .doesNotContain("acct-private-991").doesNotContain("supersecret");
    }

    @Test
    void theNewSettingsHaveSafeDefaults() {
        ProviderConfig config = builder().build();

        assertThat(config.apiBodyLimit()).isEqualTo(8L << 20);
        assertThat(config.allowPrivateAddresses()).isFalse();
        assertThat(config.retryBudget()).isEqualTo(RetryBudget.defaults());
        assertThatThrownBy(() -> builder().apiBodyLimit(0))
                .hasMessageContaining("must be positive");
    }

    @Test
    void secretsNeverPrint() {
        ProviderConfig config = builder().apiKey("sk_live_acme_supersecret").build();
        assertThat(config.toString()).doesNotContain("supersecret").contains("apiKey=****");
        assertThat(config.apiKey("x").orElseThrow().toString()).isEqualTo("Secret[****]");
    }
}
