package dev.tapedeck.spring.boot;

import static dev.tapedeck.spring.boot.TapedeckTestApplication.provider;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tapedeck.Connection;
import dev.tapedeck.junit.SandboxClients;
import dev.tapedeck.junit.TapedeckSandbox;
import dev.tapedeck.model.SessionId;
import dev.tapedeck.model.SessionQuery;
import dev.tapedeck.model.TapedeckError;
import dev.tapedeck.sandbox.Origin;
import dev.tapedeck.sandbox.kataven.KatavenApi;
import dev.tapedeck.sandbox.kataven.KatavenBehaviour;
import dev.tapedeck.spring.boot.health.ProviderHealthChecks;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * The starter in an application against the sandbox: which beans a configuration makes, that the properties reach
 * the connections, the start-up errors of a configuration Tapedeck refuses, and shutdown.
 */
@TapedeckSandbox
class TapedeckAutoConfigurationTest {

    private final SandboxClients sandbox;
    private final ApplicationContextRunner application;

    TapedeckAutoConfigurationTest(SandboxClients sandbox) {
        this.sandbox = sandbox;
        this.application = TapedeckTestApplication.against(sandbox);
    }

    /** A user's bean that takes one provider's connection by its id. */
    record CallCenter(@Qualifier("kataven") Connection calls) {
    }

