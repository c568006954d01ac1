package dev.tapedeck.kit.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each published rule passes a provider that keeps it and fails one that breaks it, naming what broke it. */
class ProviderRulesTest {

    private static final String FIXTURES = "dev.tapedeck.kit.rules.fixture";
    private static final JavaClasses GOOD = new ClassFileImporter().importPackages(FIXTURES + ".good");
    private static final JavaClasses BAD = new ClassFileImporter().importPackages(FIXTURES + ".bad");

    private static final List<ArchRule> ALL = List.of(ProviderRules.A_PROVIDER_HAS_A_PUBLIC_FACTORY,
            ProviderRules.PROVIDERS_USE_ONLY_THE_PUBLIC_API, ProviderRules.PROVIDERS_DO_NOT_USE_OTHER_PROVIDERS,
            ProviderRules.FEIGN_AND_JACKSON_ONLY_IN_INTERNAL_PACKAGES, ProviderRules.PROVIDERS_NEVER_PRINT,
            ProviderRules.PROVIDERS_DO_NOT_USE_JAVA_UTIL_LOGGING, ProviderRules.EMULATORS_LIVE_APART_FROM_THEIR_PROVIDER,
            ProviderRules.EMULATORS_USE_ONLY_THE_SANDBOX_SPI);

    private static String violations(ArchRule rule, JavaClasses classes) {
        EvaluationResult result = rule.evaluate(classes);
        return result.hasViolation() ? String.join("\n", result.getFailureReport().getDetails()) : "";
    }

    @Test
    void aProviderThatKeepsTheRulesPassesThemAll() {
        assertThat(ALL).allSatisfy(rule -> assertThat(violations(rule, GOOD)).as(rule.getDescription()).isEmpty());
    }

    @Test
    void aProviderThatBreaksThemIsToldWhere() {
        assertThat(violations(ProviderRules.PROVIDERS_USE_ONLY_THE_PUBLIC_API, BAD))
                .contains("dev.tapedeck.internal.paging.Paginator").contains("dev.tapedeck.sandbox.Sandbox")
                .contains("BadEmulator");
        assertThat(violations(ProviderRules.PROVIDERS_DO_NOT_USE_OTHER_PROVIDERS, BAD)).contains("GoodFactory");
        assertThat(violations(ProviderRules.FEIGN_AND_JACKSON_ONLY_IN_INTERNAL_PACKAGES, BAD))
                .contains("com.fasterxml.jackson.databind.ObjectMapper");
        assertThat(violations(ProviderRules.PROVIDERS_NEVER_PRINT, BAD)).contains("System.out");
        assertThat(violations(ProviderRules.PROVIDERS_DO_NOT_USE_JAVA_UTIL_LOGGING, BAD)).contains("java.util.logging");
        assertThat(violations(ProviderRules.EMULATORS_USE_ONLY_THE_SANDBOX_SPI, BAD))
                .contains("BadFactory").contains("dev.tapedeck.sandbox.Sandbox");
    }

    @Test
    void analysingAPackageWithoutAProviderFails() {
        JavaClasses none = new ClassFileImporter().importPackages(FIXTURES + ".good.internal");

        assertThatThrownBy(() -> ProviderRules.A_PROVIDER_HAS_A_PUBLIC_FACTORY.evaluate(none))
                .hasMessageContaining("failed to check any classes");
    }
}
