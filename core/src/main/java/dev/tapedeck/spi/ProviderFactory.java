package dev.tapedeck.spi;

import dev.tapedeck.Connection;
import dev.tapedeck.ProviderMetadata;
import dev.tapedeck.model.TapedeckError;
import io.vavr.control.Either;

/**
 * Creates connections to one provider. Discovered through {@link java.util.ServiceLoader}: list the implementing
 * class in {@code META-INF/services/dev.tapedeck.spi.ProviderFactory}.
 *
 * <p>Implementations need a public no-argument constructor that does no work (no HTTP clients, no JSON mappers,
 * no environment reads): discovery constructs every factory on the classpath. Work happens in {@link #connect}.
 * Discovery refuses a factory whose {@link ProviderMetadata#spiVersion()} does not run on this Tapedeck's
 * {@link dev.tapedeck.SpiVersion#CURRENT}.
 */
public interface ProviderFactory {

    /** What the provider is and supports; the same object every time, cheap, without I/O. */
    ProviderMetadata metadata();

    /**
     * Builds a connection from {@code config}: explicit values first, then the environment, for the API key, the
     * base URL and each setting the metadata declares. Left with {@link TapedeckError.Unauthorized} when the API key
     * is missing, {@link TapedeckError.Misconfigured} when another required setting is missing or unusable.
     */
    Either<TapedeckError, Connection> connect(ProviderConfig config);
}
