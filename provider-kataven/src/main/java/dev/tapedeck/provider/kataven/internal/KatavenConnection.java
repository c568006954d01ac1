package dev.tapedeck.provider.kataven.internal;

import dev.tapedeck.Connection;
import dev.tapedeck.SessionHistory;
import dev.tapedeck.http.HttpConnection;
import dev.tapedeck.http.HttpKit;
import dev.tapedeck.model.TapedeckError;
import dev.tapedeck.spi.ProviderConfig;
import io.vavr.control.Either;

/** Opens a live Kataven connection: the recordings port over one http kit, and an Unsupported history. */
public final class KatavenConnection {

    private KatavenConnection() {
    }

    /**
     * Connects with {@code config} (see {@link KatavenSettings}): {@code Authorization: Bearer <key>} (masked in every
     * message, the bare key too) and, when an account id is configured, {@code X-Account-ID} (not masked), both sent
     * to the API origin only. Unauthorized when the key is missing, or the account id for a non-{@code sk_live_}
     * key; Misconfigured when the account id is malformed, or the base URL or path prefix is unusable.
     */
    public static Either<TapedeckError, Connection> open(ProviderConfig config) {
        return KatavenSettings.from(config).map(settings -> {
            HttpKit.Builder builder = HttpKit.builder(KatavenProvider.METADATA, settings.apiBase(), config)
                    .bearerAuth(settings.apiKey())
                    .errorMapper(new KatavenErrors(config.clock()));
            // the account slug is no secret (it shows in Kataven's own messages), but it goes to Kataven alone
            settings.accountId().ifPresent(account -> builder.originHeader("X-Account-ID", account));
            HttpKit kit = builder.build();
            return new HttpConnection(kit, KatavenProvider.METADATA, new KatavenRecordings(kit, kit.api(KatavenApi.class), KatavenProvider.METADATA),
                    SessionHistory.unsupported(KatavenProvider.METADATA));
        });
    }
}
