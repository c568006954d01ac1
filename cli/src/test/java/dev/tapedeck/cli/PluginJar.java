package dev.tapedeck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * Builds the test plug-in from the example provider's sources ({@code examples/provider-acme}: the Acme provider,
 * its sandbox emulator and their service files, never on the test class path), compiled with javax.tools against
 * Tapedeck's class path and packed into a jar, as the example's own build would.
 */
public final class PluginJar {

    /** The example provider, from the cli module's folder, where Surefire runs. */
    static final Path EXAMPLE = Path.of("..", "examples", "provider-acme").toAbsolutePath().normalize();

    private PluginJar() {
    }

    /**
     * Compiles the Acme plug-in declaring SPI version {@code spiVersion} (a Java expression put where its sources
     * say {@code SpiVersion.CURRENT}) into {@code jar}, in a scratch folder {@code work}.
     */
    public static Path acme(Path work, Path jar, String spiVersion) {
        Path main = EXAMPLE.resolve("src/main");
        assertThat(main).as("the example provider's sources").isDirectory();
        Path sources = work.resolve("src");
        Path classes = work.resolve("classes");
        try {
            List<String> args = new ArrayList<>(List.of("-d", classes.toString(), "--release", "17", "-cp",
                    System.getProperty("java.class.path")));
            try (Stream<Path> java = Files.walk(main.resolve("java"))) {
                for (Path source : java.filter(p -> p.toString().endsWith(".java")).toList()) {
                    Path copy = sources.resolve(main.resolve("java").relativize(source));
                    Files.createDirectories(copy.getParent());
                    Files.writeString(copy, Files.readString(source).replace("SpiVersion.CURRENT", spiVersion));
                    args.add(copy.toString());
                }
            }
            JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
            assertThat(javac.run(null, null, null, args.toArray(String[]::new))).as("javac of the plug-in").isZero();
            Files.createDirectories(jar.getParent());
            write(jar, classes, main.resolve("resources"));
            return jar;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Path jar, Path... roots) throws IOException {
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file)) {
            for (Path root : roots) {
                try (Stream<Path> walk = Files.walk(root)) {
                    for (Path path : walk.filter(Files::isRegularFile).sorted().toList()) {
                        out.putNextEntry(new JarEntry(root.relativize(path).toString().replace('\\', '/')));
                        Files.copy(path, out);
                        out.closeEntry();
                    }
                }
            }
        }
    }
}
