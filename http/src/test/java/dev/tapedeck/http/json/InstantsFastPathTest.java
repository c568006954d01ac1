package dev.tapedeck.http.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The hand-written fast path of {@link Instants#fromText} against java.time's lenient path, over seeded generated
 * timestamps in every shape providers send and over mutations of them (a character changed, added or removed,
 * blanks around): both readings always agree, and the fast path answers for every common shape unmutated.
 */
class InstantsFastPathTest {

    private static final long SEED = 20260309L;
    private static final String NOISE = "0123456789-:+.TZtz ,x\u0660\t";

    @Test
    void bothPathsAgreeOnGeneratedAndMutatedTimestamps() {
        Random random = new Random(SEED);
        int answeredFast = 0;
        for (int i = 0; i < 200_000; i++) {
            String text = shape(random);
            if (random.nextInt(3) == 0) {
                text = mutate(text, random);
            }
            if (IsoFastPath.parse(text) != null) {
                answeredFast++;
            }
            assertThat(Instants.fromText(text)).as("seed %d, input #%d '%s'", SEED, i, text)
                    .isEqualTo(Instants.lenient(text));
        }
        assertThat(answeredFast).as("inputs the fast path read").isGreaterThan(100_000);
    }

    @Test
    void theFastPathReadsEveryCommonShapeUnmutated() {
        Random random = new Random(SEED + 1);
        for (int i = 0; i < 20_000; i++) {
            String text = shape(random);
            assertThat(IsoFastPath.parse(text)).as("'%s'", text).isNotNull().isEqualTo(Instants.lenient(text).get());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-02-30T00:00:00Z", "2026-03-09T24:00:00Z", "2026-03-09T12:00:60Z",
            "2026-03-09T12:00:00.1234567890Z", "2026-03-09T12:00:00+19:00", " 2026-03-09T12:00:00Z",
            "2026-03-09t12:00:00z", "2026-03-09T12:00:00+0200", "1748779500.25", "+2026-03-09T12:00:00Z"})
    void shapesTheFastPathLeavesToTheLenientOneReadTheSame(String text) {
        assertThat(IsoFastPath.parse(text)).isNull();
        assertThat(Instants.fromText(text)).isEqualTo(Instants.lenient(text));
    }

    /** One timestamp in a shape providers send. */
    private static String shape(Random random) {
        long seconds = random.nextInt(5) == 0 ? random.nextLong() % 253_402_300_799L
                : 1_500_000_000L + random.nextInt(400_000_000);
        int nanos = random.nextInt(1_000_000_000);
        Instant instant = Instant.ofEpochSecond(Math.abs(seconds), nanos);
        switch (random.nextInt(8)) {
            case 0:
                return Long.toString(instant.getEpochSecond());
            case 1:
                return Long.toString(instant.toEpochMilli());
            case 2:
                return instant.atOffset(ZoneOffset.UTC).toLocalDate().toString();
            default:
                break;
        }
        int sign = random.nextBoolean() ? 1 : -1;
        ZoneOffset offset = random.nextBoolean() ? ZoneOffset.UTC
                : ZoneOffset.ofTotalSeconds(sign * (random.nextInt(18) * 3600 + random.nextInt(4) * 15 * 60));
        OffsetDateTime time = safe(instant, offset);
        StringBuilder text = new StringBuilder(time.toLocalDate().toString())
                .append(random.nextInt(4) == 0 ? ' ' : 'T')
                .append(String.format("%02d:%02d", time.getHour(), time.getMinute()));
        if (random.nextInt(6) != 0) {
            text.append(String.format(":%02d", time.getSecond()));
            int digits = random.nextInt(10);
            if (digits > 0) {
                text.append('.').append(String.format("%09d", time.getNano()), 0, digits);
            }
        }
        switch (random.nextInt(3)) {
            case 0:
                return text.append('Z').toString();
            case 1:
                return text.append(time.getOffset().equals(ZoneOffset.UTC) ? "+00:00" : time.getOffset().getId())
                        .toString();
            default:
                return text.toString();
        }
    }

    private static OffsetDateTime safe(Instant instant, ZoneOffset offset) {
        OffsetDateTime time = instant.atOffset(offset);
        return time.getYear() > 9999 || time.getYear() < 0 ? instant.atOffset(ZoneOffset.UTC) : time;
    }

    private static String mutate(String text, Random random) {
        List<Character> chars = new ArrayList<>();
        text.chars().forEach(c -> chars.add((char) c));
        int at = random.nextInt(chars.size() + 1);
        char noise = NOISE.charAt(random.nextInt(NOISE.length()));
        switch (random.nextInt(4)) {
            case 0 -> chars.add(at, noise);
            case 1 -> {
                if (at < chars.size()) {
                    chars.set(at, noise);
                }
            }
            case 2 -> {
                if (at < chars.size()) {
                    chars.remove(at);
                }
            }
            default -> {
                return random.nextBoolean() ? " " + text : text + "\n";
            }
        }
        StringBuilder out = new StringBuilder();
        chars.forEach(out::append);
        return out.toString();
    }

    @Test
    void isoFormattedInstantsReadBack() {
        Instant now = Instant.parse("2026-03-09T12:34:56.789Z");
        assertThat(IsoFastPath.parse(DateTimeFormatter.ISO_INSTANT.format(now))).isEqualTo(now);
    }
}
