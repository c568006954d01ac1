package dev.tapedeck.http;

import dev.tapedeck.Connection;
import dev.tapedeck.ProviderMetadata;
import dev.tapedeck.model.TapedeckError;
import dev.tapedeck.spi.ProviderConfig;
import dev.tapedeck.spi.ProviderFactory;
import io.vavr.control.Either;
import java.util.Objects;
import java.util.function.Function;

/**
 * A {@link ProviderFactory} that is only its metadata and how to connect, so a provider's factory is one constructor:
 * {@code public AcmeProviderFactory() { super(METADATA, AcmeConnection::open); }}. Constructing it does no work;
 * {@link #metadata()} is the same object every time; {@code toString} names the provider.
 */
public abstract class HttpProviderFactory implements ProviderFactory {

    private final ProviderMetadata metadata;
    private final Function<ProviderConfig, Either<TapedeckError, Connection>> connect;

    /** A factory of the provider {@code metadata} describes, connecting through {@code connect}. */
    protected HttpProviderFactory(ProviderMetadata metadata,
            Function<ProviderConfig, Either<TapedeckError, Connection>> connect) {
        this.metadata = Objects.requireNonNull(metadata, "metadata");
        this.connect = Objects.requireNonNull(connect, "connect");
    }

    @Override
    public final ProviderMetadata metadata() {
        return metadata;
    }

    @Override
    public final Either<TapedeckError, Connection> connect(ProviderConfig config) {
        return connect.apply(Objects.requireNonNull(config, "config"));
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + metadata.id() + "]";
    }
}
