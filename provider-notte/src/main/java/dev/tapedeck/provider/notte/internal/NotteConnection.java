package dev.tapedeck.provider.notte.internal;

import dev.tapedeck.Connection;
import dev.tapedeck.http.ConnectionSettings;
import dev.tapedeck.http.HttpConnection;
import dev.tapedeck.http.HttpKit;
import dev.tapedeck.model.TapedeckError;
import dev.tapedeck.spi.ProviderConfig;
import io.vavr.control.Either;

/** Opens a live Notte connection: one http kit shared by the recordings and history ports. */
public final class NotteConnection {

    private NotteConnection() {
    }

    /**
     * Connects with {@code config}: the API key (explicit, else {@code NOTTE_API_KEY}) sent as a bearer token to the
     * API origin only, and the base URL (explicit, else {@code NOTTE_BASE_URL}, else the public API). Unauthorized
     * when the key is missing, Misconfigured when the base URL is unusable.
     */
    public static Either<TapedeckError, Connection> open(ProviderConfig config) {
        return ConnectionSettings.connect(NotteProvider.METADATA, config, (key, base) -> {
            HttpKit kit = HttpKit.builder(NotteProvider.METADATA, base, config)
                    .errorMapper(new NotteErrors(config.clock()))
                    .bearerAuth(key)
                    .build();
            NotteApi api = kit.api(NotteApi.class);
            return new HttpConnection(kit, NotteProvider.METADATA,
                    new NotteRecordings(kit, api, NotteProvider.METADATA, config.clock()),
                    new NotteHistory(kit, api, NotteProvider.METADATA));
        });
    }
}
