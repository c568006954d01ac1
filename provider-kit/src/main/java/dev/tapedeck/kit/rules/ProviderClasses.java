package dev.tapedeck.kit.rules;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaPackage;
import java.util.Optional;

/**
 * Who is who among the analysed classes, found from the classes themselves rather than from names: a provider is
 * the package of a {@code ProviderFactory} implementation and everything below it; its emulator is the package of a
 * {@code ProviderEmulator} implementation below that, and everything below the emulator's package.
 */
final class ProviderClasses {

    static final String FACTORY = "dev.tapedeck.spi.ProviderFactory";
    static final String EMULATOR = "dev.tapedeck.sandbox.spi.ProviderEmulator";

    private ProviderClasses() {
    }

    /** The package of the provider {@code type} belongs to: the nearest enclosing package holding a factory. */
    static Optional<String> root(JavaClass type) {
        Optional<JavaPackage> pkg = Optional.of(type.getBaseComponentType().getPackage());
        while (pkg.isPresent()) {
            if (holds(pkg.get(), FACTORY)) {
                return Optional.of(pkg.get().getName());
            }
            pkg = pkg.get().getParent();
        }
        return Optional.empty();
    }

    /** Whether {@code type} belongs to a provider's emulator: a package below the provider's that holds one. */
    static boolean isEmulator(JavaClass type) {
        Optional<String> root = root(type);
        if (root.isEmpty()) {
            return false;
        }
        Optional<JavaPackage> pkg = Optional.of(type.getBaseComponentType().getPackage());
        while (pkg.isPresent() && !pkg.get().getName().equals(root.get())) {
            if (holds(pkg.get(), EMULATOR)) {
                return true;
            }
            pkg = pkg.get().getParent();
        }
        return false;
    }

    /** Whether {@code type} is a provider's own code: it belongs to a provider and not to its emulator. */
    static boolean isProviderCode(JavaClass type) {
        return root(type).isPresent() && !isEmulator(type);
    }

    /** Whether {@code type} is in package {@code pkg} or below it. */
    static boolean isWithin(JavaClass type, String pkg) {
        String name = type.getBaseComponentType().getPackageName();
        return name.equals(pkg) || name.startsWith(pkg + ".");
    }

    /** Whether {@code pkg} itself holds a concrete class implementing {@code type}. */
    private static boolean holds(JavaPackage pkg, String type) {
        return pkg.getClasses().stream().anyMatch(c -> !c.isInterface()
                && !c.getModifiers().contains(com.tngtech.archunit.core.domain.JavaModifier.ABSTRACT)
                && c.isAssignableTo(type));
    }
}
