package dev.tapedeck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tapedeck.sandbox.Sandbox;
import dev.tapedeck.sandbox.SandboxOptions;
import dev.tapedeck.sandbox.kataven.KatavenApi;
import dev.tapedeck.sandbox.kataven.KatavenEmulator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A parallel archive of many Kataven calls against the sandbox's Kataven, which answers 429 beyond 60 requests in
 * any minute of the shared manual clock: with the limit Kataven declares it never earns one; without it, it does.
 */
class ArchiveRateLimitTest {

    private static final int CALLS = 100;

    private final SandboxTime time = new SandboxTime();
    private Sandbox sandbox;
    private Path sessions;

    @TempDir
    Path dir;

    @BeforeEach
    void start() throws IOException {
        sandbox = Sandbox.start(SandboxOptions.builder().threads(8).pauser(time).clock(time.clock())
                .setting("kataven", KatavenEmulator.CALLS, Integer.toString(12 + CALLS)).build());
        // the calls beyond the twelve seeded ones all have a ready recording
        sessions = Files.write(dir.resolve("calls.txt"), IntStream.rangeClosed(13, 12 + CALLS)
                .mapToObj(i -> String.format("call_%04d", i)).toList());
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    private CliHarness.Result archive(CliHarness cli, String... more) {
        List<String> args = new ArrayList<>(List.of("--provider", "kataven", "--json", "archive", "--out",
                dir.resolve("out").toString(), "--parallel", "16", "--sessions-from", sessions.toString()));
        args.addAll(List.of(more));
        return cli.run(args.toArray(String[]::new));
    }

    private int rateLimitedAnswers() {
        return sandbox.emulation("kataven", KatavenApi.class).rateLimitedAnswers();
    }

    @Test
    void aParallelArchiveOfAHundredCallsSeesNo429AndFinishes() {
        CliHarness.Result result = archive(CliHarness.pointingAt(sandbox).time(time.clock(), time));

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.json()).hasSize(CALLS).extracting(e -> e.get("status").asText()).containsOnly("downloaded");
        assertThat(rateLimitedAnswers()).isZero();
        // the first 60 went at once; the rest waited on the clock, not on a 429's Retry-After
        assertThat(time.sleeps()).isNotEmpty().allSatisfy(wait -> assertThat(wait).isLessThanOrEqualTo(
                Duration.ofMinutes(1)));
        assertThat(Duration.between(SandboxTime.START, time.clock().instant()))
                .isGreaterThanOrEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void withoutTheLimitTheSameArchiveEarns429s() {
        archive(CliHarness.pointingAt(sandbox).time(time.clock(), time).with("KATAVEN_RATE_LIMIT", "off"));

        assertThat(rateLimitedAnswers()).isPositive();
    }

    @Test
    void aRaisedLimitOnTheCommandLineEarns429sToo() {
        archive(CliHarness.pointingAt(sandbox).time(time.clock(), time), "--rate-limit", "1000/1m");

        assertThat(rateLimitedAnswers()).isPositive();
    }

    @Test
    void aMalformedOrUnaddressedLimitIsAUsageError() {
        CliHarness cli = CliHarness.pointingAt(sandbox).time(time.clock(), time);

        CliHarness.Result malformed = archive(cli, "--rate-limit", "fast");
        CliHarness.Result unaddressed = cli.run("--rate-limit", "10/1m", "archive", "--out", dir.toString());
        CliHarness.Result variable = archive(cli.with("KATAVEN_RATE_LIMIT", "60 per minute"));

        assertThat(malformed.exitCode()).isEqualTo(2);
        assertThat(malformed.err()).contains("--rate-limit: 'fast' is not a rate limit").contains("60/1m");
        assertThat(unaddressed.exitCode()).isEqualTo(2);
        assertThat(unaddressed.err()).contains("--rate-limit applies to one provider");
        assertThat(variable.exitCode()).as(variable.toString()).isNotZero();
        assertThat(variable.err()).contains("KATAVEN_RATE_LIMIT: '60 per minute' is not a rate limit");
        assertThat(rateLimitedAnswers()).isZero();
    }
}
