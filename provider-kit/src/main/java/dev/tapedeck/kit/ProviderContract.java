package dev.tapedeck.kit;

import dev.tapedeck.spi.ProviderFactory;
import java.util.Objects;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * The contract every provider passes, as one JUnit 5 test class to extend: discovery and metadata
 * ({@link DiscoveryContract}), keys, base URLs and secrets ({@link CredentialsContract}), hostile session ids
 * ({@link PathSegmentContract}), HTTP statuses, retries and Retry-After ({@link ErrorContract}), downloads,
 * credential-free media and streaming ({@link MediaContract}), paging and refusals ({@link HistoryContract}).
 *
 * <p>Each test runs against the provider's sandbox emulator (which must be on the test class path and name its seeded
 * sessions through {@code Emulation.seededSessions()}) in a fresh {@link ProviderFixture}; where the emulator cannot
 * show a case, against a scriptable loopback fake. A provider's test class only names its factory:
 *
 * <pre>{@code
 * class AcmeProviderTest extends ProviderContract {
 *     AcmeProviderTest() {
 *         super(new AcmeProviderFactory());
 *     }
 * }
 * }</pre>
 */
public abstract class ProviderContract implements DiscoveryContract, CredentialsContract, PathSegmentContract,
        ErrorContract, MediaContract, HistoryContract {

    private final ProviderFactory factory;
    private ProviderFixture fixture;

    /** The contract for the provider {@code factory} makes. */
    protected ProviderContract(ProviderFactory factory) {
        this.factory = Objects.requireNonNull(factory, "factory");
    }

    @BeforeEach
    final void startTheFixture() {
        fixture = new ProviderFixture(factory);
    }

    @AfterEach
    final void closeTheFixture() {
        fixture.close();
    }

    @Override
    public final ProviderFixture fixture() {
        return fixture;
    }
}
