package dev.tapedeck.sandbox;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Random;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The sandbox's deterministic data. Which id shows which behaviour is fixed by its number and does not depend on
 * the seed; the seed only varies cosmetic values (tags, domains, credits, times within their slot).
 *
 * <p>AnchorBrowser, {@code sess_0001}..{@code sess_0125}, created 7 h apart from 2026-01-05T08:00Z (so
 * {@code created_at} order is id order): status {@code running} when n%10==0 (credits {@code "N/A"}, no
 * recordings yet, pause/resume allowed), {@code failed} when n%10==7, {@code timed_out} when n%10==9, else
 * {@code completed}; recording disabled when n%12==11; failed sessions with n%20==7 recorded nothing; three
 * recordings (the 2nd primary, named {@code ../../evil.mp4}, the 3rd {@code /etc/cron.d/evil.mp4}) when n%8==2,
 * else one; {@code sess_0003}'s primary is a generated stream of {@link SandboxOptions#largeRecordingBytes()};
 * tags null when n%11==5, domains null when n%13==4, browser_ip null when n%5==2, steps null when n%17==3;
 * credits a decimal string when n%3==0.
 *
 * <p>Notte, {@code nsess_0001}..{@code nsess_0032}: 1..6 active until start + {@link
 * SandboxOptions#notteCloseAfter()} (then closed with MP4 and HLS); the rest ended, {@code error} (no replay) when
 * n%10==7, {@code timed_out} when n%10==9, else {@code closed}; their replay is MP4+HLS, MP4 only, HLS only, HLS
 * only without expiry for n%4 = 0, 1, 2, 3; timestamps without zone offset when n%3==2.
 *
 * <p>Kataven, {@code call_0001}..{@code call_0012}: 1-4 ready, 5-6 ready without {@code expires_at}, 7-8 processing
 * until the clock passes start + {@link SandboxOptions#katavenReadyAfter()}, 9 processing for {@link
 * SandboxOptions#katavenReadyAfterPolls()} polls, 10 no recording (404), 11 playback not configured (503), 12
 * internal error (500).
 */
public final class SeedData {

    /** Number of seeded AnchorBrowser sessions (more than two pages of 50). */
    public static final int ANCHOR_SESSIONS = 125;
    /** Number of seeded Notte sessions. */
    public static final int NOTTE_SESSIONS = 32;
    /** Number of Notte sessions that are active when the sandbox starts ({@code nsess_0001}..{@code nsess_0006}). */
    public static final int NOTTE_ACTIVE = 6;
    /** Number of seeded Kataven calls. */
    public static final int KATAVEN_CALLS = 12;

    static final Instant ANCHOR_EPOCH = Instant.parse("2026-01-05T08:00:00Z");
    static final Instant NOTTE_EPOCH = Instant.parse("2026-02-01T09:00:00Z");

    private static final List<String> TAG_POOL =
            List.of("production", "staging", "scraping", "checkout", "nightly", "smoke", "login-flow");
    private static final List<String> DOMAIN_POOL =
            List.of("example.com", "anchorbrowser.io", "shop.example.org", "news.example.net", "docs.example.dev");

    private final List<AnchorSession> anchor;
    private final List<NotteSession> notte;
    private final List<KatavenCall> kataven;

    private SeedData(List<AnchorSession> anchor, List<NotteSession> notte, List<KatavenCall> kataven) {
        this.anchor = List.copyOf(anchor);
        this.notte = List.copyOf(notte);
        this.kataven = List.copyOf(kataven);
    }

    static SeedData generate(SandboxOptions options, Instant startedAt, long sampleMp4Size) {
        return new SeedData(anchorSessions(options, sampleMp4Size), notteSessions(options, startedAt),
                seededKatavenCalls());
    }

    /** All AnchorBrowser sessions, in id order. */
    public List<AnchorSession> anchorSessions() {
        return anchor;
    }

    /** All Notte sessions, in id order. */
    public List<NotteSession> notteSessions() {
        return notte;
    }

    /** All Kataven calls, in id order. */
    public List<KatavenCall> katavenCalls() {
        return kataven;
    }

    /** The AnchorBrowser session with this id. */
    public Optional<AnchorSession> anchorSession(String id) {
        return anchor.stream().filter(s -> s.id().equals(id)).findFirst();
    }

    /** The Notte session with this id. */
    public Optional<NotteSession> notteSession(String id) {
        return notte.stream().filter(s -> s.id().equals(id)).findFirst();
    }

    /** The Kataven call with this id. */
    public Optional<KatavenCall> katavenCall(String id) {
        return kataven.stream().filter(c -> c.id().equals(id)).findFirst();
    }

    /** A completed session with exactly one (primary) MP4 recording: {@code sess_0001}. */
    public AnchorSession anchorWithOneRecording() {
        return anchorSession("sess_0001").orElseThrow();
    }

    /** A session with three recordings, the primary named {@code ../../evil.mp4}: {@code sess_0002}. */
    public AnchorSession anchorWithSeveralRecordings() {
        return anchorSession("sess_0002").orElseThrow();
    }

    /** A session whose primary recording is a large generated stream: {@code sess_0003}. */
    public AnchorSession anchorWithLargeRecording() {
        return anchorSession("sess_0003").orElseThrow();
    }

    /** A running session (recording can be paused; no recording fetchable yet): {@code sess_0010}. */
    public AnchorSession anchorRunning() {
        return anchorSession("sess_0010").orElseThrow();
    }

    /** A completed session with recording disabled: {@code sess_0011}. */
    public AnchorSession anchorRecordingDisabled() {
        return anchorSession("sess_0011").orElseThrow();
    }

    /** A failed session that recorded nothing (empty recording list): {@code sess_0007}. */
    public AnchorSession anchorWithoutRecordings() {
        return anchorSession("sess_0007").orElseThrow();
    }

    /** A Notte session that is active until the sandbox's close time: {@code nsess_0001}. */
    public NotteSession notteActive() {
        return notteSession("nsess_0001").orElseThrow();
    }

    /** An ended (closed) Notte session whose replay has an MP4 and a playlist. */
    public NotteSession notteClosedWithMp4() {
        return firstNotte(s -> !s.seededActive() && s.endStatus().equals("closed") && s.replay() == NotteReplay.MP4_AND_HLS);
    }

    /** An ended Notte session whose replay has only a playlist (mp4_url null, expires_at set). */
    public NotteSession notteHlsOnly() {
        return firstNotte(s -> !s.seededActive() && s.replay() == NotteReplay.HLS_ONLY);
    }

    /** An ended Notte session whose replay has only a playlist and no expiry. */
    public NotteSession notteHlsOnlyWithoutExpiry() {
        return firstNotte(s -> !s.seededActive() && s.replay() == NotteReplay.HLS_ONLY_WITHOUT_EXPIRY);
    }

    /** A Notte session that ended in {@code error} and has no replay: {@code nsess_0007}. */
    public NotteSession notteWithoutReplay() {
        return firstNotte(s -> s.replay() == NotteReplay.NONE);
    }

    /** An ended Notte session whose timestamps carry no zone offset. */
    public NotteSession notteWithoutOffset() {
        return firstNotte(s -> !s.seededActive() && !s.offsetOnWire());
    }

    /** The first Kataven call that behaves as given. */
    public KatavenCall katavenCall(KatavenBehaviour behaviour) {
        return kataven.stream().filter(c -> c.behaviour() == behaviour).findFirst()
                .orElseThrow(() -> new NoSuchElementException("no Kataven call behaves as " + behaviour));
    }

    private NotteSession firstNotte(Predicate<NotteSession> test) {
        return notte.stream().filter(test).findFirst()
                .orElseThrow(() -> new NoSuchElementException("no such seeded Notte session"));
    }

    private static List<AnchorSession> anchorSessions(SandboxOptions options, long sampleMp4Size) {
        Random random = new Random(options.seed() ^ 0xA5C40L);
        List<AnchorSession> sessions = new ArrayList<>();
        for (int n = 1; n <= ANCHOR_SESSIONS; n++) {
            String id = String.format("sess_%04d", n);
            String status = n % 10 == 0 ? "running" : n % 10 == 7 ? "failed" : n % 10 == 9 ? "timed_out" : "completed";
            boolean running = status.equals("running");
            Instant createdAt = ANCHOR_EPOCH.plus(Duration.ofHours(7L * (n - 1)))
                    .plusSeconds(random.nextInt(3600)).plusMillis(random.nextInt(1000));
            Optional<List<String>> tags = n % 11 == 5 ? Optional.empty() : Optional.of(pick(random, TAG_POOL,
                    n % 4 == 0 ? List.of("production", "scraping") : List.of()));
            Optional<List<String>> domains = n % 13 == 4 ? Optional.empty() : Optional.of(pick(random, DOMAIN_POOL,
                    n % 3 == 0 ? List.of("example.com") : List.of()));
            boolean recordingEnabled = n % 12 != 11;
            int cents = 50 + random.nextInt(5000);
            String amount = (cents / 100) + "." + String.format("%02d", cents % 100);
            UsedCredits credits = running ? new UsedCredits(UsedCredits.Form.NOT_AVAILABLE, "N/A")
                    : n % 3 == 0 ? new UsedCredits(UsedCredits.Form.DECIMAL_STRING, amount)
                    : new UsedCredits(UsedCredits.Form.NUMBER, amount);
            Optional<String> proxyType = n % 4 == 1 ? Optional.of("anchor_proxy")
                    : n % 4 == 3 ? Optional.of("custom") : Optional.empty();
            OptionalLong proxyBytes = proxyType.isPresent() ? OptionalLong.of(1024L * (1 + random.nextInt(4096)))
                    : OptionalLong.empty();
            int stepsValue = random.nextInt(121);
            OptionalInt steps = n % 17 == 3 ? OptionalInt.empty() : OptionalInt.of(stepsValue);
            int seconds = 30 + random.nextInt(1771);
            OptionalInt duration = running || n % 19 == 6 ? OptionalInt.empty() : OptionalInt.of(seconds);
            boolean taskInitiated = n % 5 == 0;
            int executions = taskInitiated ? 1 + random.nextInt(3) : 0;
            Optional<String> browserIp = n % 5 == 2 ? Optional.empty() : Optional.of("192.0.2." + (n % 250 + 1));
            Optional<String> batchId = n % 7 == 0 ? Optional.of(String.format("batch_%02d", (n / 7) % 5 + 1))
                    : Optional.empty();
            Optional<String> profile = n % 6 == 0 ? Optional.of("Default profile")
                    : n % 6 == 3 ? Optional.of("Checkout Profile") : Optional.empty();
            boolean headless = random.nextBoolean();
            List<AnchorRecording> recordings = anchorRecordings(n, status, recordingEnabled, createdAt,
                    n == 3 ? options.largeRecordingBytes() : sampleMp4Size);
            sessions.add(new AnchorSession(id, status, createdAt, tags, domains, headless, recordingEnabled, credits,
                    proxyBytes, proxyType, steps, duration, taskInitiated, executions,
                    n % 2 == 0 ? "automation-key" : "ci-key", browserIp, batchId, n % 9 == 4, n % 8 == 5,
                    profile, recordings));
        }
        return sessions;
    }

    private static List<AnchorRecording> anchorRecordings(int n, String status, boolean enabled, Instant createdAt,
                                                          long size) {
        if (!enabled || status.equals("running") || (status.equals("failed") && n % 20 == 7)) {
            return List.of();
        }
        String prefix = String.format("rec_%04d_", n);
        Instant at = createdAt.plusSeconds(5);
        String media = n == 3 ? MediaPaths.generated(size) : MediaPaths.SAMPLE_MP4;
        if (n % 8 != 2) {
            return List.of(new AnchorRecording(prefix + 1, true, String.format("sess_%04d.mp4", n), "00:00:03", size,
                    at, media));
        }
        return List.of(
                new AnchorRecording(prefix + 1, false, "part-1.mp4", "00:00:03", size, at, media),
                new AnchorRecording(prefix + 2, true, "../../evil.mp4", "00:00:03", size, at.plusSeconds(1), media),
                new AnchorRecording(prefix + 3, false, "/etc/cron.d/evil.mp4", "00:00:03", size, at.plusSeconds(2),
                        media));
    }

    private static List<String> pick(Random random, List<String> pool, List<String> required) {
        Set<String> chosen = new LinkedHashSet<>(required);
        int count = 1 + random.nextInt(3);
        for (int i = 0; i < count; i++) {
            chosen.add(pool.get(random.nextInt(pool.size())));
        }
        return List.copyOf(chosen);
    }

    private static List<NotteSession> notteSessions(SandboxOptions options, Instant startedAt) {
        Random random = new Random(options.seed() ^ 0x0077EL);
        List<NotteSession> sessions = new ArrayList<>();
        Instant closeAt = startedAt.plus(options.notteCloseAfter());
        for (int n = 1; n <= NOTTE_SESSIONS; n++) {
            String id = String.format("nsess_%04d", n);
            boolean offset = n % 3 != 2;
            long micros = 20_000_000L + (long) random.nextInt(880_000_000);
            if (n <= NOTTE_ACTIVE) {
                Instant created = startedAt.minusSeconds(60L * n).minusNanos(1000L * random.nextInt(1_000_000));
                sessions.add(new NotteSession(id, "closed", created, offset, closeAt, true, NotteReplay.MP4_AND_HLS));
                continue;
            }
            Instant created = NOTTE_EPOCH.plus(Duration.ofHours(5L * (n - NOTTE_ACTIVE)))
                    .plusSeconds(random.nextInt(3600)).plusNanos(1000L * random.nextInt(1_000_000));
            String end = n % 10 == 7 ? "error" : n % 10 == 9 ? "timed_out" : "closed";
            NotteReplay replay = end.equals("error") ? NotteReplay.NONE
                    : NotteReplay.values()[n % 4];
            sessions.add(new NotteSession(id, end, created, offset, created.plusNanos(micros * 1000), false, replay));
        }
        return sessions;
    }

    private static List<KatavenCall> seededKatavenCalls() {
        KatavenBehaviour[] plan = {
            KatavenBehaviour.READY, KatavenBehaviour.READY, KatavenBehaviour.READY, KatavenBehaviour.READY,
            KatavenBehaviour.READY_WITHOUT_EXPIRY, KatavenBehaviour.READY_WITHOUT_EXPIRY,
            KatavenBehaviour.PROCESSING_UNTIL_TIME, KatavenBehaviour.PROCESSING_UNTIL_TIME,
            KatavenBehaviour.PROCESSING_UNTIL_POLLS, KatavenBehaviour.NO_RECORDING, KatavenBehaviour.NOT_CONFIGURED,
            KatavenBehaviour.INTERNAL_ERROR,
        };
        List<KatavenCall> calls = new ArrayList<>();
        for (int i = 0; i < plan.length; i++) {
            calls.add(new KatavenCall(String.format("call_%04d", i + 1), plan[i]));
        }
        return calls;
    }
}
