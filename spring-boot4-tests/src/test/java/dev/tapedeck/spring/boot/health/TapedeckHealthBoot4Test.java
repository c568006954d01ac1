package dev.tapedeck.spring.boot.health;

import static dev.tapedeck.spring.boot.TapedeckTestApplication.provider;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tapedeck.junit.SandboxClients;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringBootVersion;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.ApplicationContext;

/**
 * On Spring Boot 4: the {@code tapedeck} health contributor of the {@code spring-boot-health} module, and only that
 * one (the Boot 3 adapter stays off).
 */
class TapedeckHealthBoot4Test extends TapedeckHealthContract {

    TapedeckHealthBoot4Test(SandboxClients sandbox) {
        super(sandbox);
    }

    @Override
    Reported reported(ApplicationContext context, String provider) {
        Health health = ((HealthIndicator) context.getBean("tapedeckHealthContributor",
                CompositeHealthContributor.class).getContributor(provider)).health();
        return new Reported(health.getStatus().getCode(), health.getDetails());
    }

    @Test
    void thisIsSpringBoot4WithOneTapedeckContributor() {
        assertThat(SpringBootVersion.getVersion()).startsWith("4.");
        application.withPropertyValues(provider(sandbox, "anchor")).run(context -> assertThat(context)
                .getBeans(HealthContributor.class).containsOnlyKeys("tapedeckHealthContributor"));
    }
}