    @Test
    void withNoProviderConfiguredThereAreNoConnectionsAndNoHealthChecks() {
        application.run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean(TapedeckConnections.class).ids()).isEmpty();
            assertThat(context).doesNotHaveBean(Connection.class).doesNotHaveBean(ProviderHealthChecks.class);
        });
    }

    @Test
    void eachConfiguredProviderIsAConnectionBeanByNameAndByQualifier() {
        application.withPropertyValues(provider(sandbox, "anchor")).withPropertyValues(provider(sandbox, "kataven"))
                .withBean(CallCenter.class)
                .withPropertyValues("tapedeck.providers.notte.base-url=http://127.0.0.1:1/left-out-without-a-key")
                .run(context -> {
                    TapedeckConnections connections = context.getBean(TapedeckConnections.class);
                    assertThat(connections.ids()).containsExactly("anchor", "kataven");
                    assertThat(context).getBeans(Connection.class).containsOnlyKeys("anchorConnection",
                            "katavenConnection");
                    Connection anchor = context.getBean("anchorConnection", Connection.class);
                    assertThat(anchor).isSameAs(connections.get("anchor"));
                    assertThat(context.getBean(CallCenter.class).calls().provider()).isEqualTo("kataven");
                    assertThat(anchor.history().sessions(SessionQuery.builder().limit(3).build()).get().count())
                            .isEqualTo(3);
                    assertThat(sandbox.sandbox().counters().requests("anchor")).isEqualTo(1);
                    assertThatThrownBy(() -> connections.get("notte")).hasMessage("no Tapedeck provider 'notte' is "
                            + "configured (set tapedeck.providers.notte.api-key); configured: anchor, kataven");
                });
    }

    @Test
    void retriesAndTimeoutsComeFromTheProperties() {
        sandbox.sandbox().faults().failNext(Origin.API, 1, 503);
        application.withPropertyValues(provider(sandbox, "anchor"))
                .withPropertyValues("tapedeck.providers.anchor.max-retries=0").run(context -> {
                    Connection anchor = context.getBean("anchorConnection", Connection.class);
                    assertThat(anchor.history().fetchPage(SessionQuery.all(), Optional.empty()).getLeft())
                            .isInstanceOf(TapedeckError.ProviderFailure.class);
                    assertThat(sandbox.sandbox().counters().requests("anchor")).isEqualTo(1);
                });
        sandbox.sandbox().faults().failNext(Origin.API, 2, 503);
        application.withPropertyValues(provider(sandbox, "anchor")).run(context -> {
            Connection anchor = context.getBean("anchorConnection", Connection.class);
            assertThat(anchor.history().fetchPage(SessionQuery.all(), Optional.empty()).isRight()).isTrue();
            assertThat(sandbox.sleeper().sleeps()).hasSize(2);
        });
        sandbox.sandbox().faults().dribbleNext(Origin.API, 1, 1, Duration.ofMillis(300));
        application.withPropertyValues(provider(sandbox, "anchor"))
                .withPropertyValues("tapedeck.providers.anchor.read-idle-timeout=100ms",
                        "tapedeck.providers.anchor.max-retries=0").run(context -> {
                    Connection anchor = context.getBean("anchorConnection", Connection.class);
                    assertThat(anchor.history().fetchPage(SessionQuery.all(), Optional.empty()).getLeft().message())
                            .contains("timeout");
                });
    }

    @Test
    void aProvidersSettingsAreReadFromTheirPropertiesElseFromItsEnvironmentVariables() {
        String ready = sandbox.sandbox().emulation("kataven", KatavenApi.class).seed().call(KatavenBehaviour.READY)
                .id();
        String[] withoutSettings = java.util.Arrays.stream(provider(sandbox, "kataven"))
                .filter(line -> !line.contains(".settings.")).toArray(String[]::new);
        String accountId = sandbox.sandbox().clientSettings("kataven").settings().get("account_id");

        application.withPropertyValues(provider(sandbox, "kataven")).run(context -> assertThat(context
                .getBean("katavenConnection", Connection.class).recordings().recordings(SessionId.of(ready))
                .isRight()).isTrue());
        application.withPropertyValues(withoutSettings).withPropertyValues("KATAVEN_ACCOUNT_ID=" + accountId)
                .run(context -> assertThat(context.getBean("katavenConnection", Connection.class).recordings()
                        .recordings(SessionId.of(ready)).isRight()).isTrue());
    }

    @Test
    void theRateLimitComesFromItsPropertyInsteadOfWhatTheProviderDeclares() {
        String ready = sandbox.sandbox().emulation("kataven", KatavenApi.class).seed().call(KatavenBehaviour.READY)
                .id();
        application.withPropertyValues(provider(sandbox, "kataven"))
                .withPropertyValues("tapedeck.providers.kataven.rate-limit=1/1m").run(context -> {
                    Connection kataven = context.getBean("katavenConnection", Connection.class);
                    for (int i = 0; i < 2; i++) {
                        assertThat(kataven.recordings().recordings(SessionId.of(ready)).isRight()).isTrue();
                    }
                    assertThat(sandbox.sleeper().sleeps()).containsExactly(Duration.ofMinutes(1));
                });
        application.withPropertyValues(provider(sandbox, "kataven"))
                .withPropertyValues("tapedeck.providers.kataven.rate-limit=fast").run(context ->
                        assertThat(messages(context.getStartupFailure())).contains(
                                "tapedeck.providers.kataven.rate-limit: 'fast' is not a rate limit"));
    }

    @Test
    void aConfigurationTapedeckRefusesStopsTheStartWithThePropertyToFixAndNoSecret() {
        application.withPropertyValues("tapedeck.providers.anchr.api-key=sk-secret-1").run(context ->
                assertThat(messages(context.getStartupFailure())).contains("tapedeck.providers.anchr.api-key names "
                        + "no provider Tapedeck knows; known providers: anchor").doesNotContain("sk-secret-1"));
        application.withPropertyValues(provider(sandbox, "kataven"))
                .withPropertyValues("tapedeck.providers.kataven.settings.acount-id=x").run(context ->
                        assertThat(messages(context.getStartupFailure())).contains(
                                "tapedeck.providers.kataven.settings.acount-id: Kataven Hub has no setting "
                                        + "'acount_id'; its settings: account-id, path-prefix"));
        application.withPropertyValues(provider(sandbox, "anchor"))
                .withPropertyValues("tapedeck.providers.anchor.connect-timeout=0s").run(context ->
                        assertThat(messages(context.getStartupFailure())).contains(
                                "tapedeck.providers.anchor.*-timeout: connect timeout must be positive"));
    }

    /** The messages of {@code failure} and its causes, one a line. */
    private static String messages(Throwable failure) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            all.append(t.getMessage()).append('\n');
        }
        return all.toString();
    }

    @Test
    void everyCustomizerSeesEveryConfiguredProvider() {
        List<String> seen = new ArrayList<>();
        application.withPropertyValues(provider(sandbox, "anchor")).withPropertyValues(provider(sandbox, "kataven"))
                .withPropertyValues("tapedeck.health.enabled=false")
                .withBean("recording", ProviderConfigCustomizer.class, () -> (id, config) -> seen.add(id))
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(ProviderHealthChecks.class));
        assertThat(seen).containsExactly("anchor", "kataven");
    }

    @Test
    void theConnectionsCloseWhenTheApplicationStops() {
        List<Connection> held = new ArrayList<>();
        application.withPropertyValues(provider(sandbox, "anchor"))
                .run(context -> held.add(context.getBean("anchorConnection", Connection.class)));

        TapedeckError closed = held.get(0).history().fetchPage(SessionQuery.all(), Optional.empty()).getLeft();

        assertThat(closed.message()).contains("closed");
        assertThat(sandbox.sandbox().counters().requests("anchor")).isZero();
    }

    @Test
    void thePropertiesNeverShowTheKey() {
        application.withPropertyValues(provider(sandbox, "anchor")).run(context -> assertThat(context
                .getBean(TapedeckProperties.class).toString()).contains("anchor", "apiKey=****")
                .doesNotContain(sandbox.sandbox().clientSettings("anchor").apiKey()));
    }
}
