package dev.tapedeck.provider.notte.internal;

import dev.tapedeck.Connection;
import dev.tapedeck.RecordingSource;
import dev.tapedeck.SessionHistory;
import dev.tapedeck.http.HttpKit;
import dev.tapedeck.model.Capabilities;
import dev.tapedeck.model.TapedeckError;
import dev.tapedeck.spi.ProviderConfig;
import dev.tapedeck.spi.Secret;
import io.vavr.control.Either;
import java.net.URI;
import java.util.Optional;

/** A live Notte connection: one http kit shared by the recordings and history ports. */
public final class NotteConnection implements Connection {

    private final HttpKit kit;
    private final NotteRecordings recordings;
    private final NotteHistory history;

    private NotteConnection(HttpKit kit) {
        this.kit = kit;
        this.recordings = new NotteRecordings(kit);
        this.history = new NotteHistory(kit);
    }

    /**
     * Connects with {@code config}: the API key (explicit, else {@code NOTTE_API_KEY}) sent as a bearer token to the
     * API origin only, and the base URL. Misconfigured when the key is missing or the base URL unusable.
     */
    public static Either<TapedeckError, Connection> open(ProviderConfig config) {
        Optional<Secret> key = config.apiKey(NotteProvider.ID);
        if (key.isEmpty()) {
            return Either.left(new TapedeckError.Misconfigured(NotteProvider.ID, "notte: no API key; set "
                    + "NOTTE_API_KEY or pass one with ProviderConfig.builder().apiKey(..)"));
        }
        Either<TapedeckError, URI> base = BaseUrl.from(config);
        if (base.isLeft()) {
            return Either.left(base.getLeft());
        }
        HttpKit kit = HttpKit.builder(NotteProvider.ID, base.get(), config)
                .authHeader("Authorization", Secret.of("Bearer " + key.get().reveal()))
                .errorMapper(new NotteErrors(config.clock()))
                .build();
        return Either.right(new NotteConnection(kit));
    }

    @Override
    public String provider() {
        return NotteProvider.ID;
    }

    @Override
    public Capabilities capabilities() {
        return NotteProvider.CAPABILITIES;
    }

    @Override
    public RecordingSource recordings() {
        return recordings;
    }

    @Override
    public SessionHistory history() {
        return history;
    }

    @Override
    public void close() {
        kit.close();
    }

    @Override
    public String toString() {
        return "NotteConnection[" + kit + "]";
    }
}
