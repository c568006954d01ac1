package dev.tapedeck.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tapedeck.Connection;
import dev.tapedeck.model.Session;
import dev.tapedeck.model.SessionId;
import dev.tapedeck.model.SessionQuery;
import dev.tapedeck.model.TapedeckError;
import dev.tapedeck.sandbox.Counters;
import dev.tapedeck.sandbox.Faults;
import dev.tapedeck.sandbox.ManualClock;
import dev.tapedeck.sandbox.Origin;
import dev.tapedeck.sandbox.Sandbox;
import dev.tapedeck.sandbox.anchor.AnchorApi;
import dev.tapedeck.sandbox.spi.ClientSettings;
import dev.tapedeck.spi.ProviderConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * {@link TapedeckSandbox} as a user's test class uses it: parameters of every kind, and a sandbox that each test finds
 * as it started, whatever the test before it did (the tests run in order to prove it).
 */
@TapedeckSandbox(clockStart = "2026-03-09T12:00:00Z", settings = "kataven.ready_after_polls=2")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TapedeckSandboxTest {

    static final Instant START = Instant.parse("2026-03-09T12:00:00Z");

    @Test
    @Order(1)
    void aConnectionParameterReachesTheEmulatedProvider(@SandboxProvider("anchor") Connection anchor,
            Counters counters) {
        List<Session> sessions = anchor.history().sessions(SessionQuery.builder().limit(3).build()).get()
                .collect(Collectors.toList());

        assertThat(sessions).hasSize(3);
        assertThat(counters.requests("anchor")).isEqualTo(1);
    }

    @Test
    @Order(2)
    void aTestLeavesFaultsPausedRecordingsAndALaterClock(SandboxClients clients, Faults faults, ManualClock clock) {
        Connection anchor = clients.connect("anchor");
        String running = clients.sandbox().emulation("anchor", AnchorApi.class).seed().running().id();
        assertThat(anchor.recordings().pause(SessionId.of(running)).isRight()).isTrue();
        faults.failNext(Origin.API, 5, 503);
        clock.advance(Duration.ofHours(3));

        assertThat(clients.sandbox().emulation("anchor", AnchorApi.class).isPaused(running)).isTrue();
    }

    @Test
    @Order(3)
    void theNextTestFindsTheSandboxAsItStarted(Sandbox sandbox, Counters counters, ManualClock clock,
            ClockSleeper sleeper) {
        String running = sandbox.emulation("anchor", AnchorApi.class).seed().running().id();

        assertThat(counters.requests(Origin.API)).isZero();
        assertThat(sandbox.faults().pending(Origin.API)).isZero();
        assertThat(clock.instant()).isEqualTo(START);
        assertThat(sandbox.emulation("anchor", AnchorApi.class).isPaused(running)).isFalse();
        assertThat(sleeper.sleeps()).isEmpty();
    }

    @Test
    @Order(4)
    void retriesWaitOnTheClockThroughTheSleeperWithoutJitter(@SandboxProvider("anchor") Connection anchor,
            Faults faults, ClockSleeper sleeper, ManualClock clock) {
        faults.failNext(Origin.API, 2, 503);

        assertThat(anchor.history().fetchPage(SessionQuery.all(), java.util.Optional.empty()).isRight()).isTrue();

        assertThat(sleeper.sleeps()).containsExactly(Duration.ofMillis(500), Duration.ofSeconds(1));
        assertThat(clock.instant()).isEqualTo(START.plus(sleeper.total()));
    }

    @Test
    @Order(5)
    void settingsAndConfigsCarryWhatTheProviderNeeds(@SandboxProvider("kataven") ClientSettings settings,
            @SandboxProvider("kataven") ProviderConfig config, Sandbox sandbox) {
        assertThat(settings.baseUrl()).isEqualTo(sandbox.clientSettings("kataven").baseUrl());
        assertThat(config.apiKey("kataven").map(key -> key.reveal())).contains(settings.apiKey());
        assertThat(config.setting("kataven", "account_id")).contains(settings.settings().get("account_id"));
        assertThat(sandbox.options().settings("kataven")).containsEntry("ready_after_polls", "2");
    }

    @Test
    @Order(6)
    void anUnknownProviderIsAnErrorNamingTheEmulatedOnes(SandboxClients clients) {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> clients.connect("nosuch"))
                .hasMessageContaining("'nosuch'").hasMessageContaining("emulates anchor, ")
                .hasMessageContaining(", kataven, ").hasMessageContaining(", notte");
        Connection wrongKey = clients.connect("anchor", clients.config("anchor").apiKey("wrong").build());
        TapedeckError refused = wrongKey.history().fetchPage(SessionQuery.all(), java.util.Optional.empty())
                .getLeft();
        assertThat(refused).isInstanceOf(TapedeckError.Unauthorized.class);
    }

    @Nested
    class NestedClasses {

        @Test
        void shareTheOuterClassesSandbox(Sandbox sandbox, SandboxClients clients) {
            assertThat(sandbox).isSameAs(clients.sandbox());
            assertThat(clients.clock().instant()).isEqualTo(START);
        }
    }
}
