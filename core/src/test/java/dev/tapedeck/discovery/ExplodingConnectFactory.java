package dev.tapedeck.discovery;

import dev.tapedeck.Connection;
import dev.tapedeck.model.TapedeckError;
import dev.tapedeck.spi.ProviderConfig;
import io.vavr.control.Either;

/** A factory whose {@code connect} throws instead of answering Left, as a buggy third-party jar might. */
public class ExplodingConnectFactory extends FakeProviderFactory {
    @Override
    String id() {
        return "exploding";
    }

    @Override
    public Either<TapedeckError, Connection> connect(ProviderConfig config) {
        throw new IllegalStateException("boom");
    }
}
