package dev.tapedeck.kit;

import dev.tapedeck.Connection;
import dev.tapedeck.ProviderMetadata;
import dev.tapedeck.kit.fakes.HeldPauser;
import dev.tapedeck.kit.fakes.RecordingSleeper;
import dev.tapedeck.kit.fakes.ScriptedServer;
import dev.tapedeck.model.SessionId;
import dev.tapedeck.sandbox.ManualClock;
import dev.tapedeck.sandbox.Sandbox;
import dev.tapedeck.sandbox.SandboxOptions;
import dev.tapedeck.sandbox.spi.ClientSettings;
import dev.tapedeck.sandbox.spi.Emulation;
import dev.tapedeck.sandbox.spi.SeededSessions;
import dev.tapedeck.spi.ProviderConfig;
import dev.tapedeck.spi.ProviderFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What one contract test works with: the provider's factory, a sandbox running its emulator on a {@link ManualClock},
 * a {@link RecordingSleeper} on that clock (time passes for the provider and the sandbox alike, and never for real),
 * a {@link HeldPauser} for dribbled bodies, configurations that reach the emulator, and the seeded sessions the
 * emulator names ({@link Emulation#seededSessions()}). Everything it opens closes with it.
 */
public final class ProviderFixture implements AutoCloseable {

    /** Where the clock starts: a whole second, so that HTTP dates (whole seconds) give exact waits. */
    public static final Instant START = Instant.parse("2026-03-09T12:00:00Z");

    private final ProviderFactory factory;
    private final ManualClock clock = new ManualClock(START);
    private final RecordingSleeper sleeper = new RecordingSleeper(clock);
    private final HeldPauser pauser = new HeldPauser();
    private final Sandbox sandbox;
    private final ClientSettings settings;
    private final List<AutoCloseable> opened = new ArrayList<>();

    /**
     * Starts a sandbox for {@code factory}'s provider.
     *
     * @throws IllegalStateException when no emulator of the provider is on the class path
     */
    public ProviderFixture(ProviderFactory factory) {
        this.factory = Objects.requireNonNull(factory, "factory");
        this.sandbox = Sandbox.start(SandboxOptions.builder().clock(clock).pauser(pauser).threads(4).build());
        if (!sandbox.emulated().contains(id())) {
            sandbox.close();
            throw new IllegalStateException("the provider kit runs against the sandbox emulator of '" + id()
                    + "', and none is on the class path (emulated: " + sandbox.emulated() + "); ship one listed in"
                    + " META-INF/services/dev.tapedeck.sandbox.spi.ProviderEmulator" + problems());
        }
        this.settings = sandbox.clientSettings(id());
    }

    private String problems() {
        return sandbox.problems().isEmpty() ? "" : "; emulator problems: " + String.join("; ", sandbox.problems());
    }

    /** The factory under test. */
    public ProviderFactory factory() {
        return factory;
    }

    /** The factory's metadata. */
    public ProviderMetadata metadata() {
        return factory.metadata();
    }

    /** The provider id. */
    public String id() {
        return factory.metadata().id();
    }

    /** The running sandbox: its faults and counters. */
    public Sandbox sandbox() {
        return sandbox;
    }

    /** What the emulator says a client needs: base URL, a valid key, further settings. */
    public ClientSettings clientSettings() {
        return settings;
    }

    /** The clock of the sandbox and of every configuration made here. */
    public ManualClock clock() {
        return clock;
    }

    /** The sleeper of every configuration made here; it moves {@link #clock()}. */
    public RecordingSleeper sleeper() {
        return sleeper;
    }

    /** The sandbox's pauser, for dribbled bodies. */
    public HeldPauser pauser() {
        return pauser;
    }

    /** A configuration that reaches the emulator with its valid key; {@link #configAt} says what else it sets. */
    public ProviderConfig.Builder config() {
        return configAt(settings.baseUrl());
    }

    /**
     * A configuration with the emulator's key and settings against {@code baseUrl}: no environment, this fixture's
     * clock and sleeper, and retries without jitter (waits of exactly 0.5 s, then 1 s, or what Retry-After says).
     */
    public ProviderConfig.Builder configAt(URI baseUrl) {
        ProviderConfig.Builder builder = TestConfigs.at(baseUrl, settings.apiKey(), clock, sleeper);
        settings.settings().forEach(builder::setting);
        return builder;
    }

    /** A connection made with {@code config}, closed with this fixture; an AssertionError when it is refused. */
    public Connection connect(ProviderConfig config) {
        Connection connection = factory.connect(config).getOrElseThrow(error -> new AssertionError(
                id() + " refused a usable configuration: " + error.message()));
        opened.add(connection);
        return connection;
    }

    /** A connection to the emulator with its valid key. */
    public Connection connect() {
        return connect(config().build());
    }

    /**
     * A {@link ScriptedServer} playing {@code script}, closed with this fixture; {@link #baseUrlOn} gives the base
     * URL that sends the provider's calls to it.
     */
    public ScriptedServer server(ScriptedServer.Reply... script) {
        try {
            ScriptedServer server = new ScriptedServer(script);
            opened.add(server);
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The emulator's base URL moved onto {@code server}: the same path, so requests can be passed on unchanged. */
    public URI baseUrlOn(ScriptedServer server) {
        return server.uri(Objects.requireNonNullElse(settings.baseUrl().getRawPath(), ""));
    }

    /** The origin of the sandbox's API, e.g. {@code http://127.0.0.1:PORT}, for replies that pass requests on. */
    public URI apiOrigin() {
        URI base = settings.baseUrl();
        return URI.create(base.getScheme() + "://" + base.getRawAuthority());
    }

    /** A finished session with recordings ready to download, as the emulator's seed says. */
    public SessionId sessionWithRecordings() {
        return SessionId.of(seeded().withRecordings());
    }

    /** A session without any recording, as the emulator's seed says. */
    public SessionId sessionWithoutRecordings() {
        return SessionId.of(seeded().withoutRecordings());
    }

    private SeededSessions seeded() {
        Emulation emulation = sandbox.emulation(id(), Emulation.class);
        return emulation.seededSessions().orElseThrow(() -> new IllegalStateException("the emulation of '" + id()
                + "' (" + emulation.getClass().getName() + ") gives no seededSessions(), so the kit cannot tell which"
                + " of its sessions have recordings; return them from the emulator's seed"));
    }

    /** Closes every connection and server made here, then the sandbox. */
    @Override
    public void close() {
        pauser.release();
        for (AutoCloseable resource : opened) {
            try {
                resource.close();
            } catch (Exception ignored) {
                // closing is best effort: the next resource and the sandbox still close
            }
        }
        sandbox.close();
    }

    @Override
    public String toString() {
        return "ProviderFixture[" + id() + ", " + sandbox + "]";
    }
}
