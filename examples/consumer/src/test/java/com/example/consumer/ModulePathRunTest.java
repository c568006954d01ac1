package com.example.consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The application on the module path, as a modular application starts: the sandbox in a JVM of its own
 * ({@code --module dev.tapedeck.sandbox/...}, the JDK's HTTP server coming from the sandbox's own {@code requires}),
 * then {@link Main} ({@code --module com.example.consumer/...}) archiving from it. Neither command line adds a
 * module: the provider is bound through its {@code provides} clause, Feign and Jackson reach the provider's wire
 * records through its qualified {@code opens}. The module paths are the ones Maven resolved (target/module-path).
 */
class ModulePathRunTest {

    private static final Path JAVA = Path.of(System.getProperty("java.home"), "bin", "java");

    @Test
    void theApplicationArchivesFromTheSandboxWithEveryModuleNamed(@TempDir Path folder) throws Exception {
        Process sandbox = start(List.of("--module-path", modulePath("test.txt"),
                "--module", "dev.tapedeck.sandbox/dev.tapedeck.sandbox.SandboxMain"));
        try {
            Map<String, String> environment = variables(sandbox);
            assertNotNull(environment.get("ANCHOR_BASE_URL"), "the sandbox printed " + environment);

            ProcessBuilder application = new ProcessBuilder(JAVA.toString(),
                    "--module-path", Path.of("target", "classes") + File.pathSeparator + modulePath("runtime.txt"),
                    "--module", "com.example.consumer/com.example.consumer.Main", folder.toString())
                    .redirectErrorStream(true);
            application.environment().put("ANCHOR_BASE_URL", environment.get("ANCHOR_BASE_URL"));
            application.environment().put("ANCHOR_API_KEY", environment.get("ANCHOR_API_KEY"));
            Process run = application.start();
            String output = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(run.waitFor(2, TimeUnit.MINUTES), output);

            assertEquals(0, run.exitValue(), output);
            assertTrue(output.contains("consumer: module com.example.consumer\n"), output);
            assertTrue(output.contains("core: module dev.tapedeck.core\n"), output);
            assertTrue(output.contains("provider anchor: module dev.tapedeck.provider.anchor\n"), output);
            assertTrue(output.matches("(?s).*archived: [1-9]\\d* downloaded, [1-9]\\d* call timers\n.*"), output);
            assertTrue(Files.size(folder.resolve("manifest.jsonl")) > 0, output);
        } finally {
            sandbox.destroy();
            sandbox.waitFor(1, TimeUnit.MINUTES);
        }
    }

    /** The jars Maven resolved for this project, as listed in target/module-path/{@code list}. */
    private static String modulePath(String list) throws IOException {
        return Files.readString(Path.of("target", "module-path", list), StandardCharsets.UTF_8).strip();
    }

    private static Process start(List<String> arguments) throws IOException {
        List<String> command = new ArrayList<>(List.of(JAVA.toString()));
        command.addAll(arguments);
        return new ProcessBuilder(command).redirectErrorStream(true).start();
    }

    /** The {@code NAME=value} lines the sandbox prints before its media host's, or what it said instead. */
    private static Map<String, String> variables(Process sandbox) throws IOException {
        Map<String, String> variables = new HashMap<>();
        StringBuilder said = new StringBuilder();
        BufferedReader lines = new BufferedReader(new InputStreamReader(sandbox.getInputStream(),
                StandardCharsets.UTF_8));
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            said.append(line).append('\n');
            if (line.strip().startsWith("media host:")) {
                return variables;
            }
            int eq = line.indexOf('=');
            if (eq > 0) {
                variables.put(line.substring(0, eq).strip(), line.substring(eq + 1).strip());
            }
        }
        throw new AssertionError("the sandbox stopped before it was ready:\n" + said);
    }
}
