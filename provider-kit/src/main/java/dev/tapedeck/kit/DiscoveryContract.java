package dev.tapedeck.kit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tapedeck.Connection;
import dev.tapedeck.EnvironmentVariable;
import dev.tapedeck.ProviderInfo;
import dev.tapedeck.ProviderMetadata;
import dev.tapedeck.SpiVersion;
import dev.tapedeck.Tapedeck;
import dev.tapedeck.model.Capabilities;
import dev.tapedeck.model.Capability;
import dev.tapedeck.spi.ProviderFactory;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

/**
 * A provider is found by discovery, says everything about itself once and consistently, and is built for this SPI.
 */
public interface DiscoveryContract {

    /** The fixture of the running test. */
    ProviderFixture fixture();

    @Test
    default void serviceLoaderAndDiscoveryFindTheFactory() {
        ProviderFixture kit = fixture();
        String factoryClass = kit.factory().getClass().getName();
        List<String> listed = ServiceLoader.load(ProviderFactory.class).stream().map(p -> p.type().getName()).toList();

        assertThat(listed).as("META-INF/services/dev.tapedeck.spi.ProviderFactory must list the factory")
                .contains(factoryClass);
        ProviderInfo found = Tapedeck.providers().stream().filter(p -> p.id().equals(kit.id())).findFirst()
                .orElseThrow(() -> new AssertionError("discovery does not list '" + kit.id() + "': "
                        + Tapedeck.problems(getClass().getClassLoader())));
        assertThat(found.factoryClass()).isEqualTo(factoryClass);
        assertThat(found.metadata()).isEqualTo(kit.metadata());
        assertThat(Tapedeck.problems(getClass().getClassLoader())).noneMatch(line -> line.contains("'" + kit.id() + "'"));
    }

    @Test
    default void theFactoryIsBuiltForThisSpiAndConstructsWithoutArguments() throws ReflectiveOperationException {
        ProviderFactory factory = fixture().factory();

        assertThat(factory.metadata().spiVersion()).as("pass SpiVersion.CURRENT to ProviderMetadata.builder")
                .isEqualTo(SpiVersion.CURRENT);
        ProviderFactory another = factory.getClass().getConstructor().newInstance();
        assertThat(another.metadata()).isEqualTo(factory.metadata());
        assertThat(factory.metadata()).as("metadata() is the same object every time").isSameAs(factory.metadata());
    }

    @Test
    default void theMetadataIsCompleteAndConsistent() {
        ProviderMetadata metadata = fixture().metadata();
        Capabilities capabilities = metadata.capabilities();

        assertThat(metadata.defaultBaseUrl().getScheme()).as("the default base URL").isEqualTo("https");
        assertThat(metadata.documentation().getScheme()).as("the documentation URL").isEqualTo("https");
        assertThat(metadata.recordingFormats()).as("the recording formats it serves").isNotEmpty();
        assertThat(capabilities.supports(Capability.LIST_RECORDINGS)
                || capabilities.supports(Capability.PRIMARY_RECORDING)).as("a provider of recordings lists or"
                + " resolves them").isTrue();
        if (!capabilities.supports(Capability.SESSION_HISTORY)) {
            assertThat(capabilities.historyFilters()).as("history filters without a history").isEmpty();
            assertThat(metadata.providerFilters()).as("provider filters without a history").isEmpty();
        }
        String prefix = EnvironmentVariable.nameFor(metadata.id(), "");
        assertThat(metadata.environment()).extracting(EnvironmentVariable::name)
                .allSatisfy(name -> assertThat(name).startsWith(prefix))
                .startsWith(prefix + "API_KEY", prefix + "BASE_URL").doesNotHaveDuplicates();
        assertThat(metadata.environment().get(0).secret()).as("the API key is a secret").isTrue();
    }

    @Test
    default void aConnectionAndItsPortsAnswerWithTheFactorysMetadata() {
        ProviderFixture kit = fixture();
        Connection connection = kit.connect();

        assertThat(connection.metadata()).isEqualTo(kit.metadata());
        assertThat(connection.recordings().metadata()).isEqualTo(kit.metadata());
        assertThat(connection.history().metadata()).isEqualTo(kit.metadata());
        assertThat(connection.provider()).isEqualTo(kit.id());
    }
}
