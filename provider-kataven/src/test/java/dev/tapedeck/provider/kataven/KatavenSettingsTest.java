package dev.tapedeck.provider.kataven;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tapedeck.model.TapedeckError;
import dev.tapedeck.spi.ProviderConfig;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What Kataven reads besides the key and base URL: the account id a token key needs, and the path prefix. */
class KatavenSettingsTest {

    private static ProviderConfig env(Map<String, String> variables) {
        return ProviderConfig.builder().environment(name -> Optional.ofNullable(variables.get(name))).build();
    }

    @Test
    void malformedAccountIdIsMisconfiguredStatingTheRule() {
        TapedeckError error = new KatavenProviderFactory().connect(env(Map.of("KATAVEN_API_KEY", TestSupport.JWT,
                "KATAVEN_ACCOUNT_ID", "Acme Corp"))).getLeft();

        assertThat(error).isInstanceOf(TapedeckError.Misconfigured.class);
        assertThat(error.message()).contains("KATAVEN_ACCOUNT_ID").contains("Acme Corp")
                .contains("^[a-z0-9][a-z0-9_-]{0,62}$");
    }

    @Test
    void tokenKeyWithoutAccountIdIsUnauthorizedLikeAMissingKey() {
        TapedeckError error = new KatavenProviderFactory().connect(env(Map.of("KATAVEN_API_KEY", TestSupport.JWT)))
                .getLeft();

        assertThat(error).isInstanceOf(TapedeckError.Unauthorized.class);
        assertThat(error.message()).contains("KATAVEN_ACCOUNT_ID").contains("sk_live_")
                .doesNotContain(TestSupport.JWT);
    }

    @Test
    void liveKeyNeedsNoAccountId() {
        assertThat(new KatavenProviderFactory().connect(env(Map.of("KATAVEN_API_KEY", TestSupport.LIVE_KEY)))
                .isRight()).isTrue();
    }

    @Test
    void malformedPathPrefixIsMisconfigured() {
        TapedeckError error = new KatavenProviderFactory().connect(env(Map.of("KATAVEN_API_KEY", TestSupport.LIVE_KEY,
                "KATAVEN_PATH_PREFIX", "/api v1?x=1"))).getLeft();

        assertThat(error).isInstanceOf(TapedeckError.Misconfigured.class);
        assertThat(error.message()).contains("KATAVEN_PATH_PREFIX");
    }
}
