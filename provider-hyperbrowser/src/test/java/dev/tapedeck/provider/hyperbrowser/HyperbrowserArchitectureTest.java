package dev.tapedeck.provider.hyperbrowser;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import dev.tapedeck.kit.rules.ProviderRules;

/** The published provider rules, over this module's production classes. */
@AnalyzeClasses(packages = "dev.tapedeck.provider.hyperbrowser", importOptions = ImportOption.DoNotIncludeTests.class)
class HyperbrowserArchitectureTest {

    @ArchTest
    static final ArchTests PROVIDER_RULES = ArchTests.in(ProviderRules.class);
}
