package dev.tapedeck.spring.boot;

import java.util.List;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Which providers are configured, read from the environment before any bean exists: bean definitions per provider
 * and the conditions on them need it while the context is still being put together.
 */
final class ConfiguredProviders {

    private ConfiguredProviders() {
    }

    /** The ids of the providers whose {@code tapedeck.providers.<id>.api-key} is set, sorted. */
    static List<String> ids(Environment environment) {
        return Binder.get(environment).bind("tapedeck", Bindable.of(TapedeckProperties.class))
                .map(properties -> List.copyOf(properties.configured().keySet()))
                .orElse(List.of());
    }

    /** Matches when at least one provider is configured. */
    static final class AnyConfigured implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return !ids(context.getEnvironment()).isEmpty();
        }
    }
}
