package dev.tapedeck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * Builds the test plug-in: the Acme provider and its sandbox emulator (sources in the test resources under
 * {@code plugin/acme}, never on the test class path), compiled with javax.tools against Tapedeck's class path and
 * packed into a jar with their service files, as an outside author's build would.
 */
public final class PluginJar {

    private PluginJar() {
    }

    /**
     * Compiles the Acme plug-in declaring SPI version {@code spiVersion} (a Java expression) into {@code jar}, in a
     * scratch folder {@code work}.
     */
    public static Path acme(Path work, Path jar, String spiVersion) {
        Path sources = work.resolve("src/com/example/acme");
        Path classes = work.resolve("classes");
        try {
            Files.createDirectories(sources);
            for (String name : List.of("AcmeProviderFactory.java", "AcmeEmulator.java")) {
                String text = resource("/plugin/acme/" + name).replace("SPI_VERSION_HERE", spiVersion);
                Files.writeString(sources.resolve(name), text);
            }
            JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
            List<String> args = new ArrayList<>(List.of("-d", classes.toString(), "--release", "17", "-cp",
                    System.getProperty("java.class.path")));
            args.add(sources.resolve("AcmeProviderFactory.java").toString());
            args.add(sources.resolve("AcmeEmulator.java").toString());
            assertThat(javac.run(null, null, null, args.toArray(String[]::new))).as("javac of the plug-in").isZero();
            Files.createDirectories(jar.getParent());
            write(jar, classes, Map.of(
                    "META-INF/services/dev.tapedeck.spi.ProviderFactory", "com.example.acme.AcmeProviderFactory\n",
                    "META-INF/services/dev.tapedeck.sandbox.spi.ProviderEmulator", "com.example.acme.AcmeEmulator\n"));
            return jar;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Path jar, Path classes, Map<String, String> services) throws IOException {
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file);
             Stream<Path> walk = Files.walk(classes)) {
            for (Path path : walk.filter(Files::isRegularFile).sorted().toList()) {
                out.putNextEntry(new JarEntry(classes.relativize(path).toString().replace('\\', '/')));
                Files.copy(path, out);
                out.closeEntry();
            }
            for (Map.Entry<String, String> service : services.entrySet()) {
                out.putNextEntry(new JarEntry(service.getKey()));
                out.write(service.getValue().getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = PluginJar.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException("missing test resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
