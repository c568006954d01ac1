package com.example.acme;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import dev.tapedeck.kit.rules.ProviderRules;

/** The rules every provider follows, over this provider's production classes, its emulator included. */
@AnalyzeClasses(packages = "com.example.acme", importOptions = ImportOption.DoNotIncludeTests.class)
class AcmeArchitectureTest {

    @ArchTest
    static final ArchTests PROVIDER_RULES = ArchTests.in(ProviderRules.class);
}
