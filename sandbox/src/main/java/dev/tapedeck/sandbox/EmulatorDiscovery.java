package dev.tapedeck.sandbox;

import dev.tapedeck.sandbox.spi.ProviderEmulator;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeMap;

/**
 * The emulators visible through a class loader and the sandbox's own, found with {@link ServiceLoader}: one per
 * provider id (the first found wins; a second is a problem), and one line per emulator that could not be loaded.
 *
 * @param byId     the emulators by provider id, sorted
 * @param problems what could not be used, one line each
 */
record EmulatorDiscovery(Map<String, ProviderEmulator> byId, List<String> problems) {

    /** A loader that fails this often in a row is given up on. */
    private static final int MAX_FAILURES_IN_A_ROW = 64;

    static EmulatorDiscovery discover(ClassLoader loader) {
        ClassLoader own = EmulatorDiscovery.class.getClassLoader();
        List<ClassLoader> loaders = loader == null || loader == own ? List.of(own) : List.of(loader, own);
        Map<String, ProviderEmulator> byId = new TreeMap<>();
        List<String> problems = new ArrayList<>();
        Set<Class<?>> seen = new LinkedHashSet<>();
        for (ClassLoader candidate : loaders) {
            Iterator<ProviderEmulator> it = ServiceLoader.load(ProviderEmulator.class, candidate).iterator();
            int failuresInARow = 0;
            while (failuresInARow < MAX_FAILURES_IN_A_ROW) {
                try {
                    if (!it.hasNext()) {
                        break;
                    }
                    ProviderEmulator emulator = it.next();
                    failuresInARow = 0;
                    if (!seen.add(emulator.getClass())) {
                        continue;
                    }
                    ProviderEmulator first = byId.putIfAbsent(emulator.providerId(), emulator);
                    if (first != null) {
                        problems.add("two emulators of provider '" + emulator.providerId() + "': "
                                + first.getClass().getName() + " is used, " + emulator.getClass().getName()
                                + " is ignored");
                    }
                } catch (ServiceConfigurationError | RuntimeException | LinkageError failure) {
                    // One broken jar must not hide the other emulators.
                    failuresInARow++;
                    problems.add("an emulator could not be loaded: " + failure.getMessage());
                }
            }
        }
        return new EmulatorDiscovery(byId, List.copyOf(problems));
    }
}
