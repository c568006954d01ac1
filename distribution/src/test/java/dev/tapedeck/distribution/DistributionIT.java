package dev.tapedeck.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tapedeck.cli.ChildProcess;
import dev.tapedeck.cli.ChildProcess.Result;
import dev.tapedeck.cli.PluginJar;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The distribution archive as a user installs it: unpacked with {@code tar} into a folder outside the source tree,
 * run through {@code bin/tapedeck} in a child process whose environment holds no Maven and a fresh home, with Java
 * found through {@code JAVA_HOME} or not at all.
 */
class DistributionIT {

    private static final String ARCHIVE = System.getProperty("tapedeck.archive");

    @TempDir
    static Path temp;

    static Path installed;

    @BeforeAll
    static void unpack() throws Exception {
        assertThat(ARCHIVE).as("the archive's path, from the build").isNotNull();
        Path into = Files.createDirectories(temp.resolve("opt"));
        Result tar = run(new ProcessBuilder("tar", "-xzf", ARCHIVE + ".tar.gz", "-C", into.toString()), Map.of());
        assertThat(tar.code()).as(tar.toString()).isZero();
        installed = into.resolve(Path.of(ARCHIVE).getFileName());
    }

    @Test
    void theArchiveHoldsTheLaunchersTheLibrariesAnEmptyPluginFolderAndAReadme() throws IOException {
        assertThat(Files.getPosixFilePermissions(installed.resolve("bin/tapedeck")))
                .contains(PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.OTHERS_EXECUTE);
        assertThat(installed.resolve("bin/tapedeck.bat")).isRegularFile();
        assertThat(installed.resolve("README.txt")).isRegularFile();
        assertThat(installed.resolve("LICENSE")).isRegularFile();
        try (var jars = Files.list(installed.resolve("lib"))) {
            assertThat(jars.map(jar -> jar.getFileName().toString()))
                    .anyMatch(name -> name.startsWith("tapedeck-cli-")).anyMatch(name -> name.startsWith("picocli-"))
                    .noneMatch(name -> name.startsWith("wiremock") || name.startsWith("junit"));
        }
        try (var plugins = Files.list(installed.resolve("plugins"))) {
            assertThat(plugins.map(p -> p.getFileName().toString())).containsExactly("README.txt");
        }
        try (ZipFile zip = new ZipFile(ARCHIVE + ".zip")) {
            List<String> names = Collections.list(zip.entries()).stream().map(e -> e.getName()).toList();
            String top = Path.of(ARCHIVE).getFileName() + "/";
            assertThat(names).contains(top + "bin/tapedeck", top + "bin/tapedeck.bat", top + "plugins/README.txt",
                    top + "README.txt");
        }
    }

    @Test
    void theMainJobRunsWithNoMavenAndNoSourceTree() throws Exception {
        Path work = Files.createDirectories(temp.resolve("job"));

        Result archive = tapedeck(work, withJava(), "--sandbox", "archive", "--out", "archive");

        assertThat(archive.code()).as(archive.toString()).isZero();
        assertThat(work.resolve("archive/manifest.jsonl")).isNotEmptyFile();
        assertThat(work.resolve("archive/anchor")).isDirectory();
        assertThat(archive.err()).doesNotContain("build");
        Result again = tapedeck(work, withJava(), "--sandbox", "archive", "--out", "archive");
        assertThat(again.code()).as(again.toString()).isZero();
        assertThat(again.out()).contains("skipped");
    }

    @Test
    void aProviderJarDroppedIntoThePluginFolderIsListed() throws Exception {
        Path jar = PluginJar.acme(temp.resolve("acme-build"), installed.resolve("plugins/acme.jar"),
                "SpiVersion.CURRENT");
        try {
            // JSON, never cut to the terminal's width as a table's SOURCE column may be
            Result providers = tapedeck(temp, withJava(), "--json", "providers");

            assertThat(providers.code()).as(providers.toString()).isZero();
            assertThat(providers.out()).contains("acme", "anchor", "notte", "kataven", "acme.jar");
            Result help = tapedeck(temp, withJava(), "--help");
            assertThat(help.out()).contains("ACME_API_KEY");
        } finally {
            Files.delete(jar);
        }
    }

    @Test
    void theCommandRunsThroughALinkFromAnotherFolder() throws Exception {
        Path bin = Files.createDirectories(temp.resolve("usr-local-bin"));
        Path link = Files.createSymbolicLink(bin.resolve("tapedeck"), installed.resolve("bin/tapedeck"));

        Result version = run(new ProcessBuilder(link.toString(), "--version").directory(temp.toFile()), withJava());

        assertThat(version.code()).as(version.toString()).isZero();
        assertThat(version.out()).contains("tapedeck");
    }

    @Test
    void launchersStartedTogetherLeaveOneWholeClassDataArchive() throws Exception {
        Map<String, String> env = withCache("cache-together");
        List<ChildProcess> started = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            started.add(start(new ProcessBuilder(installed.resolve("bin/tapedeck").toString(), "--sandbox",
                    "providers").directory(temp.toFile()), env));
        }

