package dev.tapedeck.spring.boot.health;

import static dev.tapedeck.spring.boot.TapedeckTestApplication.provider;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tapedeck.junit.SandboxClients;
import dev.tapedeck.junit.TapedeckSandbox;
import dev.tapedeck.spring.boot.TapedeckTestApplication;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringBootVersion;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * On Spring Boot 4: the {@code tapedeck} health contributor of the {@code spring-boot-health} module, one indicator
 * per configured provider, and only that one (the Boot 3 adapter stays off).
 */
@TapedeckSandbox
class TapedeckHealthBoot4Test {

    private final SandboxClients sandbox;
    private final ApplicationContextRunner application;

    TapedeckHealthBoot4Test(SandboxClients sandbox) {
        this.sandbox = sandbox;
        this.application = TapedeckTestApplication.against(sandbox)
                .withConfiguration(AutoConfigurations.of(TapedeckHealthBoot3AutoConfiguration.class,
                        TapedeckHealthBoot4AutoConfiguration.class));
    }

    @Test
    void thisIsSpringBoot4() {
        assertThat(SpringBootVersion.getVersion()).startsWith("4.");
    }

    @Test
    void eachConfiguredProviderHasAnIndicatorUnderTapedeck() {
        application.withPropertyValues(provider(sandbox, "anchor")).withPropertyValues(provider(sandbox, "kataven"))
                .withPropertyValues("tapedeck.providers.kataven.api-key=sk-wrong").run(context -> {
                    assertThat(context).getBeans(HealthContributor.class).containsOnlyKeys(
                            "tapedeckHealthContributor");
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
