package dev.tapedeck.provider.kataven.internal;

import dev.tapedeck.Connection;
import dev.tapedeck.RecordingSource;
import dev.tapedeck.SessionHistory;
import dev.tapedeck.http.HttpKit;
import dev.tapedeck.model.Capabilities;
import dev.tapedeck.model.TapedeckError;
import dev.tapedeck.spi.ProviderConfig;
import dev.tapedeck.spi.Secret;
import io.vavr.control.Either;

/** A live Kataven connection: the recordings port over one http kit, and an Unsupported history. */
public final class KatavenConnection implements Connection {

    private final HttpKit kit;
    private final KatavenRecordings recordings;
    private final SessionHistory history;

    private KatavenConnection(HttpKit kit) {
        this.kit = kit;
        this.recordings = new KatavenRecordings(kit);
        this.history = SessionHistory.unsupported(KatavenProvider.ID, KatavenProvider.CAPABILITIES);
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
            return new KatavenConnection(builder.build());
        });
    }

    @Override
    public String provider() {
        return KatavenProvider.ID;
    }

    @Override
    public Capabilities capabilities() {
        return KatavenProvider.CAPABILITIES;
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
        return "KatavenConnection[" + kit + "]";
    }
}
