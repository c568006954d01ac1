package dev.tapedeck.spring.boot.health;

import static dev.tapedeck.spring.boot.TapedeckTestApplication.provider;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tapedeck.junit.SandboxClients;
import dev.tapedeck.junit.TapedeckSandbox;
import dev.tapedeck.spring.boot.TapedeckTestApplication;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationContext;

/**
 * What the {@code tapedeck} health contributor reports, on either Spring Boot: one indicator per configured provider,
 * none without providers or with health off. A subclass per Boot reads an indicator through that Boot's types.
 */
@TapedeckSandbox
abstract class TapedeckHealthContract {

    /** What one indicator reported: its status code and details. */
    record Reported(String status, Map<String, Object> details) {
    }

    final SandboxClients sandbox;
    final ApplicationContextRunner application;

    TapedeckHealthContract(SandboxClients sandbox) {
        this.sandbox = sandbox;
        this.application = TapedeckTestApplication.against(sandbox)
                .withConfiguration(AutoConfigurations.of(TapedeckHealthBoot3AutoConfiguration.class,
                        TapedeckHealthBoot4AutoConfiguration.class));
    }

    /** The health the indicator of {@code provider} under {@code tapedeck} reports in {@code context}. */
    abstract Reported reported(ApplicationContext context, String provider);

    @Test
    void eachConfiguredProviderHasAnIndicatorUnderTapedeck() {
        application.withPropertyValues(provider(sandbox, "anchor")).withPropertyValues(provider(sandbox, "kataven"))
                .withPropertyValues("tapedeck.providers.kataven.api-key=sk-wrong").run(context -> {
                    Reported anchor = reported(context, "anchor");
                    Reported kataven = reported(context, "kataven");

                    assertThat(anchor.status()).isEqualTo("UP");
                    assertThat(anchor.details()).containsKey("checkedAt");
                    assertThat(kataven.status()).isEqualTo("DOWN");
                    assertThat(kataven.details().get("problem").toString()).contains("401")
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
