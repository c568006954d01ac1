package dev.tapedeck.sandbox.anchor;

import dev.tapedeck.sandbox.spi.MediaPaths;
import dev.tapedeck.sandbox.spi.SandboxScenario;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Random;
import java.util.Set;

/**
 * The emulated AnchorBrowser's deterministic data. Which id shows which behaviour is fixed by its number and does not
 * depend on the seed; the seed only varies cosmetic values (tags, domains, credits, times within their slot).
 *
 * <p>{@code sess_0001}..{@code sess_0125}, created 7 h apart from 2026-01-05T08:00Z (so {@code created_at} order is
 * id order): status {@code running} when n%10==0 (credits {@code "N/A"}, no recordings yet, pause/resume allowed),
 * {@code failed} when n%10==7, {@code timed_out} when n%10==9, else {@code completed}; recording disabled when
 * n%12==11; failed sessions with n%20==7 recorded nothing; three recordings (one per browser tab, the 2nd primary)
 * when n%8==2, else one; {@code sess_0003}'s primary
 * is a generated stream of the setting {@code large_recording_bytes}; tags null when n%11==5, domains null when
 * n%13==4, browser_ip null when n%5==2, steps null when n%17==3; credits a decimal string when n%3==0.
 *
 * <p>Tags, domains, key and profile names read like a team's real agent runs. In the {@link SandboxScenario#HOSTILE}
 * scenario the three-recording sessions suggest hostile file names instead: the 2nd {@code ../../evil.mp4}, the 3rd
 * {@code /etc/cron.d/evil.mp4}.
 */
public final class AnchorSeed {

    /** Number of seeded sessions (more than two pages of 50). */
    public static final int SESSIONS = 125;

    static final Instant EPOCH = Instant.parse("2026-01-05T08:00:00Z");

    private static final List<String> TAG_POOL = List.of("production", "staging", "scraping", "price-monitor",
            "lead-enrichment", "invoice-download", "nightly", "qa-regression", "login-flow");
    private static final List<String> DOMAIN_POOL = List.of("github.com", "www.linkedin.com", "www.amazon.com",
            "www.booking.com", "news.ycombinator.com", "app.hubspot.com", "docs.google.com");

    private final List<AnchorSession> sessions;

    private AnchorSeed(List<AnchorSession> sessions) {
        this.sessions = List.copyOf(sessions);
    }

    static AnchorSeed generate(long seed, SandboxScenario scenario, long sampleMp4Size, long largeRecordingBytes) {
        return new AnchorSeed(sessions(seed, scenario, sampleMp4Size, largeRecordingBytes));
    }

    /** All sessions, in id order. */
    public List<AnchorSession> sessions() {
        return sessions;
    }

    /** The session with this id. */
    public Optional<AnchorSession> session(String id) {
        return sessions.stream().filter(s -> s.id().equals(id)).findFirst();
    }

    /** A completed session with exactly one (primary) MP4 recording: {@code sess_0001}. */
    public AnchorSession withOneRecording() {
        return session("sess_0001").orElseThrow();
    }

    /**
     * A session with three recordings: {@code sess_0002}. In the hostile scenario the primary is named
     * {@code ../../evil.mp4}.
     */
    public AnchorSession withSeveralRecordings() {
        return session("sess_0002").orElseThrow();
    }

    /** A session whose primary recording is a large generated stream: {@code sess_0003}. */
    public AnchorSession withLargeRecording() {
        return session("sess_0003").orElseThrow();
    }

    /** A running session (recording can be paused; no recording fetchable yet): {@code sess_0010}. */
    public AnchorSession running() {
        return session("sess_0010").orElseThrow();
    }

    /** A completed session with recording disabled: {@code sess_0011}. */
    public AnchorSession recordingDisabled() {
        return session("sess_0011").orElseThrow();
    }

    /** A failed session that recorded nothing (empty recording list): {@code sess_0007}. */
    public AnchorSession withoutRecordings() {
        return session("sess_0007").orElseThrow();
    }

    private static List<AnchorSession> sessions(long seed, SandboxScenario scenario, long sampleMp4Size,
                                                long largeRecordingBytes) {
        Random random = new Random(seed ^ 0xA5C40L);
        List<AnchorSession> sessions = new ArrayList<>();
        for (int n = 1; n <= SESSIONS; n++) {
            String id = String.format("sess_%04d", n);
            String status = n % 10 == 0 ? "running" : n % 10 == 7 ? "failed" : n % 10 == 9 ? "timed_out" : "completed";
            boolean running = status.equals("running");
            Instant createdAt = EPOCH.plus(Duration.ofHours(7L * (n - 1)))
                    .plusSeconds(random.nextInt(3600)).plusMillis(random.nextInt(1000));
            Optional<List<String>> tags = n % 11 == 5 ? Optional.empty() : Optional.of(pick(random, TAG_POOL,
                    n % 4 == 0 ? List.of("production", "scraping") : List.of()));
            Optional<List<String>> domains = n % 13 == 4 ? Optional.empty() : Optional.of(pick(random, DOMAIN_POOL,
                    n % 3 == 0 ? List.of("github.com") : List.of()));
            boolean recordingEnabled = n % 12 != 11;
            int cents = 5 + random.nextInt(600);
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
                    : n % 6 == 3 ? Optional.of("Checkout profile") : Optional.empty();
            boolean headless = random.nextBoolean();
            List<AnchorRecording> recordings = anchorRecordings(n, scenario, status, recordingEnabled, createdAt,
                    n == 3 ? largeRecordingBytes : sampleMp4Size);
            sessions.add(new AnchorSession(id, status, createdAt, tags, domains, headless, recordingEnabled, credits,
                    proxyBytes, proxyType, steps, duration, taskInitiated, executions,
                    n % 2 == 0 ? "prod-agents" : "ci-pipeline", browserIp, batchId, n % 9 == 4, n % 8 == 5,
                    profile, recordings));
        }
        return sessions;
    }

    private static List<AnchorRecording> anchorRecordings(int n, SandboxScenario scenario, String status,
                                                          boolean enabled, Instant createdAt, long size) {
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
        boolean hostile = scenario == SandboxScenario.HOSTILE;
        String tab = String.format("sess_%04d-tab-", n);
        return List.of(
                new AnchorRecording(prefix + 1, false, tab + "1.mp4", "00:00:03", size, at, media),
                new AnchorRecording(prefix + 2, true, hostile ? "../../evil.mp4" : tab + "2.mp4", "00:00:03", size,
                        at.plusSeconds(1), media),
                new AnchorRecording(prefix + 3, false, hostile ? "/etc/cron.d/evil.mp4" : tab + "3.mp4", "00:00:03",
                        size, at.plusSeconds(2), media));
    }

    private static List<String> pick(Random random, List<String> pool, List<String> required) {
        Set<String> chosen = new LinkedHashSet<>(required);
        int count = 1 + random.nextInt(3);
        for (int i = 0; i < count; i++) {
            chosen.add(pool.get(random.nextInt(pool.size())));
        }
        return List.copyOf(chosen);
    }
}
