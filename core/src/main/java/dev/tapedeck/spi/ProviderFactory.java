package dev.tapedeck.spi;

import dev.tapedeck.Connection;
import dev.tapedeck.model.Capabilities;
import dev.tapedeck.model.TapedeckError;
import io.vavr.control.Either;

/**
 * Creates connections to one provider. Discovered through {@link java.util.ServiceLoader}: list the implementing
 * class in {@code META-INF/services/dev.tapedeck.spi.ProviderFactory}.
 *
 * <p>Implementations need a public no-argument constructor that does no work (no HTTP clients, no JSON mappers,
 * no environment reads): discovery constructs every factory on the classpath. Work happens in {@link #connect}.
 */
public interface ProviderFactory {

    /** The stable lower-case id, unique across the classpath, e.g. {@code anchor}. */
    String id();

    /** A name for people, e.g. {@code AnchorBrowser}. */
    String displayName();

    /** What the provider supports. */
    Capabilities capabilities();

    /**
     * Builds a connection from {@code config}: explicit values first, then the environment.
     * Left with {@link TapedeckError.Unauthorized} when the API key is missing, {@link TapedeckError.Misconfigured}
     * when another required setting is missing or unusable.
     */
    Either<TapedeckError, Connection> connect(ProviderConfig config);
}
