package dev.tapedeck.spring.boot.health;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tapedeck.junit.SandboxClients;
import dev.tapedeck.junit.TapedeckSandbox;
import dev.tapedeck.sandbox.Counters;
import dev.tapedeck.sandbox.Origin;
import dev.tapedeck.spring.boot.TapedeckTestApplication;
import io.vavr.control.Either;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * The health checks against the sandbox: up, down and unknown from what the provider answers, one request per
 * check at most, none while the last check is fresh, never a retry, never a key in what they report.
 */
@TapedeckSandbox
class ProviderHealthCheckTest {

    private final SandboxClients sandbox;
    private final Counters counters;
    private final ApplicationContextRunner application;

    ProviderHealthCheckTest(SandboxClients sandbox) {
        this.sandbox = sandbox;
        this.counters = sandbox.sandbox().counters();
        this.application = TapedeckTestApplication.against(sandbox);
    }

    private ProviderHealth check(ApplicationContextRunner configured, String provider, int times) {
        ProviderHealth[] last = new ProviderHealth[1];
        configured.run(context -> {
            ProviderHealthCheck check = context.getBean(ProviderHealthChecks.class).byId().get(provider);
            for (int i = 0; i < times; i++) {
                last[0] = check.check();
            }
        });
        return last[0];
    }

    @Test
    void aProviderWithAHistoryIsUpAfterOneRequestAndTheResultServesEveryProbeForCacheFor() {
        ProviderHealth health = check(application.withPropertyValues(TapedeckTestApplication.provider(sandbox,
                "anchor")).withPropertyValues("tapedeck.health.cache-for=1h"), "anchor", 5);

        assertThat(health.state()).isEqualTo(ProviderHealth.State.UP);
        assertThat(health.problem()).isEmpty();
        assertThat(health.details()).containsOnlyKeys("checkedAt");
        assertThat(counters.requests("anchor")).isEqualTo(1);
    }

    @Test
    void withCacheForZeroEveryProbeAsksTheProvider() {
        check(application.withPropertyValues(TapedeckTestApplication.provider(sandbox, "anchor"))
                .withPropertyValues("tapedeck.health.cache-for=0s"), "anchor", 3);

        assertThat(counters.requests("anchor")).isEqualTo(3);
    }

    @Test
    void aCachedResultIsAskedAgainOnceItIsOlderThanCacheFor() {
        ProviderHealthCheck check = new ProviderHealthCheck("anchor", () -> Either.right(sandbox.connect("anchor")),
                Duration.ofMinutes(1), sandbox.clock());

        check.check();
        sandbox.clock().advance(Duration.ofSeconds(59));
        check.check();
        assertThat(counters.requests("anchor")).isEqualTo(1);
        sandbox.clock().advance(Duration.ofSeconds(1));
        assertThat(check.check().checkedAt()).isEqualTo(sandbox.clock().instant());
        assertThat(counters.requests("anchor")).isEqualTo(2);
        check.close();
    }

    @Test
    void aProviderWithoutAHistoryIsAskedForASessionNoOneHasAndIsUpWhenItAnswersNotFound() {
        ProviderHealth health = check(application.withPropertyValues(TapedeckTestApplication.provider(sandbox,
                "kataven")), "kataven", 1);

        assertThat(health.state()).as("%s", health).isEqualTo(ProviderHealth.State.UP);
        assertThat(counters.requests("kataven")).isEqualTo(1);
    }

    @Test
    void aRefusedKeyIsDownWithTheProvidersAnswerAndNotTheKey() {
        for (String provider : List.of("anchor", "kataven")) {
            ProviderHealth health = check(application.withPropertyValues(TapedeckTestApplication.provider(sandbox,
                    provider)).withPropertyValues("tapedeck.providers." + provider + ".api-key=sk-wrong-4242"),
                    provider, 1);

            assertThat(health.state()).isEqualTo(ProviderHealth.State.DOWN);
            assertThat(health.problem()).hasValueSatisfying(problem -> assertThat(problem)
                    .containsPattern("401|unauthorized").doesNotContain("sk-wrong-4242"));
        }
    }

    @Test
    void anOutageIsDownAfterOneRequestWithoutRetries() {
        sandbox.sandbox().faults().failNext(Origin.API, 5, 503);

        ProviderHealth health = check(application.withPropertyValues(TapedeckTestApplication.provider(sandbox,
                "anchor")), "anchor", 1);

        assertThat(health.state()).isEqualTo(ProviderHealth.State.DOWN);
        assertThat(counters.requests("anchor")).isEqualTo(1);
        assertThat(sandbox.sleeper().sleeps()).isEmpty();
    }

    @Test
    void aSpentRateLimitIsUnknown() {
        sandbox.sandbox().faults().rateLimitNext(1, 30);

        ProviderHealth health = check(application.withPropertyValues(TapedeckTestApplication.provider(sandbox,
                "anchor")), "anchor", 1);

        assertThat(health.state()).isEqualTo(ProviderHealth.State.UNKNOWN);
        assertThat(health.details()).containsKeys("checkedAt", "problem");
    }

    @Test
    void aProviderThatStallsIsDownWithinTheHealthTimeout() {
        sandbox.sandbox().faults().dribbleNext(Origin.API, 1, 1, Duration.ofSeconds(5));

        ProviderHealth health = check(application.withPropertyValues(TapedeckTestApplication.provider(sandbox,
                "anchor")).withPropertyValues("tapedeck.health.timeout=300ms"), "anchor", 1);

        assertThat(health.state()).isEqualTo(ProviderHealth.State.DOWN);
        assertThat(health.problem()).hasValueSatisfying(problem -> assertThat(problem).contains("timeout"));
    }

    @Test
    void afterTheApplicationStopsAChecksSaysSoWithoutAsking() {
        ProviderHealthCheck[] held = new ProviderHealthCheck[1];
        application.withPropertyValues(TapedeckTestApplication.provider(sandbox, "anchor")).run(context ->
                held[0] = context.getBean(ProviderHealthChecks.class).byId().get("anchor"));

        assertThat(held[0].check().problem()).contains("the application is stopping");
        assertThat(counters.requests("anchor")).isZero();
    }
}
