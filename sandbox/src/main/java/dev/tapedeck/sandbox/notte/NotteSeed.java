package dev.tapedeck.sandbox.notte;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Random;
import java.util.function.Predicate;

/**
 * The emulated Notte's deterministic data, {@code nsess_0001}..{@code nsess_0032}: 1..6 active until start + the
 * setting {@code close_after}, then closed with MP4 and HLS, whose replay is finalised (404 until then) the setting
 * {@code finalise_after} later; the rest ended, {@code error} (no replay) when
 * n%10==7, {@code timed_out} when n%10==9, else {@code closed}; their replay is MP4+HLS, MP4 only, HLS only, HLS only
 * without expiry for n%4 = 0, 1, 2, 3; timestamps without zone offset when n%3==2.
 */
public final class NotteSeed {

    /** Number of seeded sessions. */
    public static final int SESSIONS = 32;
    /** Number of sessions that are active when the sandbox starts ({@code nsess_0001}..{@code nsess_0006}). */
    public static final int ACTIVE = 6;

    static final Instant EPOCH = Instant.parse("2026-02-01T09:00:00Z");

    private final List<NotteSession> sessions;

    private NotteSeed(List<NotteSession> sessions) {
        this.sessions = List.copyOf(sessions);
    }

    static NotteSeed generate(long seed, Instant startedAt, Duration closeAfter, Duration finaliseAfter) {
        return new NotteSeed(sessions(seed, startedAt, closeAfter, finaliseAfter));
    }

    /** All sessions, in id order. */
    public List<NotteSession> sessions() {
        return sessions;
    }

    /** The session with this id. */
    public Optional<NotteSession> session(String id) {
        return sessions.stream().filter(s -> s.id().equals(id)).findFirst();
    }

    /** A session that is active until the sandbox's close time: {@code nsess_0001}. */
    public NotteSession active() {
        return session("nsess_0001").orElseThrow();
    }

    /** An ended (closed) session whose replay has an MP4 and a playlist. */
    public NotteSession closedWithMp4() {
        return first(s -> !s.seededActive() && s.endStatus().equals("closed") && s.replay() == NotteReplay.MP4_AND_HLS);
    }

    /** An ended session whose replay has only a playlist (mp4_url null, expires_at set). */
    public NotteSession hlsOnly() {
        return first(s -> !s.seededActive() && s.replay() == NotteReplay.HLS_ONLY);
    }

    /**
     * An ended session whose replay has only a playlist and no expiry (with segment URIs relative to the replay when
     * the setting {@link NotteEmulator#RELATIVE_SEGMENTS} is on).
     */
    public NotteSession hlsOnlyWithoutExpiry() {
        return first(s -> !s.seededActive() && s.replay() == NotteReplay.HLS_ONLY_WITHOUT_EXPIRY);
    }

    /** A session that ended in {@code error} and has no replay: {@code nsess_0007}. */
    public NotteSession withoutReplay() {
        return first(s -> s.replay() == NotteReplay.NONE);
    }

    /** An ended session whose timestamps carry no zone offset. */
    public NotteSession withoutOffset() {
        return first(s -> !s.seededActive() && !s.offsetOnWire());
    }

    private NotteSession first(Predicate<NotteSession> test) {
        return sessions.stream().filter(test).findFirst()
                .orElseThrow(() -> new NoSuchElementException("no such seeded Notte session"));
    }

    private static List<NotteSession> sessions(long seed, Instant startedAt, Duration closeAfter,
                                               Duration finaliseAfter) {
        Random random = new Random(seed ^ 0x0077EL);
        List<NotteSession> sessions = new ArrayList<>();
        Instant closeAt = startedAt.plus(closeAfter);
        for (int n = 1; n <= SESSIONS; n++) {
            String id = String.format("nsess_%04d", n);
            boolean offset = n % 3 != 2;
            long micros = 20_000_000L + (long) random.nextInt(880_000_000);
            if (n <= ACTIVE) {
                Instant created = startedAt.minusSeconds(60L * n).minusNanos(1000L * random.nextInt(1_000_000));
                sessions.add(new NotteSession(id, "closed", created, offset, closeAt, closeAt.plus(finaliseAfter), true,
                        NotteReplay.MP4_AND_HLS));
                continue;
            }
            Instant created = EPOCH.plus(Duration.ofHours(5L * (n - ACTIVE)))
                    .plusSeconds(random.nextInt(3600)).plusNanos(1000L * random.nextInt(1_000_000));
            String end = n % 10 == 7 ? "error" : n % 10 == 9 ? "timed_out" : "closed";
            NotteReplay replay = end.equals("error") ? NotteReplay.NONE
                    : NotteReplay.values()[n % 4];
            Instant closed = created.plusNanos(micros * 1000);
            sessions.add(new NotteSession(id, end, created, offset, closed, closed, false, replay));
        }
        return sessions;
    }
}
