package dev.tapedeck.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tapedeck.EnvironmentVariable;
import dev.tapedeck.sandbox.Sandbox;
import dev.tapedeck.sandbox.spi.ClientSettings;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import dev.tapedeck.retry.Sleeper;
import java.time.Clock;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Runs the CLI in-process against a test sandbox and captures what it printed. */
public final class CliHarness {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, String> variables = new HashMap<>();
    private Clock clock = Clock.systemUTC();
    private Sleeper sleeper = duration -> { };

    /** A harness whose environment holds the sandbox's real keys and base URLs, as a user would export them. */
    public static CliHarness pointingAt(Sandbox sandbox) {
        CliHarness harness = new CliHarness();
        harness.variables.putAll(variables(sandbox));
        return harness;
    }

    /** The environment variables that point every provider the sandbox emulates at it, with its keys. */
    public static Map<String, String> variables(Sandbox sandbox) {
        Map<String, String> variables = new HashMap<>();
        for (String provider : sandbox.emulated()) {
            ClientSettings settings = sandbox.clientSettings(provider);
            variables.put(EnvironmentVariable.nameFor(provider, "api_key"), settings.apiKey());
            variables.put(EnvironmentVariable.nameFor(provider, "base_url"), settings.baseUrl().toString());
            settings.settings().forEach((key, value) -> variables.put(EnvironmentVariable.nameFor(provider, key),
                    value));
        }
        return variables;
    }

    /** A harness with an empty environment. */
    public static CliHarness empty() {
        return new CliHarness();
    }

    /** Sets one environment variable. */
    public CliHarness with(String name, String value) {
        variables.put(name, value);
        return this;
    }

    /** Reads time from {@code value}; waits and retries sleep through {@code waits}. */
    public CliHarness time(Clock value, Sleeper waits) {
        this.clock = value;
        this.sleeper = waits;
        return this;
    }

    /** Removes one environment variable. */
    public CliHarness without(String name) {
        variables.remove(name);
        return this;
    }

    /** Runs {@code tapedeck args...}; unless {@link #time} says otherwise, retries and waits do not sleep. */
    public Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        CliEnvironment env = CliEnvironment.of(variables).withClock(clock).withSleeper(sleeper);
        int code;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
             PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            code = Main.run(args, o, e, env);
        }
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** What one run left. */
    public record Result(int exitCode, String out, String err) {

        /** Every stdout line parsed as one JSON object; fails when a line is not one. */
        public List<JsonNode> json() {
            List<JsonNode> nodes = new ArrayList<>();
            for (String line : out.split("\n")) {
                if (line.isEmpty()) {
                    continue;
                }
                try {
                    JsonNode node = JSON.readTree(line);
                    if (!node.isObject()) {
                        throw new AssertionError("not a JSON object: " + line);
                    }
                    nodes.add(node);
                } catch (IOException e) {
                    throw new UncheckedIOException("not JSON: " + line, e);
                }
            }
            return nodes;
        }

        /** The stdout lines. */
        public List<String> lines() {
            return out.isEmpty() ? List.of() : List.of(out.split("\n"));
        }

        /** The stderr lines. */
        public List<String> errLines() {
            return err.isEmpty() ? List.of() : List.of(err.split("\n"));
        }

        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }
}
