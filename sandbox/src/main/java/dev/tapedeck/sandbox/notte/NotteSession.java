package dev.tapedeck.sandbox.notte;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One seeded Notte session. Sessions seeded as active close at {@link #closesAt()} by the sandbox clock and their
 * replay is finalised at {@link #replayReadyAt()}, a little later, as Notte's are; the others have ended already.
 *
 * @param id             {@code nsess_0001}..{@code nsess_0032}
 * @param endStatus      the status once ended: {@code closed}, {@code error} or {@code timed_out}
 * @param createdAt      creation time
 * @param offsetOnWire   whether its timestamps carry a zone offset ({@code Z}); some do not, read them as UTC
 * @param closesAt       when it ended, or ends (for the ones seeded active)
 * @param seededActive   whether it is active when the sandbox starts
 * @param replayReadyAt  when its replay exists; between {@code closesAt} and this the replay answers 404 while
 *                       Notte finalises it
 * @param replay         what its replay holds once ended
 */
public record NotteSession(String id, String endStatus, Instant createdAt, boolean offsetOnWire, Instant closesAt,
                           Instant replayReadyAt, boolean seededActive, NotteReplay replay) {

    /** Rejects nulls. */
    public NotteSession {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(endStatus, "endStatus");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(closesAt, "closesAt");
        Objects.requireNonNull(replayReadyAt, "replayReadyAt");
        Objects.requireNonNull(replay, "replay");
    }

    /** Whether it is active at {@code now}. */
    public boolean activeAt(Instant now) {
        return now.isBefore(closesAt);
    }

    /** Whether it has closed at {@code now} but its replay is still being finalised. */
    public boolean finalisingAt(Instant now) {
        return !activeAt(now) && now.isBefore(replayReadyAt);
    }

    /** Its wire status at {@code now}: {@code active}, or its end status. */
    public String statusAt(Instant now) {
        return activeAt(now) ? "active" : endStatus;
    }

    /** Its duration once ended (wire form: ISO-8601, e.g. {@code PT41.286072S}). */
    public Optional<Duration> durationAt(Instant now) {
        return activeAt(now) ? Optional.empty() : Optional.of(Duration.between(createdAt, closesAt));
    }
}
