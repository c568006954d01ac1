package dev.tapedeck.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.GeneralCodingRules;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import dev.tapedeck.kit.rules.ProviderRules;

/**
 * The module boundaries of docs/design.md, checked over the production classes of every module at once, with the
 * published provider rules ({@link ProviderRules}) applied to the bundled providers.
 * Test classes are left out; jars are not, because in {@code verify} the sibling modules arrive as jars.
 */
@AnalyzeClasses(packages = "dev.tapedeck", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    /** Every package that ships in tapedeck-core. */
    static final String[] CORE = {
        "dev.tapedeck", "dev.tapedeck.model..", "dev.tapedeck.spi..", "dev.tapedeck.retry..",
        "dev.tapedeck.internal..", "dev.tapedeck.download..", "dev.tapedeck.archive..", "dev.tapedeck.wait..",
        "dev.tapedeck.observe.."
    };

    private static String[] coreAnd(String... more) {
        String[] all = java.util.Arrays.copyOf(CORE, CORE.length + more.length);
        System.arraycopy(more, 0, all, CORE.length, more.length);
        return all;
    }

    @ArchTest
    static final ArchRule core_depends_only_on_the_jdk_and_vavr = classes()
            .that().resideInAnyPackage(CORE)
            .should().onlyDependOnClassesThat().resideInAnyPackage(coreAnd("java..", "io.vavr..", "org.slf4j.."))
            .because("core is the hexagon: ports, model and SPI that every provider and user builds on");

    /** The rules every provider follows, published in the provider kit, over the bundled providers. */
    @ArchTest
    static final ArchTests PROVIDER_RULES = ArchTests.in(ProviderRules.class);

    @ArchTest
    static final ArchRule only_the_metrics_module_knows_micrometer = noClasses()
            .that().resideOutsideOfPackages("dev.tapedeck.micrometer..", "dev.tapedeck.spring.boot.metrics..")
            .should().dependOnClassesThat().resideInAPackage("io.micrometer..")
            .because("metrics are optional: core and the HTTP kit report through TapedeckObserver; only the metrics "
                    + "module and the starter's metrics auto-configuration, which binds it to a MeterRegistry, "
                    + "know Micrometer");

    @ArchTest
    static final ArchRule nobody_outside_core_touches_core_internals = noClasses()
            .that().resideOutsideOfPackages(CORE)
            .should().dependOnClassesThat().resideInAPackage("dev.tapedeck.internal..")
            .because("dev.tapedeck.internal may change in any release");

    @ArchTest
    static final ArchRule the_provider_kit_is_for_tests_only = noClasses()
            .that().resideOutsideOfPackage("dev.tapedeck.kit..")
            .should().dependOnClassesThat().resideInAPackage("dev.tapedeck.kit..")
            .because("the provider kit is a test-scope jar: nothing that ships may need it");

    @ArchTest
    static final ArchRule the_http_kit_knows_no_provider = noClasses()
            .that().resideInAPackage("dev.tapedeck.http..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.tapedeck.provider..", "dev.tapedeck.sandbox..",
                    "dev.tapedeck.cli..");

    @ArchTest
    static final ArchRule the_sandbox_is_written_from_the_documents_not_from_our_classes = noClasses()
            .that().resideInAPackage("dev.tapedeck.sandbox..")
            .should().dependOnClassesThat(resideInAPackage("dev.tapedeck..")
                    .and(not(resideInAPackage("dev.tapedeck.sandbox.."))))
            .because("a sandbox that mirrors our DTOs would prove nothing about our providers");

    @ArchTest
    static final ArchRule the_bundled_emulators_use_nothing_of_the_sandbox_but_its_spi = noClasses()
            .that().resideInAnyPackage("dev.tapedeck.sandbox.*..")
            .and().resideOutsideOfPackage("dev.tapedeck.sandbox.spi")
            .should().dependOnClassesThat().resideInAPackage("dev.tapedeck.sandbox")
            .because("an emulator a provider jar ships has only the SPI, and the bundled ones are written the same way");

    @ArchTest
    static final ArchRule no_package_cycles = slices().assignedFrom(new SliceAssignment() {
        @Override
        public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
            if (!javaClass.getPackageName().startsWith("dev.tapedeck")) {
                return SliceIdentifier.ignore();
            }
            // The entry point is the composition root: it ties the ports to discovery, so it stands apart from
            // the ports' package, which discovery's SPI refers to.
            if (javaClass.getName().equals("dev.tapedeck.Tapedeck")) {
                return SliceIdentifier.of("entry point dev.tapedeck.Tapedeck");
            }
            return SliceIdentifier.of(javaClass.getPackageName());
        }

        @Override
        public String getDescription() {
            return "the packages of dev.tapedeck (with the entry point Tapedeck on its own)";
        }
    }).should().beFreeOfCycles();

    @ArchTest
    static final ArchRule libraries_never_print_to_the_console = noClasses()
            .that(resideInAnyPackage(coreAnd("dev.tapedeck.http..")))
            .should(GeneralCodingRules.ACCESS_STANDARD_STREAMS)
            .because("a library reports through its error model, not System.out");

    @ArchTest
    static final ArchRule no_java_util_logging = GeneralCodingRules.NO_CLASSES_SHOULD_USE_JAVA_UTIL_LOGGING;
}
