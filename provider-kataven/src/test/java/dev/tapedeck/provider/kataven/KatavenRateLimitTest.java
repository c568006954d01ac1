package dev.tapedeck.provider.kataven;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tapedeck.Connection;
import dev.tapedeck.EnvironmentVariable;
import dev.tapedeck.model.SessionId;
import dev.tapedeck.retry.RateLimit;
import dev.tapedeck.sandbox.ManualClock;
import dev.tapedeck.sandbox.Sandbox;
import dev.tapedeck.sandbox.SandboxOptions;
import dev.tapedeck.sandbox.kataven.KatavenApi;
import dev.tapedeck.sandbox.kataven.KatavenEmulator;
import dev.tapedeck.sandbox.spi.ClientSettings;
import dev.tapedeck.spi.ProviderConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Kataven's documented rate limit, kept to against the sandbox's Kataven, which enforces 60 a minute. */
class KatavenRateLimitTest {

    private final ManualClock clock = new ManualClock(Instant.parse("2026-03-10T00:00:00Z"));
    private final List<Duration> sleeps = new ArrayList<>();
    private final Sandbox sandbox = Sandbox.start(SandboxOptions.builder().clock(clock).threads(2)
            .setting("kataven", KatavenEmulator.CALLS, "130").build());

    @AfterEach
    void stop() {
        sandbox.close();
    }

    private Connection connect(Optional<RateLimit> override) {
        ClientSettings settings = sandbox.clientSettings("kataven");
        ProviderConfig.Builder config = ProviderConfig.builder().baseUrl(settings.baseUrl()).apiKey(settings.apiKey())
                .setting(KatavenProviderFactory.ACCOUNT_ID, settings.settings().get("account_id")).clock(clock)
                .sleeper(duration -> {
                    sleeps.add(duration);
                    clock.advance(duration);
                }).environment(name -> Optional.empty());
        override.ifPresent(config::rateLimit);
        return new KatavenProviderFactory().connect(config.build()).get();
    }

    private void readyRecordingsOf(Connection connection, int calls) {
        for (int i = 13; i < 13 + calls; i++) {
            SessionId call = SessionId.of(String.format("call_%04d", i));
            assertThat(connection.recordings().recordings(call).get()).as("call %d", i).hasSize(1);
        }
    }

    @Test
    void theMetadataDeclaresWhatKatavensDocumentsSayAndTheVariableThatOverridesIt() {
        assertThat(new KatavenProviderFactory().metadata().rateLimit())
                .hasToString("60/1m,1000/1h,10000/1d,20 at once");
        assertThat(new KatavenProviderFactory().metadata().environment()).extracting(EnvironmentVariable::name)
                .contains("KATAVEN_RATE_LIMIT");
    }

    @Test
    void a_hundred_calls_wait_for_the_minute_instead_of_earning_429s() {
        try (Connection connection = connect(Optional.empty())) {
            readyRecordingsOf(connection, 100);
        }

        assertThat(sandbox.emulation("kataven", KatavenApi.class).rateLimitedAnswers()).isZero();
        assertThat(sleeps).containsExactly(Duration.ofMinutes(1));
    }

    @Test
    void without_the_limit_the_emulator_answers_429() {
        try (Connection connection = connect(Optional.of(RateLimit.unlimited()))) {
            readyRecordingsOf(connection, 100);
        }

        assertThat(sandbox.emulation("kataven", KatavenApi.class).rateLimitedAnswers()).isPositive();
    }
}
