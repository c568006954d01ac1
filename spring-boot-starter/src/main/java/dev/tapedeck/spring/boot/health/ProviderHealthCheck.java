package dev.tapedeck.spring.boot.health;

import dev.tapedeck.Connection;
import dev.tapedeck.model.Capability;
import dev.tapedeck.model.SessionId;
import dev.tapedeck.model.SessionQuery;
import dev.tapedeck.model.TapedeckError;
import io.vavr.control.Either;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The health of one provider, checked with the cheapest call it has and reused for {@code cacheFor}, so that a
 * health endpoint probed every few seconds spends at most one request of the provider's rate limit per period: the
 * first page of its session history (one request) when it has one, else the recordings of a session id that does not
 * exist, which a provider that takes the key answers with "not found". The check runs on a connection of its own,
 * which should neither retry nor wait long, opened at the first check. Concurrent checks wait for the one under way
 * and share its result. Thread-safe.
 */
public final class ProviderHealthCheck implements AutoCloseable {

    /** The session id asked for by providers without a history: no provider has it, every provider may be asked it. */
    static final SessionId PROBE = SessionId.of("tapedeck-health-check");

    private final String provider;
    private final Supplier<Either<TapedeckError, Connection>> connect;
    private final Duration cacheFor;
    private final Clock clock;
    private Connection connection;
    private ProviderHealth last;
    private boolean closed;

    /**
     * A check of {@code provider} through connections from {@code connect}, each result reused for {@code cacheFor}
     * on {@code clock}.
     */
    public ProviderHealthCheck(String provider, Supplier<Either<TapedeckError, Connection>> connect,
            Duration cacheFor, Clock clock) {
        this.provider = Objects.requireNonNull(provider, "provider");
        this.connect = Objects.requireNonNull(connect, "connect");
        this.cacheFor = Objects.requireNonNull(cacheFor, "cacheFor");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The provider id. */
    public String provider() {
        return provider;
    }

    /** The last check's result while it is younger than {@code cacheFor}, else the result of a new check. */
    public synchronized ProviderHealth check() {
        Instant now = clock.instant();
        if (last != null && now.isBefore(last.checkedAt().plus(cacheFor))) {
            return last;
        }
        last = probe(now);
        return last;
    }

    private ProviderHealth probe(Instant now) {
        if (closed) {
            return down(now, "the application is stopping");
        }
        if (connection == null) {
            Either<TapedeckError, Connection> opened = connect.get();
            if (opened.isLeft()) {
                return down(now, opened.getLeft().message());
            }
            connection = opened.get();
        }
        boolean history = connection.capabilities().supports(Capability.SESSION_HISTORY);
        Either<TapedeckError, ?> answer = history
                ? connection.history().fetchPage(SessionQuery.builder().limit(1).build(), Optional.empty())
                : connection.recordings().recordings(PROBE);
        if (answer.isRight() || !history && answer.getLeft() instanceof TapedeckError.NotFound) {
            return new ProviderHealth(provider, ProviderHealth.State.UP, now, Optional.empty());
        }
        TapedeckError error = answer.getLeft();
        return new ProviderHealth(provider, error instanceof TapedeckError.RateLimited ? ProviderHealth.State.UNKNOWN
                : ProviderHealth.State.DOWN, now, Optional.of(error.message()));
    }

    private ProviderHealth down(Instant now, String problem) {
        return new ProviderHealth(provider, ProviderHealth.State.DOWN, now, Optional.of(problem));
    }

    /** Closes the check's connection; later checks report the provider down. */
    @Override
    public synchronized void close() {
        closed = true;
        if (connection != null) {
            connection.close();
        }
    }
}
