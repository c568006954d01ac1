package dev.tapedeck.provider.kernel;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import dev.tapedeck.kit.rules.ProviderRules;

/** The published provider rules, over this module's production classes. */
@AnalyzeClasses(packages = "dev.tapedeck.provider.kernel", importOptions = ImportOption.DoNotIncludeTests.class)
class KernelArchitectureTest {

    @ArchTest
    static final ArchTests PROVIDER_RULES = ArchTests.in(ProviderRules.class);
}
