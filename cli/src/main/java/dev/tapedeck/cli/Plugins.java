package dev.tapedeck.cli;

import dev.tapedeck.Tapedeck;
import dev.tapedeck.sandbox.Sandbox;
import dev.tapedeck.sandbox.spi.ProviderEmulator;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * The command's plug-ins: provider jars (and their sandbox emulators) from the plug-in folders,
 * {@code $TAPEDECK_PLUGINS} (a path list of folders) and {@code ~/.tapedeck/plugins}. A plug-in is a jar directly in
 * a folder, or a sub-folder of jars for a plug-in that brings its own libraries; each gets its own class loader.
 *
 * <p>The loaders are parent-first: Tapedeck's API (core, the HTTP kit, the sandbox SPI) and the libraries the
 * command ships (Vavr, Feign, Jackson, SLF4J) always come from the command, so a plug-in's classes and the
 * command's agree on every type they exchange, and a plug-in compiled against the Tapedeck BOM of the command's
 * version runs unchanged. Only libraries the command lacks come from the plug-in. (Child-first loading would let a
 * plug-in bring another Feign or Jackson, but an HTTP kit object built with the command's Feign cannot be handed to
 * classes linked against another copy: every such call would fail with a LinkageError.)
 *
 * <p>A broken plug-in (an unreadable jar, a provider or emulator that fails to load, one built for another SPI
 * version) costs one line on stderr naming it, never the command.
 */
final class Plugins implements AutoCloseable {

    /** The variable holding extra plug-in folders, separated like the platform's class path. */
    static final String VARIABLE = "TAPEDECK_PLUGINS";

    private static final String FACTORY_SERVICE = "META-INF/services/dev.tapedeck.spi.ProviderFactory";
    private static final String EMULATOR_SERVICE = "META-INF/services/" + ProviderEmulator.class.getName();

    private final List<URLClassLoader> loaders;
    private final ClassLoader loader;

    private Plugins(List<URLClassLoader> loaders, ClassLoader parent) {
        this.loaders = List.copyOf(loaders);
        this.loader = loaders.isEmpty() ? parent : new Joined(parent, this.loaders);
    }

    /**
     * Loads the plug-ins of the folders {@code variables} name ({@code TAPEDECK_PLUGINS}, and {@code HOME} or
     * {@code USERPROFILE} for {@code ~/.tapedeck/plugins}), reporting each broken one to {@code problems}.
     */
    static Plugins load(Function<String, Optional<String>> variables, Consumer<String> problems) {
        ClassLoader parent = Plugins.class.getClassLoader();
        List<URLClassLoader> loaders = new ArrayList<>();
        for (Path plugin : plugins(folders(variables))) {
            Optional<String> unreadable = unreadable(plugin);
            if (unreadable.isPresent()) {
                problems.accept("plug-in " + plugin + " is ignored: " + unreadable.get());
                continue;
            }
            URLClassLoader candidate = new URLClassLoader("tapedeck-plugin " + plugin, urls(plugin), parent);
            List<String> broken = check(candidate, parent);
            broken.forEach(line -> problems.accept("plug-in " + plugin + ": " + line));
            loaders.add(candidate);
        }
        return new Plugins(loaders, parent);
    }

    /** The loader that sees the command's classes and every plug-in's. */
    ClassLoader loader() {
        return loader;
    }

    @Override
    public void close() {
        for (URLClassLoader each : loaders) {
            try {
                each.close();
            } catch (IOException ignored) {
                // the jar handles go with the process anyway
            }
        }
    }

    private static List<Path> folders(Function<String, Optional<String>> variables) {
        List<Path> folders = new ArrayList<>();
        variables.apply(VARIABLE).ifPresent(list -> {
            for (String entry : list.split(File.pathSeparator)) {
                if (!entry.isBlank()) {
                    folders.add(Path.of(entry.strip()));
                }
            }
        });
        variables.apply("HOME").or(() -> variables.apply("USERPROFILE")).filter(home -> !home.isBlank())
                .ifPresent(home -> folders.add(Path.of(home, ".tapedeck", "plugins")));
        return folders;
    }

