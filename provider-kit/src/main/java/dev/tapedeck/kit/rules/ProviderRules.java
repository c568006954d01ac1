package dev.tapedeck.kit.rules;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.lang.conditions.ArchConditions;
import com.tngtech.archunit.library.GeneralCodingRules;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * The architecture rules every provider follows, published so that a provider outside this repository runs the same
 * rules as the bundled ones (Flink's {@code ConnectorRules} approach). The rules find the providers among the
 * analysed classes themselves (a provider is the package of a {@code ProviderFactory} implementation; its emulator,
 * if the jar ships one, the package below it of a {@code ProviderEmulator} implementation), so one line runs them
 * for the package a test analyses:
 *
 * <pre>{@code
 * @AnalyzeClasses(packages = "com.example.acme", importOptions = ImportOption.DoNotIncludeTests.class)
 * class AcmeArchitectureTest {
 *     @ArchTest
 *     static final ArchTests PROVIDER_RULES = ArchTests.in(ProviderRules.class);
 * }
 * }</pre>
 */
public final class ProviderRules {

    /** Core's public packages and the HTTP kit, with their sub-packages (but the first's): all of Tapedeck a provider may use. */
    public static final List<String> PUBLIC_API = List.of("dev.tapedeck", "dev.tapedeck.model", "dev.tapedeck.spi",
            "dev.tapedeck.retry", "dev.tapedeck.download", "dev.tapedeck.archive", "dev.tapedeck.wait",
            "dev.tapedeck.http");

    /** What of the sandbox an emulator may use. */
    public static final String SANDBOX_SPI = "dev.tapedeck.sandbox.spi";

    private ProviderRules() {
    }

    private static final DescribedPredicate<JavaClass> PROVIDER_CODE = DescribedPredicate.describe(
            "belong to a provider (not its emulator)", ProviderClasses::isProviderCode);
    private static final DescribedPredicate<JavaClass> PROVIDER_CLASSES = DescribedPredicate.describe(
            "belong to a provider or its emulator", type -> ProviderClasses.root(type).isPresent());
    private static final DescribedPredicate<JavaClass> EMULATOR_CODE = DescribedPredicate.describe(
            "belong to the emulator a provider ships", ProviderClasses::isEmulator);

    /** The analysed classes hold a provider, with a public factory: guards against analysing the wrong package. */
    @ArchTest
    public static final ArchRule A_PROVIDER_HAS_A_PUBLIC_FACTORY = classes()
            .that().implement(ProviderClasses.FACTORY).and().areNotInterfaces()
            .should().bePublic()
            .because("discovery finds each factory through ServiceLoader, and users may construct it directly");

    /** A provider uses of Tapedeck only core's public API and the HTTP kit, and no emulator. */
    @ArchTest
    public static final ArchRule PROVIDERS_USE_ONLY_THE_PUBLIC_API = classes().that(PROVIDER_CODE)
            .should(dependOnlyOn("use of Tapedeck only its public API (" + String.join(", ", PUBLIC_API) + ")"
                    + " and no emulator", (origin, target) -> !ProviderClasses.isEmulator(target)
                    && (!ProviderClasses.isWithin(target, "dev.tapedeck") || sameProvider(origin, target)
                    || isPublicApi(target))))
            .because("core's internals, the sandbox, the command line and other providers may change in any"
                    + " release, and a provider ships as its own jar");

    /** No provider uses another provider. */
    @ArchTest
    public static final ArchRule PROVIDERS_DO_NOT_USE_OTHER_PROVIDERS = classes().that(PROVIDER_CLASSES)
            .should(dependOnlyOn("use no other provider",
                    (origin, target) -> ProviderClasses.root(target).map(root -> sameProvider(origin, target))
                            .orElse(true)))
            .because("each provider ships as its own jar");

    /** Feign and Jackson stay in a provider's {@code .internal} packages. */
    @ArchTest
    public static final ArchRule FEIGN_AND_JACKSON_ONLY_IN_INTERNAL_PACKAGES = noClasses().that(PROVIDER_CODE)
            .and().resideOutsideOfPackage("..internal..")
            .should().dependOnClassesThat().resideInAnyPackage("feign..", "com.fasterxml.jackson..")
            .because("no Feign or Jackson type may cross a port or a provider's public API");

    /** A provider and its emulator report through values, never on the console. */
    @ArchTest
    public static final ArchRule PROVIDERS_NEVER_PRINT = noClasses().that(PROVIDER_CLASSES)
            .should(GeneralCodingRules.ACCESS_STANDARD_STREAMS)
            .because("a library reports through its error model, not System.out");

    /** No java.util.logging in a provider. */
    @ArchTest
    public static final ArchRule PROVIDERS_DO_NOT_USE_JAVA_UTIL_LOGGING = noClasses().that(PROVIDER_CLASSES)
            .should().dependOnClassesThat().resideInAPackage("java.util.logging..")
            .because("applications choose their logging; SLF4J leaves them the choice");

    /** An emulator lives in a package of its own below its provider's. */
    @ArchTest
    public static final ArchRule EMULATORS_LIVE_APART_FROM_THEIR_PROVIDER = classes()
            .that().implement(ProviderClasses.EMULATOR).and(PROVIDER_CLASSES)
            .should(ArchConditions.be(EMULATOR_CODE))
            .allowEmptyShould(true)
            .because("the rules tell the emulator from the provider by its package, below the provider's");

    /** An emulator uses the sandbox's SPI only, and nothing of the provider it emulates. */
    @ArchTest
    public static final ArchRule EMULATORS_USE_ONLY_THE_SANDBOX_SPI = classes().that(EMULATOR_CODE)
            .should(dependOnlyOn("use only the sandbox SPI (" + SANDBOX_SPI + ") of Tapedeck, and none of the"
                    + " provider's own classes", (origin, target) -> ProviderClasses.isWithin(target, "dev.tapedeck")
                    ? ProviderClasses.isWithin(target, SANDBOX_SPI)
                    : !sameProvider(origin, target) || ProviderClasses.isEmulator(target)))
            .allowEmptyShould(true)
            .because("an emulator is written from the provider's documents, so that tests against it check the"
                    + " provider instead of mirroring it");

    private static boolean sameProvider(JavaClass origin, JavaClass target) {
        Optional<String> root = ProviderClasses.root(origin);
        return root.isPresent() && ProviderClasses.isWithin(target, root.get());
    }

    private static boolean isPublicApi(JavaClass type) {
        String pkg = type.getBaseComponentType().getPackageName();
        return pkg.equals(PUBLIC_API.get(0))
                || PUBLIC_API.stream().skip(1).anyMatch(api -> ProviderClasses.isWithin(type, api));
    }

    /** A condition met when {@code allowed} holds for each dependency of a class on another class. */
    private static ArchCondition<JavaClass> dependOnlyOn(String description,
            BiFunction<JavaClass, JavaClass, Boolean> allowed) {
        return new ArchCondition<>(description) {
            @Override
            public void check(JavaClass origin, ConditionEvents events) {
                for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
                    JavaClass target = dependency.getTargetClass().getBaseComponentType();
                    if (target.isPrimitive() || target.equals(origin.getBaseComponentType())) {
                        continue;
                    }
                    if (!allowed.apply(origin, target)) {
                        events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
                    }
                }
            }
        };
    }
}
