package dev.tapedeck.spring.boot.metrics;

import static dev.tapedeck.spring.boot.TapedeckTestApplication.provider;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tapedeck.Connection;
import dev.tapedeck.junit.SandboxClients;
import dev.tapedeck.junit.TapedeckSandbox;
import dev.tapedeck.micrometer.TapedeckMetrics;
import dev.tapedeck.model.SessionQuery;
import dev.tapedeck.spring.boot.TapedeckTestApplication;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The starter hands the application's MeterRegistry to every configured provider's connection. */
@TapedeckSandbox
class TapedeckMetricsAutoConfigurationTest {

    private final SandboxClients sandbox;
    private final ApplicationContextRunner application;

    TapedeckMetricsAutoConfigurationTest(SandboxClients sandbox) {
        this.sandbox = sandbox;
        this.application = TapedeckTestApplication.against(sandbox)
                .withConfiguration(AutoConfigurations.of(TapedeckMetricsAutoConfiguration.class))
                .withPropertyValues(provider(sandbox, "anchor"));
    }

    @Test
    void callsOfAConfiguredProviderAreTimedOnTheApplicationsRegistry() {
        application.withBean(MeterRegistry.class, SimpleMeterRegistry::new).run(context -> {
            Connection anchor = context.getBean("anchorConnection", Connection.class);
            assertThat(anchor.history().sessions(SessionQuery.builder().limit(2).build()).get().count()).isEqualTo(2);

            Timer calls = context.getBean(MeterRegistry.class).find("tapedeck.calls").tag("provider", "anchor")
                    .tag("outcome", "success").timer();
            assertThat(calls).isNotNull();
            assertThat(calls.count()).isEqualTo(1);
            assertThat(context.getBean(TapedeckMetricsHolder.class).metrics()).isPresent();
        });
    }

    @Test
    void withoutARegistryConnectionsWorkAndNothingIsRecorded() {
        application.run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean(TapedeckMetricsHolder.class).metrics()).isEmpty();
            Connection anchor = context.getBean("anchorConnection", Connection.class);
            assertThat(anchor.history().sessions(SessionQuery.builder().limit(1).build()).get().count()).isEqualTo(1);
        });
    }

    @Test
    void withoutTheMetricsModuleTheStarterLeavesMetricsOut() {
        application.withBean(MeterRegistry.class, SimpleMeterRegistry::new)
                .withClassLoader(new FilteredClassLoader(TapedeckMetrics.class)).run(context -> {
                    assertThat(context).hasNotFailed().doesNotHaveBean(TapedeckMetricsHolder.class);
                    context.getBean("anchorConnection", Connection.class).history()
                            .sessions(SessionQuery.builder().limit(1).build()).get().count();
                    assertThat(context.getBean(MeterRegistry.class).find("tapedeck.calls").timers()).isEmpty();
                });
    }

    @Test
    void tapedeckMetricsEnabledFalseLeavesTheRegistryAlone() {
        application.withBean(MeterRegistry.class, SimpleMeterRegistry::new)
                .withPropertyValues("tapedeck.metrics.enabled=false").run(context -> {
                    assertThat(context).doesNotHaveBean(TapedeckMetricsHolder.class);
                    context.getBean("anchorConnection", Connection.class).history()
                            .sessions(SessionQuery.builder().limit(1).build()).get().count();
                    assertThat(context.getBean(MeterRegistry.class).find("tapedeck.calls").timers()).isEmpty();
                });
    }
}
