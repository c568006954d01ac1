package dev.tapedeck.spring.boot.health;

import dev.tapedeck.junit.SandboxClients;
import org.springframework.boot.actuate.health.CompositeHealthContributor;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.context.ApplicationContext;

/** On Spring Boot 3: the {@code tapedeck} health contributor of the actuator. */
class TapedeckHealthBoot3Test extends TapedeckHealthContract {

    TapedeckHealthBoot3Test(SandboxClients sandbox) {
        super(sandbox);
    }

    @Override
    Reported reported(ApplicationContext context, String provider) {
        Health health = ((HealthIndicator) context.getBean("tapedeckHealthContributor",
                CompositeHealthContributor.class).getContributor(provider)).health();
        return new Reported(health.getStatus().getCode(), health.getDetails());
    }
}
