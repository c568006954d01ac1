package dev.tapedeck.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every published jar is a named module, declared as docs/writing-a-provider.md shows: its compiled module-info
 * exports exactly its packages that are not {@code internal}, opens packages to Jackson only and never whole,
 * provides exactly what its {@code META-INF/services} lists (so the class path and the module path find the same
 * services), and its name is the root of its packages (so no package is split between jars). The jars in
 * {@link #AUTOMATIC} are automatic modules on purpose and keep an {@code Automatic-Module-Name}.
 */
class ModuleDescriptorsTest {

    /** Published jars that are not explicit modules, by folder, and why. */
    private static final Map<String, String> AUTOMATIC = Map.of(
            "spring-boot-starter", "Spring Boot runs applications on the class path, its own jars are automatic"
                    + " modules whose names and packages differ between Boot 3.5 and 4.0, and it proxies and scans"
                    + " configuration classes reflectively",
            "cli", "the command is an application started from its fat jar or the distribution's class path, with"
                    + " plug-in jars on the class path too; no one compiles against it");

    /** The module that owns {@code dev.tapedeck} itself, the one module whose name is not its packages' root. */
    private static final String CORE = "dev.tapedeck.core";

    private static final Set<String> MAY_OPEN_TO = Set.of("com.fasterxml.jackson.databind");

    @TestFactory
    Stream<DynamicTest> everyPublishedJarIsANamedModuleThatExportsItsPublicPackages() throws Exception {
        return Reactor.published().stream().map(module -> DynamicTest.dynamicTest(module.folder(),
                () -> {
                    if (AUTOMATIC.containsKey(module.folder())) {
                        isAutomatic(module);
                    } else {
                        isExplicit(module);
                    }
                }));
    }

    private static void isExplicit(Reactor.Module module) throws IOException {
        Path classes = module.classes();
        assertThat(classes.resolve("module-info.class"))
                .as("%s has no src/main/java/module-info.java: every published jar is a named module (see"
                        + " docs/writing-a-provider.md, 'The module'), or is listed in AUTOMATIC with the reason",
                        module.folder())
                .exists();
        ModuleDescriptor descriptor = ModuleFinder.of(classes).findAll().iterator().next().descriptor();
        Set<String> packages = classPackages(classes);

        assertThat(descriptor.isOpen()).as("%s is an open module", descriptor.name()).isFalse();
        if (!descriptor.name().equals(CORE)) {
            assertThat(packages).as("packages of %s outside its name", descriptor.name())
                    .allMatch(p -> p.equals(descriptor.name()) || p.startsWith(descriptor.name() + "."));
        }
        assertThat(descriptor.exports()).as("qualified exports of %s", descriptor.name())
                .noneMatch(ModuleDescriptor.Exports::isQualified);
        Set<String> exported = new TreeSet<>();
        descriptor.exports().forEach(exports -> exported.add(exports.source()));
        Set<String> notInternal = new TreeSet<>(packages);
        notInternal.removeIf(ModuleDescriptorsTest::isInternal);
        assertThat(exported).as("the packages %s exports: every package but the internal ones", descriptor.name())
                .isEqualTo(notInternal);
        assertThat(descriptor.opens()).as("what %s opens, to whom", descriptor.name())
                .allMatch(opens -> opens.isQualified() && MAY_OPEN_TO.containsAll(opens.targets()));
        assertThat(provides(descriptor)).as("the provides clauses of %s against its META-INF/services",
                descriptor.name()).isEqualTo(services(classes));
    }

    private static void isAutomatic(Reactor.Module module) throws IOException {
        assertThat(module.classes().resolve("module-info.class")).as("%s is listed as automatic: %s",
                module.folder(), AUTOMATIC.get(module.folder())).doesNotExist();
        String pom = Files.readString(Reactor.ROOT.resolve(module.folder()).resolve("pom.xml"));
        assertThat(pom).as("%s keeps a stable module name in its manifest", module.folder())
                .containsPattern("<Automatic-Module-Name>dev\\.tapedeck\\.[a-z.]+</Automatic-Module-Name>");
    }

    private static boolean isInternal(String pkg) {
        return pkg.endsWith(".internal") || pkg.contains(".internal.");
    }

    /** The packages holding classes; resource folders such as the sandbox's media are no packages of the API. */
    private static Set<String> classPackages(Path classes) throws IOException {
        try (Stream<Path> files = Files.walk(classes)) {
            return files.filter(f -> f.toString().endsWith(".class"))
                    .filter(f -> !f.getFileName().toString().equals("module-info.class"))
                    .map(f -> classes.relativize(f.getParent()).toString().replace(File.separatorChar, '.'))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
    }

    private static Map<String, Set<String>> provides(ModuleDescriptor descriptor) {
        Map<String, Set<String>> provides = new TreeMap<>();
        descriptor.provides().forEach(p -> provides.put(p.service(), new TreeSet<>(p.providers())));
        return provides;
    }

    /** What {@code META-INF/services} lists, by service: one class per line, {@code #} starts a comment. */
    private static Map<String, Set<String>> services(Path classes) throws IOException {
        Map<String, Set<String>> services = new TreeMap<>();
        Path folder = classes.resolve("META-INF/services");
        if (!Files.isDirectory(folder)) {
            return services;
        }
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.toList()) {
                services.put(file.getFileName().toString(), Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                        .map(line -> line.replaceFirst("#.*", "").strip()).filter(line -> !line.isEmpty())
                        .collect(Collectors.toCollection(TreeSet::new)));
            }
        }
        return services;
    }
}
