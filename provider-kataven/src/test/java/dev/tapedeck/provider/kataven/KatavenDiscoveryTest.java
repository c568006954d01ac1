package dev.tapedeck.provider.kataven;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tapedeck.Connection;
import dev.tapedeck.ProviderInfo;
import dev.tapedeck.Tapedeck;
import dev.tapedeck.model.Capability;
import dev.tapedeck.model.TapedeckError;
import dev.tapedeck.spi.ProviderConfig;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class KatavenDiscoveryTest {

    private static ProviderConfig env(Map<String, String> variables) {
        return ProviderConfig.builder().environment(name -> Optional.ofNullable(variables.get(name))).build();
    }

    @Test
    void katavenIsDiscoveredThroughServiceLoaderWithItsCapabilities() {
        Optional<ProviderInfo> kataven = Tapedeck.providers().stream().filter(p -> p.id().equals("kataven"))
                .findFirst();

        assertThat(kataven).isPresent();
        assertThat(kataven.get().displayName()).isEqualTo("Kataven Hub");
        assertThat(kataven.get().factoryClass()).isEqualTo(KatavenProviderFactory.class.getName());
        assertThat(kataven.get().capabilities().operations()).isEqualTo(Set.of(Capability.LIST_RECORDINGS,
                Capability.PRIMARY_RECORDING, Capability.WAIT_UNTIL_READY));
        assertThat(kataven.get().capabilities().historyFilters()).isEmpty();
    }

    @Test
    void connectsThroughDiscoveryFromTheEnvironment() {
        ProviderConfig config = env(Map.of("KATAVEN_API_KEY", TestSupport.JWT, "KATAVEN_ACCOUNT_ID", "acme",
                "KATAVEN_BASE_URL", "http://localhost:9", "KATAVEN_PATH_PREFIX", "/v1"));

        try (Connection connection = Tapedeck.connect("kataven", config).get()) {
            assertThat(connection.provider()).isEqualTo("kataven");
            assertThat(connection.capabilities()).isEqualTo(new KatavenProviderFactory().metadata().capabilities());
            assertThat(connection.history().provider()).isEqualTo("kataven");
            assertThat(connection.toString()).doesNotContain(TestSupport.JWT);
        }
    }

    @Test
    void missingKeyIsUnauthorizedNamingTheVariable() {
        TapedeckError error = new KatavenProviderFactory().connect(env(Map.of())).getLeft();

        assertThat(error).isInstanceOf(TapedeckError.Unauthorized.class);
        assertThat(error.provider()).isEqualTo("kataven");
        assertThat(error.message()).contains("KATAVEN_API_KEY");
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

    @Test
    void plainHttpBaseUrlOffLoopbackIsMisconfigured() {
        TapedeckError error = new KatavenProviderFactory().connect(env(Map.of("KATAVEN_API_KEY", TestSupport.LIVE_KEY,
                "KATAVEN_BASE_URL", "http://api.kataven.ai"))).getLeft();

        assertThat(error).isInstanceOf(TapedeckError.Misconfigured.class);
        assertThat(error.message()).contains("KATAVEN_BASE_URL").contains("https");
    }
}