    /** The jars and jar folders in {@code folders}, in name order; a missing folder has none. */
    private static List<Path> plugins(List<Path> folders) {
        Set<Path> found = new LinkedHashSet<>();
        for (Path folder : folders) {
            if (!Files.isDirectory(folder)) {
                continue;
            }
            try (Stream<Path> entries = Files.list(folder)) {
                entries.filter(p -> Files.isDirectory(p) || isJar(p)).sorted()
                        .forEach(p -> found.add(p.toAbsolutePath().normalize()));
            } catch (IOException | UncheckedIOException unreadableFolder) {
                continue;
            }
        }
        return List.copyOf(found);
    }

    private static boolean isJar(Path path) {
        return path.getFileName().toString().endsWith(".jar");
    }

    /** Why {@code plugin} cannot be loaded at all: a jar that is no zip, a folder without jars. */
    private static Optional<String> unreadable(Path plugin) {
        List<Path> jars = jars(plugin);
        if (jars.isEmpty()) {
            return Optional.of("the folder holds no jar");
        }
        for (Path jar : jars) {
            try (JarFile opened = new JarFile(jar.toFile())) {
                opened.size();
            } catch (IOException | SecurityException notAJar) {
                return Optional.of(jar.getFileName() + " is not a readable jar (" + notAJar.getMessage()
                        + "); replace or remove it");
            }
        }
        return Optional.empty();
    }

    private static List<Path> jars(Path plugin) {
        if (!Files.isDirectory(plugin)) {
            return List.of(plugin);
        }
        try (Stream<Path> entries = Files.list(plugin)) {
            return entries.filter(Plugins::isJar).sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    private static URL[] urls(Path plugin) {
        return jars(plugin).stream().map(jar -> {
            try {
                return jar.toUri().toURL();
            } catch (MalformedURLException impossible) {
                throw new IllegalStateException(impossible);
            }
        }).toArray(URL[]::new);
    }

    /**
     * What is wrong with the providers and emulators {@code plugin} registers: each one that fails to load or is
     * refused, and a plug-in that registers nothing at all.
     */
    private static List<String> check(URLClassLoader plugin, ClassLoader parent) {
        List<String> problems = new ArrayList<>();
        if (plugin.findResource(FACTORY_SERVICE) == null && plugin.findResource(EMULATOR_SERVICE) == null) {
            problems.add("it registers no Tapedeck provider or sandbox emulator (no " + FACTORY_SERVICE + ")");
            return problems;
        }
        // the class path's own problems are reported by the command itself, not as this plug-in's
        List<String> providers = Tapedeck.problems(parent);
        Tapedeck.problems(plugin).stream().filter(p -> !providers.contains(p)).forEach(problems::add);
        List<String> emulators = Sandbox.emulatorProblems(parent);
        Sandbox.emulatorProblems(plugin).stream().filter(p -> !emulators.contains(p)).forEach(problems::add);
        return problems;
    }

    /** The command's loader first, then each plug-in's, as one loader for discovery. */
    private static final class Joined extends ClassLoader {
        private final List<URLClassLoader> plugins;

        Joined(ClassLoader parent, List<URLClassLoader> plugins) {
            super("tapedeck-plugins", parent);
            this.plugins = plugins;
        }

        @Override
        protected Class<?> findClass(String name) throws ClassNotFoundException {
            for (URLClassLoader plugin : plugins) {
                try {
                    return plugin.loadClass(name);
                } catch (ClassNotFoundException notHere) {
                    continue;
                }
            }
            throw new ClassNotFoundException(name);
        }

        @Override
        protected URL findResource(String name) {
            for (URLClassLoader plugin : plugins) {
                URL found = plugin.findResource(name);
                if (found != null) {
                    return found;
                }
            }
            return null;
        }

        @Override
        protected Enumeration<URL> findResources(String name) throws IOException {
            List<URL> all = new ArrayList<>();
            for (URLClassLoader plugin : plugins) {
                all.addAll(Collections.list(plugin.findResources(name)));
            }
            return Collections.enumeration(all);
        }
    }
}
