package dev.tapedeck.provider.kataven.internal;

import dev.tapedeck.Connection;
import dev.tapedeck.SessionHistory;
import dev.tapedeck.http.HttpConnection;
import dev.tapedeck.http.HttpKit;
import dev.tapedeck.model.TapedeckError;
import dev.tapedeck.spi.ProviderConfig;
import dev.tapedeck.spi.Secret;
import io.vavr.control.Either;

/** Opens a live Kataven connection: the recordings port over one http kit, and an Unsupported history. */
public final class KatavenConnection {

    private KatavenConnection() {
    }

    /**
     * Connects with {@code config} (see {@link KatavenSettings}): {@code Authorization: Bearer <key>} and, when an
     * account id is configured, {@code X-Account-ID}, both sent to the API origin only. Misconfigured when the key
     * is missing, the account id is malformed or missing for a non-{@code sk_live_} key, or the base URL or path
     * prefix is unusable.
     */
    public static Either<TapedeckError, Connection> open(ProviderConfig config) {
        return KatavenSettings.from(config).map(settings -> {
            HttpKit.Builder builder = HttpKit.builder(KatavenProvider.ID, settings.apiBase(), config)
                    .authHeader("Authorization", Secret.of("Bearer " + settings.apiKey().reveal()))
                    .errorMapper(new KatavenErrors(config.clock()));
            settings.accountId().ifPresent(account -> builder.authHeader("X-Account-ID", Secret.of(account)));
            HttpKit kit = builder.build();
            return new HttpConnection(kit, KatavenProvider.CAPABILITIES, new KatavenRecordings(kit),
                    SessionHistory.unsupported(KatavenProvider.ID, KatavenProvider.CAPABILITIES));
        });
    }
}
