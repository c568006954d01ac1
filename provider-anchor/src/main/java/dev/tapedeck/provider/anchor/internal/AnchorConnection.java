package dev.tapedeck.provider.anchor.internal;

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

/** A live AnchorBrowser connection: one http kit and one Feign client shared by both ports. */
public final class AnchorConnection implements Connection {

    private final HttpKit kit;
    private final AnchorRecordings recordings;
    private final AnchorHistory history;

    private AnchorConnection(HttpKit kit) {
        this.kit = kit;
        AnchorApi api = kit.api(AnchorApi.class);
        this.recordings = new AnchorRecordings(kit, api);
        this.history = new AnchorHistory(kit, api);
    }

    /**
     * Connects with {@code config}: the API key (explicit, else {@code ANCHOR_API_KEY}) sent as the
     * {@code anchor-api-key} header to the API origin only, and the base URL. Misconfigured when the key is missing
     * or the base URL unusable.
     */
    public static Either<TapedeckError, Connection> open(ProviderConfig config) {
        Optional<Secret> key = config.apiKey(AnchorProvider.ID);
        if (key.isEmpty()) {
            return Either.left(new TapedeckError.Misconfigured(AnchorProvider.ID, "anchor: no API key; set "
                    + "ANCHOR_API_KEY or pass one with ProviderConfig.builder().apiKey(..)"));
        }
        Either<TapedeckError, URI> base = BaseUrl.from(config);
        if (base.isLeft()) {
            return Either.left(base.getLeft());
        }
        HttpKit kit = HttpKit.builder(AnchorProvider.ID, base.get(), config)
                .authHeader(AnchorProvider.API_KEY_HEADER, key.get())
                .errorMapper(new AnchorErrors(config.clock()))
                .build();
        return Either.right(new AnchorConnection(kit));
    }

    @Override
    public String provider() {
        return AnchorProvider.ID;
    }

    @Override
    public Capabilities capabilities() {
        return AnchorProvider.CAPABILITIES;
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
        return "AnchorConnection[" + kit + "]";
    }
}
