package dev.tapedeck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tapedeck.SpiVersion;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The example provider (examples/provider-acme) with its own emulator, compiled outside the class path into a jar
 * in a plug-in folder: the command finds it with no edit anywhere, lists it with its jar, lists its sessions and
 * archives its recordings in the sandbox; a broken plug-in costs one line on stderr and never the command.
 */
class PluginFolderTest {

    @TempDir
    static Path work;

    static Path plugins;
    static Path acmeJar;

    @BeforeAll
    static void buildThePlugIn() {
        plugins = work.resolve("plugins");
        acmeJar = PluginJar.acme(work.resolve("acme-build"), plugins.resolve("acme.jar"), "SpiVersion.CURRENT");
    }

    private static CliHarness withPlugins(Path... folders) {
        return CliHarness.empty().with(Plugins.VARIABLE, String.join(File.pathSeparator,
                java.util.Arrays.stream(folders).map(Path::toString).toList()));
    }

    @Test
    void providersListsThePlugInWithTheJarItCameFrom() {
        CliHarness.Result result = withPlugins(plugins).run("--json", "providers");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        JsonNode acme = result.json().stream().filter(n -> n.get("id").asText().equals("acme")).findFirst()
                .orElseThrow(() -> new AssertionError(result.toString()));
        assertThat(acme.get("displayName").asText()).isEqualTo("Acme Browser");
        assertThat(acme.get("source").asText()).isEqualTo(acmeJar.toAbsolutePath().normalize().toString());
        assertThat(result.json()).filteredOn(n -> !n.get("id").asText().equals("acme"))
                .allSatisfy(n -> assertThat(n.get("source").asText()).isEqualTo("class path"));
        assertThat(result.err()).isEmpty();
    }

    @Test
    void theSandboxEmulatesThePlugInAndSessionsAndArchiveWorkThroughIt() throws IOException {
        CliHarness.Result sessions = withPlugins(plugins).run("--sandbox", "--provider", "acme", "--json",
                "sessions");
        assertThat(sessions.exitCode()).as(sessions.toString()).isZero();
        assertThat(sessions.json()).extracting(n -> n.get("id").asText()).containsExactly("acme_0009", "acme_0008",
                "acme_0007", "acme_0006", "acme_0005", "acme_0004", "acme_0003", "acme_0002", "acme_0001");

        Path out = work.resolve("archive");
        CliHarness.Result archive = withPlugins(plugins).run("--sandbox", "--provider", "acme", "archive", "--out",
                out.toString());
        assertThat(archive.exitCode()).as(archive.toString()).isZero();
        // the seven finished sessions have one recording each, acme_0002 two; running and failed ones none
        List<String> manifest = Files.readAllLines(out.resolve("manifest.jsonl"), StandardCharsets.UTF_8);
        assertThat(manifest).hasSize(8).allSatisfy(line -> assertThat(line).contains("\"provider\":\"acme\"")
                .contains("\"status\":\"downloaded\"")).anySatisfy(line -> assertThat(line)
                .contains("\"sessionId\":\"acme_0002\"").contains("\"recordingId\":\"rec_0002_2\""));
        try (var files = Files.walk(out.resolve("acme"))) {
            assertThat(files.filter(Files::isRegularFile).toList()).hasSize(8)
                    .allSatisfy(file -> assertThat(Files.size(file)).isPositive());
        }

        CliHarness.Result settings = withPlugins(plugins).run("--json", "sandbox");
        assertThat(settings.json()).extracting(n -> n.path("provider").asText()).contains("acme");
    }

    @Test
    void aBrokenJarIsOneLineNamingItAndTheCommandStillWorks() throws IOException {
        Path folder = work.resolve("broken-plugins");
        Files.createDirectories(folder);
        Path broken = Files.writeString(folder.resolve("broken.jar"), "<html>not a jar</html>");

        CliHarness.Result result = withPlugins(folder, plugins).run("--json", "providers");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.json()).extracting(n -> n.get("id").asText()).contains("acme", "anchor");
        assertThat(result.errLines()).singleElement().asString()
                .startsWith("tapedeck: plug-in " + broken.toAbsolutePath().normalize() + " is ignored: broken.jar"
                        + " is not a readable jar");
    }

    @Test
    void aPlugInBuiltForAnotherSpiVersionIsOneLineNamingTheJarAndBothVersions() {
        Path folder = work.resolve("future-plugins");
        Path future = PluginJar.acme(work.resolve("future-build"), folder.resolve("acme-future.jar"), "\"9.0\"");

        CliHarness.Result result = withPlugins(folder).run("--json", "providers");
        CliHarness.Result connect = withPlugins(folder).run("--sandbox", "--provider", "acme", "sessions");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.json()).extracting(n -> n.get("id").asText()).doesNotContain("acme").contains("anchor");
        assertThat(result.errLines()).singleElement().asString().startsWith("tapedeck: plug-in "
                + future.toAbsolutePath().normalize() + ": provider 'acme'")
                .contains("built for Tapedeck provider SPI 9.0, but this Tapedeck speaks SPI " + SpiVersion.CURRENT);
        assertThat(connect.exitCode()).isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void aChildProcessReadsThePlugInFolderFromItsEnvironment() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        ProcessBuilder child = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "--json", "providers").redirectErrorStream(false);
        child.environment().put(Plugins.VARIABLE, plugins.toString());
        child.environment().remove("HOME");
        Process process = child.start();
        byte[] out = process.getInputStream().readAllBytes();
        // A safety net against a hung child, not a timing assertion.
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(process.exitValue()).isZero();
        List<String> ids = new String(out, StandardCharsets.UTF_8).lines()
                .map(line -> readId(line)).toList();
        assertThat(ids).contains("acme", "anchor");
    }

    private static String readId(String line) {
        try {
            return new ObjectMapper().readTree(line).get("id").asText();
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + line, e);
        }
    }
}
