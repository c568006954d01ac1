package dev.tapedeck.junit;

import dev.tapedeck.Connection;
import dev.tapedeck.Tapedeck;
import dev.tapedeck.model.TapedeckError;
import dev.tapedeck.retry.RetryPolicy;
import dev.tapedeck.sandbox.ManualClock;
import dev.tapedeck.sandbox.Sandbox;
import dev.tapedeck.sandbox.spi.ClientSettings;
import dev.tapedeck.spi.ProviderConfig;
import io.vavr.control.Either;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The running sandbox of a {@link TapedeckSandbox} test class and what reaches its providers through Tapedeck:
 * configurations that read nothing from the environment, run on the sandbox's {@link ManualClock}, sleep on it
 * through a {@link ClockSleeper} and retry without jitter, so every wait a test sees is exact; and connections that
 * are closed for the test. Thread-safe.
 *
 * <p>A connection opened during a test (in the test method, a {@code @BeforeEach} method, or as a parameter) is closed
 * after that test; one opened outside a test (a constructor, a {@code @BeforeAll} method) after the class.
 */
public final class SandboxClients {

    private final Sandbox sandbox;
    private final ManualClock clock;
    private final ClockSleeper sleeper;
    private final List<Connection> classConnections = new ArrayList<>();
    private List<Connection> testConnections;

    SandboxClients(Sandbox sandbox, ManualClock clock) {
        this.sandbox = sandbox;
        this.clock = clock;
        this.sleeper = new ClockSleeper(clock);
    }

    /** The sandbox. */
    public Sandbox sandbox() {
        return sandbox;
    }

    /** The sandbox's clock, which the configurations of {@link #config} read too. */
    public ManualClock clock() {
        return clock;
    }

    /** The sleeper of the configurations of {@link #config}: it moves {@link #clock()} and records each pause. */
    public ClockSleeper sleeper() {
        return sleeper;
    }

    /**
     * A configuration builder that reaches {@code provider} in the sandbox with its valid key and settings, to be
     * changed further (timeouts, retries) before {@code build()}.
     *
     * @throws IllegalArgumentException when the sandbox emulates no such provider, naming those it emulates
     */
    public ProviderConfig.Builder config(String provider) {
        ClientSettings settings = sandbox.clientSettings(provider);
        ProviderConfig.Builder builder = ProviderConfig.builder()
                .environment(name -> Optional.empty())
                .apiKey(settings.apiKey())
                .baseUrl(settings.baseUrl())
                .clock(clock)
                .sleeper(sleeper)
                .retryPolicy(RetryPolicy.defaults().withRandom(() -> 0.0));
        settings.settings().forEach(builder::setting);
        return builder;
    }

    /** A connection to {@code provider} with {@link #config}; see the class comment for when it is closed. */
    public Connection connect(String provider) {
        return connect(provider, config(provider).build());
    }

    /**
     * A connection to {@code provider} with {@code config}, found through {@link Tapedeck#connect}; see the class
     * comment for when it is closed.
     *
     * @throws IllegalStateException when Tapedeck cannot connect (no such provider on the class path, a
     *                               configuration it refuses), with the error's message
     */
    public Connection connect(String provider, ProviderConfig config) {
        Either<TapedeckError, Connection> connected = Tapedeck.connect(provider, config);
        if (connected.isLeft()) {
            throw new IllegalStateException("cannot connect to " + provider + " in the sandbox: "
                    + connected.getLeft().message());
        }
        Connection connection = connected.get();
        synchronized (this) {
            (testConnections != null ? testConnections : classConnections).add(connection);
        }
        return connection;
    }

    /** From here on, connections belong to the test that is starting. */
    synchronized void testStarts() {
        testConnections = new ArrayList<>();
    }

    /** Closes the test's connections and puts the sandbox back as it started, for the next test. */
    void testEnded() {
        List<Connection> opened;
        synchronized (this) {
            opened = testConnections == null ? List.of() : testConnections;
            testConnections = null;
        }
        opened.forEach(Connection::close);
        sleeper.clear();
        sandbox.reset();
    }

    /** Closes every connection and the sandbox. */
    void close() {
        List<Connection> opened = new ArrayList<>();
        synchronized (this) {
            opened.addAll(classConnections);
            classConnections.clear();
            if (testConnections != null) {
                opened.addAll(testConnections);
                testConnections.clear();
            }
        }
        opened.forEach(Connection::close);
        sandbox.close();
    }

    @Override
    public String toString() {
        return "SandboxClients[" + Objects.toString(sandbox) + "]";
    }
}
