package dev.tapedeck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The source launcher, {@code ./tapedeck}, in a checkout of its own: the real script, a few modules' sources and a
 * stand-in {@code mvnw} that logs each build and "builds" by copying this module's real command jar. Real processes:
 * the launcher builds when the jar is missing and after any source edit, including an edit in place that changes no
 * folder, and otherwise starts the command at once with its class-data archive.
 */
class SourceLauncherIT {

    private static final Path REAL_JAR = Path.of("target", "tapedeck.jar").toAbsolutePath();
    private static final Path LAUNCHER = Path.of("..", "tapedeck").toAbsolutePath().normalize();

    @TempDir
    Path checkout;

    private Path jar;
    private Path source;

    @BeforeEach
    void checkout() throws IOException {
        assertThat(REAL_JAR).as("the command jar, from package").isRegularFile();
        Files.copy(LAUNCHER, checkout.resolve("tapedeck"));
        Files.writeString(checkout.resolve("mvnw"), "#!/usr/bin/env bash\n"
                + "cd \"$(dirname \"$0\")\"\n"
                + "echo \"$*\" >>builds.log\n"
                + "mkdir -p cli/target && cp \"$REAL_JAR\" cli/target/tapedeck.jar\n");
        for (String script : List.of("tapedeck", "mvnw")) {
            Files.setPosixFilePermissions(checkout.resolve(script), PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        Files.writeString(checkout.resolve("pom.xml"), "<project/>\n");
        Files.createDirectories(checkout.resolve("core/src/main/java/dev"));
        Files.writeString(checkout.resolve("core/pom.xml"), "<project/>\n");
        source = checkout.resolve("core/src/main/java/dev/Source.java");
        Files.writeString(source, "class Source {}\n");
        jar = checkout.resolve("cli/target/tapedeck.jar");
    }

    @Test
    void aFreshCheckoutBuildsOnceThenRunsAtOnce() throws Exception {
        ChildProcess.Result first = launch("--version");

        assertThat(first.code()).as(first.toString()).isZero();
        assertThat(first.out()).contains("tapedeck 0.1.0");
        assertThat(first.err()).contains("building the command with Maven first");
        assertThat(builds()).isEqualTo(1);
        try (var archives = Files.list(jar.getParent())) {
            assertThat(archives.map(Path::toString)).as("a class-data archive and no partial one")
                    .filteredOn(name -> name.contains(".jsa")).singleElement().asString().endsWith(".jsa");
        }

        ChildProcess.Result second = launch("--sandbox", "providers");

        assertThat(second.code()).as(second.toString()).isZero();
        assertThat(second.out()).contains("anchor", "notte");
        assertThat(second.err()).isEmpty();
        assertThat(builds()).isEqualTo(1);
    }

    @Test
    void theArchiveHoldsTheCommandsOwnClassesAndPicocliWhoseJava5ClassesOnlyAStaticArchiveTakes() throws Exception {
        assertThat(launch("--version").code()).isZero();

        ChildProcess.Result logged = launch(Map.of("JAVA_OPTS", "-Xlog:class+load=info:stdout"), "--sandbox", "providers");

        assertThat(logged.code()).as(logged.toString()).isZero();
        assertThat(logged.out()).contains(
                "dev.tapedeck.cli.Main source: shared objects file",
                "picocli.CommandLine source: shared objects file",
                "java.lang.Object source: shared objects file");
    }

    @Test
    void anEditInPlaceMakesItBuildAgain() throws Exception {
        assertThat(launch("--version").code()).isZero();
        FileTime built = Files.getLastModifiedTime(jar);
        Path folder = source.getParent();
        FileTime folderTime = Files.getLastModifiedTime(folder);

        // an editor that rewrites the file in place: the folder's time stays as it was
        Files.writeString(source, "class Source { int edited; }\n");
        Files.setLastModifiedTime(source, FileTime.fromMillis(built.toMillis() + 1));
        Files.setLastModifiedTime(folder, folderTime);
        ChildProcess.Result edited = launch("--version");

        assertThat(edited.code()).as(edited.toString()).isZero();
        assertThat(edited.err()).contains("building the command");
        assertThat(builds()).isEqualTo(2);
        assertThat(launch("--version").err()).isEmpty();
        assertThat(builds()).isEqualTo(2);
    }

    @Test
    void aNewSourceFileOrPomMakesItBuildAgain() throws Exception {
        assertThat(launch("--version").code()).isZero();

        Path added = Files.writeString(source.resolveSibling("Added.java"), "class Added {}\n");
        Files.setLastModifiedTime(added, FileTime.fromMillis(Files.getLastModifiedTime(jar).toMillis() + 1));
        assertThat(launch("--version").code()).isZero();
        assertThat(builds()).isEqualTo(2);

        Files.setLastModifiedTime(checkout.resolve("core/pom.xml"),
                FileTime.fromMillis(Files.getLastModifiedTime(jar).toMillis() + 1));
        assertThat(launch("--version").code()).isZero();
        assertThat(builds()).isEqualTo(3);
    }

    private int builds() throws IOException {
        Path log = checkout.resolve("builds.log");
        return Files.exists(log) ? Files.readAllLines(log).size() : 0;
    }

    private ChildProcess.Result launch(String... args) throws Exception {
        return launch(Map.of(), args);
    }

    private ChildProcess.Result launch(Map<String, String> extraEnv, String... args) throws Exception {
        ProcessBuilder builder = new ProcessBuilder();
        builder.command().add(checkout.resolve("tapedeck").toString());
        builder.command().addAll(List.of(args));
        Map<String, String> env = new HashMap<>();
        env.put("PATH", Path.of(System.getProperty("java.home"), "bin") + ":/usr/bin:/bin");
        env.put("HOME", checkout.resolve("home").toString());
        env.put("REAL_JAR", REAL_JAR.toString());
        env.putAll(extraEnv);
        return ChildProcess.run(builder.directory(checkout.toFile()), env, checkout);
    }
}
