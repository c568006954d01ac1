package dev.tapedeck.provider.anchor;

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
import org.junit.jupiter.api.Test;

class AnchorRegistrationTest {

    @Test
    void discoveryListsAnchorWithItsCapabilities() {
        ProviderInfo anchor = Tapedeck.providers().stream().filter(p -> p.id().equals("anchor")).findFirst()
                .orElseThrow(() -> new AssertionError("anchor not discovered: " + Tapedeck.providers()));

        assertThat(anchor.displayName()).isEqualTo("AnchorBrowser");
        assertThat(anchor.factoryClass()).isEqualTo(AnchorProviderFactory.class.getName());
        assertThat(anchor.capabilities().operations()).containsExactlyInAnyOrder(Capability.LIST_RECORDINGS,
                Capability.PRIMARY_RECORDING, Capability.PAUSE_RESUME, Capability.SESSION_HISTORY);
        assertThat(anchor.capabilities().historyFilters()).containsOnly(
                Map.entry(SessionFilter.STATUS, FilterSupport.SERVER),
                Map.entry(SessionFilter.TAGS, FilterSupport.SERVER),
                Map.entry(SessionFilter.DOMAINS, FilterSupport.SERVER),
                Map.entry(SessionFilter.SEARCH, FilterSupport.SERVER),
                Map.entry(SessionFilter.CREATED_RANGE, FilterSupport.SERVER),
                Map.entry(SessionFilter.SORT, FilterSupport.SERVER));
    }

    @Test
    void connectingByIdThroughDiscoveryGivesBothPorts() {
        ProviderConfig config = ProviderConfig.builder().environment(name -> Optional.empty()).apiKey("k-1").build();

        try (Connection connection = Tapedeck.connect("anchor", config).get()) {
            assertThat(connection.provider()).isEqualTo("anchor");
            assertThat(connection.recordings().provider()).isEqualTo("anchor");
            assertThat(connection.history().provider()).isEqualTo("anchor");
            assertThat(connection.toString()).contains("https://api.anchorbrowser.io").doesNotContain("k-1");
        }
    }

    @Test
    void withoutAKeyConnectingTellsToSetAnchorApiKey() {
        ProviderConfig config = ProviderConfig.builder().environment(name -> Optional.empty()).build();

        TapedeckError error = new AnchorProviderFactory().connect(config).getLeft();

        assertThat(error).isInstanceOf(TapedeckError.Unauthorized.class);
        assertThat(error.message()).contains("ANCHOR_API_KEY");
    }

    @Test
    void theKeyAndBaseUrlComeFromTheEnvironment() {
        Map<String, String> env = Map.of("ANCHOR_API_KEY", "env-key", "ANCHOR_BASE_URL", "http://127.0.0.1:9/api/");
        ProviderConfig config = ProviderConfig.builder().environment(name -> Optional.ofNullable(env.get(name))).build();

        try (Connection connection = new AnchorProviderFactory().connect(config).get()) {
            assertThat(connection.toString()).contains("http://127.0.0.1:9/api").doesNotContain("env-key");
        }
    }

    @Test
    void aMalformedBaseUrlIsMisconfigured() {
        ProviderConfig config = ProviderConfig.builder().environment(name -> Optional.of("not a url ^")).build();

        TapedeckError error = new AnchorProviderFactory().connect(config).getLeft();

        assertThat(error).isInstanceOf(TapedeckError.Misconfigured.class);
        assertThat(error.message()).contains("ANCHOR_BASE_URL");
    }

    @Test
    void aPlainHttpBaseUrlOffLoopbackIsMisconfigured() {
        ProviderConfig config = ProviderConfig.builder().environment(name -> Optional.empty()).apiKey("k")
                .baseUrl(URI.create("http://api.anchorbrowser.io")).build();

        TapedeckError error = new AnchorProviderFactory().connect(config).getLeft();

        assertThat(error).isInstanceOf(TapedeckError.Misconfigured.class);
        assertThat(error.message()).contains("https");
    }

    @Test
    void constructingTheFactoryReadsNothing() {
        AnchorProviderFactory factory = new AnchorProviderFactory();

        assertThat(factory.metadata().id()).isEqualTo("anchor");
        assertThat(factory.metadata().displayName()).isEqualTo("AnchorBrowser");
        assertThat(factory.metadata().capabilities().supports(Capability.WAIT_UNTIL_READY)).isFalse();
        assertThat(factory.metadata().environment()).extracting(v -> v.name(), v -> v.secret()).containsExactly(
                org.assertj.core.groups.Tuple.tuple("ANCHOR_API_KEY", true),
                org.assertj.core.groups.Tuple.tuple("ANCHOR_BASE_URL", false));
    }
}
