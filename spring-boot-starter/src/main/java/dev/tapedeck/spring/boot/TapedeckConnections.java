package dev.tapedeck.spring.boot;

import dev.tapedeck.Connection;
import dev.tapedeck.Tapedeck;
import dev.tapedeck.model.TapedeckError;
import dev.tapedeck.spi.ProviderConfig;
import io.vavr.control.Either;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The connections of every configured provider ({@code tapedeck.providers.<id>.api-key} set), opened when the
 * application starts, so that a provider Tapedeck refuses stops it at once with the property to fix, and closed
 * when it stops. Each is also a {@link Connection} bean named {@code <id>Connection} with the qualifier {@code <id>}
 * ({@code @Qualifier("anchor") Connection anchor}). Thread-safe.
 */
public final class TapedeckConnections implements AutoCloseable {

    private final Map<String, Connection> byId;

    private TapedeckConnections(Map<String, Connection> byId) {
        this.byId = Collections.unmodifiableMap(byId);
    }

    /**
     * Connects every provider of {@code ids} with its configuration; on the first that fails, closes those already
     * open and throws.
     *
     * @throws IllegalStateException naming the provider's properties and Tapedeck's reason
     */
    static TapedeckConnections open(List<String> ids, Function<String, ProviderConfig> configs, ClassLoader loader) {
        Map<String, Connection> opened = new TreeMap<>();
        try {
            for (String id : ids) {
                Either<TapedeckError, Connection> connected = Tapedeck.connect(id, configs.apply(id), loader);
                if (connected.isLeft()) {
                    throw new IllegalStateException(ProviderConfigs.property(id, "*") + ": "
                            + connected.getLeft().message());
                }
                opened.put(id, connected.get());
            }
        } catch (RuntimeException failed) {
            opened.values().forEach(Connection::close);
            throw failed;
        }
        return new TapedeckConnections(opened);
    }

    /** The ids of the configured providers, sorted. */
    public List<String> ids() {
        return List.copyOf(byId.keySet());
    }

    /** The connection of provider {@code id}, if it is configured. */
    public Optional<Connection> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /**
     * The connection of provider {@code id}.
     *
     * @throws IllegalArgumentException when it is not configured, naming those that are
     */
    public Connection get(String id) {
        return find(id).orElseThrow(() -> new IllegalArgumentException("no Tapedeck provider '" + id
                + "' is configured (set tapedeck.providers." + id + ".api-key); configured: "
                + (byId.isEmpty() ? "none" : String.join(", ", byId.keySet()))));
    }

    /** Every connection, in id order. */
    public List<Connection> all() {
        return new ArrayList<>(byId.values());
    }

    /** Closes every connection; calling it again does nothing. */
    @Override
    public void close() {
        byId.values().forEach(Connection::close);
    }

    @Override
    public String toString() {
        return "TapedeckConnections" + byId.keySet();
    }
}
