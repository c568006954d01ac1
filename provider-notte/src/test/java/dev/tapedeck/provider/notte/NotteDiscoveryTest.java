package dev.tapedeck.provider.notte;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tapedeck.Connection;
import dev.tapedeck.ProviderInfo;
import dev.tapedeck.Tapedeck;
import dev.tapedeck.model.Capability;
import dev.tapedeck.model.FilterSupport;
import dev.tapedeck.model.SessionFilter;
import dev.tapedeck.model.TapedeckError;
import dev.tapedeck.spi.ProviderConfig;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class NotteDiscoveryTest {

    @Test
    void notteIsDiscoveredThroughServiceLoaderWithItsCapabilities() {
        Optional<ProviderInfo> notte = Tapedeck.providers().stream().filter(p -> p.id().equals("notte")).findFirst();

        assertThat(notte).isPresent();
        assertThat(notte.get().displayName()).isEqualTo("Notte");
        assertThat(notte.get().factoryClass()).isEqualTo(NotteProviderFactory.class.getName());
        assertThat(notte.get().capabilities().operations()).isEqualTo(Set.of(Capability.LIST_RECORDINGS,
                Capability.PRIMARY_RECORDING, Capability.SESSION_HISTORY, Capability.WAIT_UNTIL_READY));
        assertThat(notte.get().capabilities().historyFilters()).isEqualTo(Map.of(
                SessionFilter.STATUS, FilterSupport.CLIENT, SessionFilter.CREATED_RANGE, FilterSupport.CLIENT));
    }

    @Test
    void connectsThroughDiscoveryWithTheKeyFromTheEnvironment() {
        ProviderConfig config = ProviderConfig.builder()
                .environment(name -> name.equals("NOTTE_API_KEY") ? Optional.of("from-env-key")
                        : name.equals("NOTTE_BASE_URL") ? Optional.of("http://127.0.0.1:9/notte/") : Optional.empty())
                .build();

        try (Connection connection = Tapedeck.connect("notte", config).get()) {
            assertThat(connection.provider()).isEqualTo("notte");
            assertThat(connection.capabilities()).isEqualTo(new NotteProviderFactory().metadata().capabilities());
            assertThat(connection.recordings().provider()).isEqualTo("notte");
            assertThat(connection.history().provider()).isEqualTo("notte");
            assertThat(connection.toString()).doesNotContain("from-env-key");
        }
    }

    @Test
    void missingKeyIsUnauthorizedNamingTheVariable() {
        TapedeckError error = new NotteProviderFactory().connect(ProviderConfig.builder()
                .environment(name -> Optional.empty()).build()).getLeft();

        assertThat(error).isInstanceOf(TapedeckError.Unauthorized.class);
        assertThat(error.provider()).isEqualTo("notte");
        assertThat(error.message()).contains("NOTTE_API_KEY");
    }

    @Test
    void plainHttpBaseUrlOffLoopbackIsMisconfigured() {
        TapedeckError error = new NotteProviderFactory().connect(ProviderConfig.builder().apiKey("k-123456")
                .baseUrl(URI.create("http://api.notte.cc")).environment(name -> Optional.empty()).build()).getLeft();

        assertThat(error).isInstanceOf(TapedeckError.Misconfigured.class);
        assertThat(error.message()).contains("NOTTE_BASE_URL").contains("https");
    }

    @Test
    void baseUrlThatIsNotAUrlIsMisconfigured() {
        TapedeckError error = new NotteProviderFactory().connect(ProviderConfig.builder().apiKey("k-123456")
                .environment(name -> name.equals("NOTTE_BASE_URL") ? Optional.of("api.notte.cc") : Optional.empty())
                .build()).getLeft();

        assertThat(error).isInstanceOf(TapedeckError.Misconfigured.class);
        assertThat(error.message()).contains("NOTTE_BASE_URL").contains("absolute");
    }
}