        for (ChildProcess each : started) {
            Result result = each.finish();
            assertThat(result.code()).as(result.toString()).isZero();
            assertThat(result.out()).contains("anchor", "notte");
            assertThat(result.err()).isEmpty();
        }
        Path archive = onlyArchive(env);
        assertThat(archive).isNotEmptyFile();
        Result mapped = mapping(archive);
        assertThat(mapped.code()).as(mapped.toString()).isZero();
    }

    @Test
    void aBrokenOrForeignClassDataArchiveIsIgnoredSilently() throws Exception {
        Map<String, String> env = withCache("cache-broken");
        Result first = tapedeck(temp, env, "--sandbox", "providers");
        assertThat(first.code()).as(first.toString()).isZero();
        Path archive = onlyArchive(env);
        // another installation's archive: its jars are at other paths
        Path other = temp.resolve("other-installation");
        Result copy = run(new ProcessBuilder("cp", "-r", installed.toString(), other.toString()), Map.of());
        assertThat(copy.code()).as(copy.toString()).isZero();
        Map<String, String> otherEnv = withCache("cache-other");
        Result otherRun = run(new ProcessBuilder(other.resolve("bin/tapedeck").toString(), "--version"), otherEnv);
        assertThat(otherRun.code()).as(otherRun.toString()).isZero();
        byte[] foreign = Files.readAllBytes(onlyArchive(otherEnv));
        byte[] garbage = "not an archive at all\n".repeat(1000).getBytes(StandardCharsets.UTF_8);

        for (byte[] content : List.of(foreign, garbage)) {
            Files.delete(archive); // archives are made read-only
            Files.write(archive, content);
            assertThat(mapping(archive).code()).as("the archive is unusable here").isNotZero();

            Result result = tapedeck(temp, env, "--sandbox", "providers");

            assertThat(result.code()).as(result.toString()).isZero();
            assertThat(result.out()).contains("anchor", "notte");
            assertThat(result.err()).isEmpty();
        }
    }

    @Test
    void withoutJavaItSaysWhatToInstall() throws Exception {
        // a PATH with the tools the launcher uses and no java, wherever this machine keeps its own Java
        Path tools = Files.createDirectories(temp.resolve("tools-without-java"));
        for (String tool : List.of("bash", "dirname", "readlink", "sed", "cut", "head")) {
            Path found = Path.of("/usr/bin", tool);
            Files.createSymbolicLink(tools.resolve(tool), Files.exists(found) ? found : Path.of("/bin", tool));
        }
        Map<String, String> noJava = new HashMap<>(base());
        noJava.put("PATH", tools.toString());

        Result result = tapedeck(temp, noJava, "providers");

        assertThat(result.code()).as(result.toString()).isEqualTo(1);
        assertThat(result.err().strip()).startsWith("tapedeck: no Java found; install Java 17 or newer")
                .doesNotContain("\n");
    }

    @Test
    void withAnOldJavaItSaysWhichAndWhatToDo() throws Exception {
        Path oldJdk = Files.createDirectories(temp.resolve("jdk-11/bin"));
        Files.writeString(oldJdk.getParent().resolve("release"), "JAVA_VERSION=\"11.0.2\"\n");
        Path fakeJava = Files.writeString(oldJdk.resolve("java"), "#!/bin/sh\necho 'ran an old java' >&2\nexit 3\n");
        fakeJava.toFile().setExecutable(true);
        Map<String, String> old = new HashMap<>(base());
        old.put("JAVA_HOME", oldJdk.getParent().toString());

        Result result = tapedeck(temp, old, "providers");

        assertThat(result.code()).isEqualTo(1);
        assertThat(result.err().strip()).contains("needs Java 17 or newer", "is Java 11.0.2", "JAVA_HOME")
                .doesNotContain("ran an old java").doesNotContain("\n");
    }

    /** {@link #withJava()} with its own cache folder, where the class-data archive goes. */
    private static Map<String, String> withCache(String name) {
        Map<String, String> env = new HashMap<>(withJava());
        env.put("XDG_CACHE_HOME", temp.resolve(name).toString());
        return env;
    }

    /** The one class-data archive in the cache of {@code env}. */
    private static Path onlyArchive(Map<String, String> env) throws IOException {
        try (var files = Files.list(Path.of(env.get("XDG_CACHE_HOME"), "tapedeck"))) {
            List<Path> all = files.toList();
            assertThat(all).as("the cache holds one archive and no partial one").hasSize(1)
                    .allMatch(path -> path.toString().endsWith(".jsa"));
            return all.get(0);
        }
    }

    /** Runs {@code --version} with {@code archive} mapped or failing: -Xshare:on refuses an unusable archive. */
    private static Result mapping(Path archive) throws Exception {
        return run(new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:SharedArchiveFile=" + archive, "-Xshare:on", "-cp", installed.resolve("lib") + "/*",
                "dev.tapedeck.cli.Main", "--version"), withJava());
    }

    /** An environment with a fresh home, no Maven, and only the system's own tools on the PATH. */
    private static Map<String, String> base() {
        Map<String, String> env = new HashMap<>();
        env.put("HOME", temp.resolve("home").toString());
        env.put("PATH", "/usr/bin:/bin");
        env.put("LANG", "C.UTF-8");
        return env;
    }

    private static Map<String, String> withJava() {
        Map<String, String> env = new HashMap<>(base());
        env.put("JAVA_HOME", System.getProperty("java.home"));
        return env;
    }

    private static Result tapedeck(Path workDir, Map<String, String> env, String... args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(installed.resolve("bin/tapedeck").toString());
        Collections.addAll(command, args);
        return run(new ProcessBuilder(command).directory(workDir.toFile()), env);
    }

    private static Result run(ProcessBuilder builder, Map<String, String> env) throws Exception {
        return ChildProcess.run(builder, env, temp);
    }

    private static ChildProcess start(ProcessBuilder builder, Map<String, String> env) throws IOException {
        return ChildProcess.start(builder, env, temp);
    }
}
