package dev.tapedeck.spring.boot.health;

import org.springframework.boot.actuate.health.CompositeHealthContributor;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingClass;
import org.springframework.context.annotation.Bean;

/**
 * On Spring Boot 3 with the actuator: the health contributor {@code tapedeck}, one indicator per configured provider
 * ({@code /actuator/health/tapedeck/<id>}), each reporting its {@link ProviderHealthCheck}.
 */
// by name: the health package stays below the starter's, with no dependency back on it
@AutoConfiguration(afterName = "dev.tapedeck.spring.boot.TapedeckAutoConfiguration")
@ConditionalOnClass(name = "org.springframework.boot.actuate.health.HealthIndicator")
@ConditionalOnMissingClass("org.springframework.boot.health.contributor.HealthIndicator")
@ConditionalOnBean(ProviderHealthChecks.class)
public class TapedeckHealthBoot3AutoConfiguration {

    /** Made by Spring. */
    public TapedeckHealthBoot3AutoConfiguration() {
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
