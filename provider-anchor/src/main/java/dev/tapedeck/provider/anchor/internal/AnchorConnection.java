package dev.tapedeck.provider.anchor.internal;

import dev.tapedeck.Connection;
import dev.tapedeck.http.ConnectionSettings;
import dev.tapedeck.http.HttpConnection;
import dev.tapedeck.http.HttpKit;
import dev.tapedeck.model.TapedeckError;
import dev.tapedeck.spi.ProviderConfig;
import io.vavr.control.Either;

/** Opens a live AnchorBrowser connection: one http kit and one Feign client shared by both ports. */
public final class AnchorConnection {

    private AnchorConnection() {
    }

    /**
     * Connects with {@code config}: the API key (explicit, else {@code ANCHOR_API_KEY}) sent as the
     * {@code anchor-api-key} header to the API origin only, and the base URL (explicit, else {@code ANCHOR_BASE_URL},
     * else the public API). Unauthorized when the key is missing, Misconfigured when the base URL is unusable.
     */
    public static Either<TapedeckError, Connection> open(ProviderConfig config) {
        return ConnectionSettings.connect(AnchorProvider.METADATA, config, (key, base) -> {
            HttpKit kit = HttpKit.builder(AnchorProvider.METADATA, base, config)
                    .authHeader(AnchorProvider.API_KEY_HEADER, key)
                    .errorMapper(new AnchorErrors(config.clock()))
                    .build();
            AnchorApi api = kit.api(AnchorApi.class);
            return new HttpConnection(kit, AnchorProvider.METADATA,
                    new AnchorRecordings(kit, api, AnchorProvider.METADATA),
                    new AnchorHistory(kit, api, AnchorProvider.METADATA));
        });
    }
}
