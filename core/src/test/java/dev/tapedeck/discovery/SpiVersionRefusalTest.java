package dev.tapedeck.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tapedeck.ProviderInfo;
import dev.tapedeck.SpiVersion;
import dev.tapedeck.Tapedeck;
import dev.tapedeck.model.TapedeckError;
import dev.tapedeck.spi.ProviderConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Factories compiled here with javax.tools, outside the test class path, registered in their own class loader the
 * way a provider jar is: discovery refuses those built for an SPI version this Tapedeck does not speak.
 */
class SpiVersionRefusalTest {

    private static final ProviderConfig CONFIG = ProviderConfig.builder().apiKey("k-123")
            .environment(name -> Optional.empty()).build();

    @TempDir
    Path dir;

    @Test
    void aFactoryBuiltForAnotherMajorVersionIsRefusedNamingBothVersions() throws IOException {
        try (URLClassLoader loader = compiledFactory("Later", "later", "\"3.0\"")) {
            TapedeckError error = Tapedeck.connect("later", CONFIG, loader).getLeft();

            assertThat(error).isInstanceOf(TapedeckError.Misconfigured.class);
            assertThat(error.message()).contains("provider 'later' (com.example.later.LaterFactory, from "
                    + dir.resolve("classes"))
                    .contains("was built for Tapedeck provider SPI 3.0, but this Tapedeck speaks SPI "
                            + SpiVersion.CURRENT);
            assertThat(Tapedeck.providers(loader)).extracting(ProviderInfo::id).containsExactly("fake");
            assertThat(Tapedeck.problems(loader)).singleElement().asString().contains("SPI 3.0")
                    .contains("SPI " + SpiVersion.CURRENT);
        }
    }

    @Test
    void aFactoryBuiltForANewerMinorVersionIsRefusedAndAnOlderOneOfTheSameMajorRuns() throws IOException {
        SpiVersion current = SpiVersion.current();
        String newer = "\"" + current.major() + "." + (current.minor() + 1) + "\"";
        try (URLClassLoader loader = compiledFactory("Newer", "newer", newer)) {
            assertThat(Tapedeck.connect("newer", CONFIG, loader).getLeft().message())
                    .contains("built for Tapedeck provider SPI " + current.major() + "." + (current.minor() + 1));
        }
        try (URLClassLoader loader = compiledFactory("Same", "same", "dev.tapedeck.SpiVersion.CURRENT")) {
            assertThat(Tapedeck.providers(loader)).extracting(ProviderInfo::id, ProviderInfo::source)
                    .contains(org.assertj.core.groups.Tuple.tuple("same", dir.resolve("classes").toString()));
            assertThat(Tapedeck.problems(loader)).isEmpty();
        }
    }

    @Test
    void aMalformedVersionIsRefused() throws IOException {
        try (URLClassLoader loader = compiledFactory("Odd", "odd", "\"two\"")) {
            assertThat(Tapedeck.connect("odd", CONFIG, loader).getLeft().message())
                    .contains("built for Tapedeck provider SPI 'two'");
        }
    }

    @Test
    void aFactoryOfTheFirstSpiWithoutMetadataIsReportedAsBuiltForIt() throws IOException {
        // Compiled against the first SPI's interface (same name, no metadata()); only the factory is packaged, so at
        // run time it implements today's interface without the method, as an old provider jar does.
        Path sources = dir.resolve("src");
        write(sources.resolve("dev/tapedeck/spi/ProviderFactory.java"), "package dev.tapedeck.spi;\n"
                + "public interface ProviderFactory { String id(); }\n");
        write(sources.resolve("com/example/first/FirstFactory.java"), "package com.example.first;\n"
                + "public final class FirstFactory implements dev.tapedeck.spi.ProviderFactory {\n"
                + "  public String id() { return \"first\"; }\n}\n");
        compile(sources, List.of("dev/tapedeck/spi/ProviderFactory.java", "com/example/first/FirstFactory.java"),
                false);
        Files.delete(dir.resolve("classes/dev/tapedeck/spi/ProviderFactory.class"));
        try (URLClassLoader loader = register("com.example.first.FirstFactory")) {
            assertThat(Tapedeck.problems(loader)).singleElement().asString()
                    .contains("com.example.first.FirstFactory").contains("built for Tapedeck provider SPI 1.x")
                    .contains("speaks SPI " + SpiVersion.CURRENT);
            assertThat(Tapedeck.providers(loader)).extracting(ProviderInfo::id).containsExactly("fake");
        }
    }

    /** Compiles {@code com.example.<id>.<Name>Factory} declaring {@code versionExpression}, registered. */
    private URLClassLoader compiledFactory(String name, String id, String versionExpression) throws IOException {
        Path sources = dir.resolve("src");
        String path = "com/example/" + id + "/" + name + "Factory.java";
        write(sources.resolve(path), "package com.example." + id + ";\n"
                + "import dev.tapedeck.*;\n"
                + "public final class " + name + "Factory implements dev.tapedeck.spi.ProviderFactory {\n"
                + "  public ProviderMetadata metadata() {\n"
                + "    return ProviderMetadata.builder(\"" + id + "\", \"" + name + "\", " + versionExpression + ")\n"
                + "        .documentation(\"https://docs.example.com\").defaultBaseUrl(\"https://api.example.com\")"
                + ".build();\n"
                + "  }\n"
                + "  public io.vavr.control.Either<dev.tapedeck.model.TapedeckError, Connection> connect(\n"
                + "      dev.tapedeck.spi.ProviderConfig config) {\n"
                + "    throw new IllegalStateException(\"a refused provider is never connected\");\n"
                + "  }\n"
                + "}\n");
        compile(sources, List.of(path), true);
        return register("com.example." + id + "." + name + "Factory");
    }

    private void compile(Path sources, List<String> files, boolean withClassPath) {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        List<String> args = new ArrayList<>(List.of("-d", dir.resolve("classes").toString(), "--release", "17"));
        if (withClassPath) {
            args.addAll(List.of("-cp", System.getProperty("java.class.path")));
        }
        files.forEach(f -> args.add(sources.resolve(f).toString()));
        assertThat(javac.run(null, null, null, args.toArray(String[]::new))).as("javac").isZero();
    }

    private URLClassLoader register(String factoryClass) throws IOException {
        Path services = dir.resolve("classes/META-INF/services/dev.tapedeck.spi.ProviderFactory");
        write(services, factoryClass + "\n");
        return new URLClassLoader(new URL[] {dir.resolve("classes").toUri().toURL()}, getClass().getClassLoader());
    }

    private static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
