package dev.tapedeck.spring.boot.health;

import static dev.tapedeck.spring.boot.TapedeckTestApplication.provider;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tapedeck.junit.SandboxClients;
import dev.tapedeck.junit.TapedeckSandbox;
import dev.tapedeck.spring.boot.TapedeckTestApplication;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.CompositeHealthContributor;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** On Spring Boot 3: the {@code tapedeck} health contributor, one indicator per configured provider. */
@TapedeckSandbox
class TapedeckHealthBoot3Test {

    private final SandboxClients sandbox;
    private final ApplicationContextRunner application;

    TapedeckHealthBoot3Test(SandboxClients sandbox) {
        this.sandbox = sandbox;
        this.application = TapedeckTestApplication.against(sandbox)
                .withConfiguration(AutoConfigurations.of(TapedeckHealthBoot3AutoConfiguration.class,
                        TapedeckHealthBoot4AutoConfiguration.class));
    }

    @Test
    void eachConfiguredProviderHasAnIndicatorUnderTapedeck() {
        application.withPropertyValues(provider(sandbox, "anchor")).withPropertyValues(provider(sandbox, "kataven"))
                .withPropertyValues("tapedeck.providers.kataven.api-key=sk-wrong").run(context -> {
                    CompositeHealthContributor tapedeck = context.getBean("tapedeckHealthContributor",
                            CompositeHealthContributor.class);
                    Health anchor = ((HealthIndicator) tapedeck.getContributor("anchor")).health();
                    Health kataven = ((HealthIndicator) tapedeck.getContributor("kataven")).health();

                    assertThat(anchor.getStatus()).isEqualTo(Status.UP);
                    assertThat(anchor.getDetails()).containsKey("checkedAt");
                    assertThat(kataven.getStatus()).isEqualTo(Status.DOWN);
                    assertThat(kataven.getDetails().get("problem").toString()).contains("401")
                            .doesNotContain("sk-wrong");
                });
    }

    @Test
    void thereIsNoIndicatorWithoutProvidersOrWhenHealthIsOff() {
        application.run(context -> assertThat(context).hasNotFailed()
                .doesNotHaveBean("tapedeckHealthContributor"));
        application.withPropertyValues(provider(sandbox, "anchor")).withPropertyValues("tapedeck.health.enabled=false")
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean("tapedeckHealthContributor"));
    }
}
