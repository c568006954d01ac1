package dev.tapedeck.spring.boot.health;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;

/**
 * On Spring Boot 4 (its {@code spring-boot-health} module, which the actuator brings): the health contributor
 * {@code tapedeck}, one indicator per configured provider ({@code /actuator/health/tapedeck/<id>}), each reporting
 * its {@link ProviderHealthCheck}.
 */
// by name: the health package stays below the starter's, with no dependency back on it
@AutoConfiguration(afterName = "dev.tapedeck.spring.boot.TapedeckAutoConfiguration")
@ConditionalOnClass(name = "org.springframework.boot.health.contributor.HealthIndicator")
@ConditionalOnBean(ProviderHealthChecks.class)
public class TapedeckHealthBoot4AutoConfiguration {

    /** Made by Spring. */
    public TapedeckHealthBoot4AutoConfiguration() {
    }

    @Bean
    @ConditionalOnMissingBean(name = "tapedeckHealthContributor")
    CompositeHealthContributor tapedeckHealthContributor(ProviderHealthChecks checks) {
        return CompositeHealthContributor.fromMap(checks.byId(), check -> (HealthIndicator) () -> {
            ProviderHealth checked = check.check();
            return Health.status(checked.state().name()).withDetails(checked.details()).build();
        });
    }
}
