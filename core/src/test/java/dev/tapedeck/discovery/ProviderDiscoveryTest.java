package dev.tapedeck.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tapedeck.Connection;
import dev.tapedeck.ProviderInfo;
import dev.tapedeck.Tapedeck;
import dev.tapedeck.internal.discovery.ProviderDiscovery;
import dev.tapedeck.model.SessionId;
import dev.tapedeck.model.TapedeckError;
import dev.tapedeck.spi.ProviderConfig;
import io.vavr.control.Either;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProviderDiscoveryTest {

    private static final ProviderConfig CONFIG = ProviderConfig.builder().apiKey("k-123")
            .environment(name -> Optional.empty()).build();

    @TempDir
    Path dir;

    /** A class loader whose only service registration lists {@code classNames}; classes come from the parent. */
    private ClassLoader loaderRegistering(String... classNames) throws IOException {
        Path services = dir.resolve("META-INF/services");
        Files.createDirectories(services);
        Files.write(services.resolve("dev.tapedeck.spi.ProviderFactory"), List.of(classNames));
        return new URLClassLoader(new URL[] {dir.toUri().toURL()}, getClass().getClassLoader());
    }

    private static <T> T withContextLoader(ClassLoader loader, Supplier<T> action) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            return action.get();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    @Test
    void findsTheProviderRegisteredOnTheClasspath() {
        assertThat(Tapedeck.providers()).extracting(ProviderInfo::id, ProviderInfo::displayName)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("fake", "Fake"));
        assertThat(Tapedeck.providers().get(0).capabilities()).isEqualTo(FakeProviderFactory.CAPABILITIES);
        assertThat(Tapedeck.providers().get(0).source()).isEqualTo(ProviderInfo.CLASS_PATH);
    }

    @Test
    void findsProvidersWhenTheContextClassLoaderIsNull() {
        List<ProviderInfo> found = withContextLoader(null, Tapedeck::providers);
        assertThat(found).extracting(ProviderInfo::id).containsExactly("fake");
        Either<TapedeckError, Connection> connection = withContextLoader(null, () -> Tapedeck.connect("fake", CONFIG));
        assertThat(connection.isRight()).isTrue();
    }

    @Test
    void findsProvidersWhenTheContextClassLoaderIsForeign() throws IOException {
        try (URLClassLoader foreign = new URLClassLoader(new URL[0], ClassLoader.getPlatformClassLoader())) {
            List<ProviderInfo> found = withContextLoader(foreign, Tapedeck::providers);
            assertThat(found).extracting(ProviderInfo::id).containsExactly("fake");
        }
    }

    @Test
    void connectsAndTheConnectionWorks() {
        Connection connection = Tapedeck.connect("fake", CONFIG).get();
        assertThat(connection.recordings().recordings(SessionId.of("s1")).get()).isEmpty();
        connection.close();
    }

    @Test
    void anUnknownIdListsTheKnownOnes() {
        TapedeckError error = Tapedeck.connect("anchr", CONFIG).getLeft();
        assertThat(error).isInstanceOf(TapedeckError.Misconfigured.class);
        assertThat(error.message()).isEqualTo("no provider with id 'anchr'; known providers: fake");
    }

    @Test
    void twoProvidersWithOneIdAreReportedWithTheirClasses() throws IOException {
        ClassLoader loader = loaderRegistering(DuplicateFakeFactory.class.getName());
        TapedeckError error = Tapedeck.connect("fake", CONFIG, loader).getLeft();
        assertThat(error.message()).contains("provider id 'fake' is registered by 2 classes")
                .contains(DuplicateFakeFactory.class.getName()).contains(FakeProviderFactory.class.getName())
                .contains("keep only one of their jars");
    }

    @Test
    void aBrokenProviderIsReportedAndDoesNotHideTheOthers() throws IOException {
        ClassLoader loader = loaderRegistering(ThrowingFactory.class.getName(), "com.example.MissingFactory");
        assertThat(Tapedeck.connect("fake", CONFIG, loader).isRight()).isTrue();
        TapedeckError error = Tapedeck.connect("broken", CONFIG, loader).getLeft();
        assertThat(error.message()).contains("known providers: fake")
                .contains("some providers failed to load")
                .contains("ThrowingFactory").contains("missing native library")
                .contains("com.example.MissingFactory");
    }

    @Test
    void noProviderAtAllGivesAHint() throws IOException {
        try (URLClassLoader empty = new URLClassLoader(new URL[0], null)) {
            TapedeckError error = ProviderDiscovery.discoverIn(List.of(empty)).factory("acme").getLeft();
            assertThat(error.message()).startsWith("no Tapedeck provider is on the classpath")
                    .contains("tapedeck-provider-<id>").contains("ServicesResourceTransformer");
        }
    }

    @Test
    void aFactoryThatThrowsWhileConnectingIsReportedNotThrown() throws IOException {
        ClassLoader loader = loaderRegistering(ExplodingConnectFactory.class.getName());
        TapedeckError error = Tapedeck.connect("exploding", CONFIG, loader).getLeft();
        assertThat(error).isInstanceOf(TapedeckError.Misconfigured.class);
        assertThat(error.message()).contains(ExplodingConnectFactory.class.getName())
                .contains("failed while connecting").contains("boom");
    }

    @Test
    void explicitConstructionNeedsNoDiscovery() {
        assertThat(new FakeProviderFactory().connect(CONFIG).isRight()).isTrue();
    }

    @Test
    void aMissingKeyIsAConfigurationErrorFromTheFactory() {
        ProviderConfig noKey = ProviderConfig.builder().environment(name -> Optional.empty()).build();
        assertThat(Tapedeck.connect("fake", noKey).getLeft()).isInstanceOf(TapedeckError.Misconfigured.class);
    }

    @Test
    void aMalformedRateLimitVariableIsAConfigurationErrorNamingIt() {
        ProviderConfig config = ProviderConfig.builder().apiKey("k")
                .environment(name -> name.equals("FAKE_RATE_LIMIT") ? Optional.of("sixty a minute") : Optional.empty())
                .build();
        TapedeckError error = Tapedeck.connect("fake", config).getLeft();
        assertThat(error).isInstanceOf(TapedeckError.Misconfigured.class);
        assertThat(error.message()).startsWith("FAKE_RATE_LIMIT: 'sixty a minute' is not a rate limit")
                .contains("write e.g. 60/1m");
    }
}
