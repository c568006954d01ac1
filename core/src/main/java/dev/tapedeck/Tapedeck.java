package dev.tapedeck;

import dev.tapedeck.internal.discovery.ProviderDiscovery;
import dev.tapedeck.model.TapedeckError;
import dev.tapedeck.spi.ProviderConfig;
import io.vavr.control.Either;
import java.util.List;

/**
 * The entry point: which providers are on the classpath, and a connection to one of them.
 *
 * <p>Providers are found with {@link java.util.ServiceLoader}, first through the thread's context class loader,
 * then through the loader of Tapedeck itself, so discovery works in thread pools, fat jars and containers alike.
 * To skip discovery, construct a provider's factory directly and call its {@code connect}.
 */
public final class Tapedeck {

    private Tapedeck() {
    }

    /** The providers on the classpath, sorted by id; broken or duplicate ones are reported by {@link #connect}. */
    public static List<ProviderInfo> providers() {
        return ProviderDiscovery.discover(Thread.currentThread().getContextClassLoader()).providers();
    }

    /** The providers visible to {@code loader} (and to Tapedeck's own loader). */
    public static List<ProviderInfo> providers(ClassLoader loader) {
        return ProviderDiscovery.discover(loader).providers();
    }

    /**
     * Every provider on the classpath of {@code loader} (and Tapedeck's own) that could not be used, one line each:
     * a factory that failed to load, or one built for an SPI version this Tapedeck does not speak (naming both
     * versions). Empty when all is well.
     */
    public static List<String> problems(ClassLoader loader) {
        return ProviderDiscovery.discover(loader).problems();
    }

    /**
     * Connects to provider {@code id} with {@code config}. Left with {@link TapedeckError.Misconfigured} when no
     * provider has that id (the message lists those that exist), when two do, when its factory is broken or throws,
     * or when no provider is on the classpath at all.
     */
    public static Either<TapedeckError, Connection> connect(String id, ProviderConfig config) {
        return connect(id, config, Thread.currentThread().getContextClassLoader());
    }

    /** Like {@link #connect(String, ProviderConfig)}, discovering through {@code loader}. */
    public static Either<TapedeckError, Connection> connect(String id, ProviderConfig config, ClassLoader loader) {
        return ProviderDiscovery.discover(loader).connect(id, config);
    }
}
