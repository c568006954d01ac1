package dev.tapedeck.e2e;

import dev.tapedeck.sandbox.anchor.AnchorEmulator;
import dev.tapedeck.Connection;
import dev.tapedeck.Tapedeck;
import dev.tapedeck.download.DownloadOptions;
import dev.tapedeck.download.Downloader;
import dev.tapedeck.kit.fakes.RecordingSleeper;
import dev.tapedeck.model.TapedeckError;
import dev.tapedeck.retry.RetryPolicy;
import dev.tapedeck.sandbox.ManualClock;
import dev.tapedeck.sandbox.Origin;
import dev.tapedeck.sandbox.Sandbox;
import dev.tapedeck.sandbox.spi.ClientSettings;
import dev.tapedeck.sandbox.SandboxOptions;
import dev.tapedeck.spi.ProviderConfig;
import io.vavr.control.Either;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One sandbox on loopback with a {@link ManualClock}, and connections to it through the public entry point
 * {@link Tapedeck#connect}. The connections ignore the process environment, never sleep (a {@link RecordingSleeper}
 * moves the clock instead) and retry without jitter, so every wait a test sees is exact. A test class holds one
 * as a {@code @RegisterExtension} field: JUnit makes a class instance, so a sandbox, per test and closes it after.
 */
final class SandboxFixture implements AutoCloseable, AfterEachCallback {

    /** Where the manual clock starts. */
    static final Instant START = Instant.parse("2026-03-09T12:00:00Z");

    /** The size of {@code sess_0003}'s generated recording here: small, so tests stay fast. */
    static final long LARGE_RECORDING_BYTES = 256 * 1024;

    final ManualClock clock = new ManualClock(START);
    final RecordingSleeper sleeper = new RecordingSleeper(clock);
    final Sandbox sandbox;
    private final List<Connection> connections = new ArrayList<>();

    private SandboxFixture(UnaryOperator<SandboxOptions.Builder> options, boolean pausesOnTheClock) {
        SandboxOptions.Builder defaults = SandboxOptions.builder().clock(clock).threads(4)
                .setting("anchor", AnchorEmulator.LARGE_RECORDING_BYTES, String.valueOf(LARGE_RECORDING_BYTES));
        if (pausesOnTheClock) {
            defaults.pauser(pause -> clock.advance(pause));
        }
        this.sandbox = Sandbox.start(options.apply(defaults).build());
    }

    private SandboxFixture(UnaryOperator<SandboxOptions.Builder> options) {
        this(options, false);
    }

    /**
     * A sandbox whose fault pauses (latency, dribbled chunks) move the manual clock instead of waiting: a body sent
     * a byte every two seconds takes no time, yet two seconds pass per byte for the connections' deadlines.
     */
    static SandboxFixture pausingOnTheClock() {
        return new SandboxFixture(UnaryOperator.identity(), true);
    }

    /** A sandbox with the defaults above. */
    static SandboxFixture start() {
        return new SandboxFixture(UnaryOperator.identity());
    }

    /** A sandbox with the defaults above changed by {@code options}. */
    static SandboxFixture start(UnaryOperator<SandboxOptions.Builder> options) {
        return new SandboxFixture(options);
    }

    /** The configuration that reaches {@code provider} in this sandbox with its valid key. */
    ProviderConfig.Builder config(String provider) {
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

    /** The base URL a user gives for {@code provider}: the one of its emulation's client settings. */
    URI baseUrl(String provider) {
        return sandbox.clientSettings(provider).baseUrl();
    }

    /** A connection to {@code provider} with {@link #config}. */
    Connection connect(String provider) {
        return connect(provider, config(provider).build());
    }

    /** A connection to {@code provider} with {@code config}; fails the test when it cannot connect. */
    Connection connect(String provider, ProviderConfig config) {
        Either<TapedeckError, Connection> connected = Tapedeck.connect(provider, config);
        Connection connection = right(connected);
        connections.add(connection);
        return connection;
    }

    /** A downloader through {@code connection} on the manual clock. */
    Downloader downloader(Connection connection) {
        return new Downloader(connection.recordings(), clock, DownloadOptions.defaults());
    }

    /** API requests that reached {@code provider} so far. */
    long apiRequests(String provider) {
        return sandbox.counters().requests(provider);
    }

    /** Requests that reached the media host so far. */
    long mediaRequests() {
        return sandbox.counters().requests(Origin.MEDIA);
    }

    /** The value of {@code either}, or a test failure naming its error. */
    static <T> T right(Either<TapedeckError, T> either) {
        if (either.isLeft()) {
            throw new AssertionError("expected success but got " + either.getLeft());
        }
        return either.get();
    }

    /** The error of {@code either}, or a test failure naming its value. */
    static <T> TapedeckError left(Either<TapedeckError, T> either) {
        if (either.isRight()) {
            throw new AssertionError("expected an error but got " + either.get());
        }
        return either.getLeft();
    }

    /** As a {@code @RegisterExtension} field, a fixture per test, closed after it. */
    @Override
    public void afterEach(ExtensionContext context) {
        close();
    }

    @Override
    public void close() {
        connections.forEach(Connection::close);
        sandbox.close();
    }
}
