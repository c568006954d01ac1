package dev.tapedeck.cli.faultmatrix;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tapedeck.cli.CliHarness;
import dev.tapedeck.model.Capabilities;
import dev.tapedeck.model.Capability;
import dev.tapedeck.sandbox.Sandbox;
import dev.tapedeck.sandbox.spi.Emulation;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

/**
 * The sessions of one provider the matrix works on: up to two whose recordings are ready, of different formats
 * where the provider has several (an MP4 and an HLS replay, say), found through the command line itself.
 *
 * @param provider     the provider id
 * @param capabilities what the provider supports
 * @param sessions     the session ids, one or two
 */
record Target(String provider, Capabilities capabilities, List<String> sessions) {

    private static final int SCANNED = 40;

    /** Whether the provider can do {@code operation}. */
    boolean supports(Operation operation) {
        return capabilities.supports(operation.needs());
    }

    /**
     * The target of {@code provider} in {@code sandbox}: its history, when it has one, names the candidates;
     * otherwise its emulation names the sessions it seeded.
     */
    static Target discover(String provider, Capabilities capabilities, Sandbox sandbox, CliHarness cli) {
        List<String> candidates = capabilities.supports(Capability.SESSION_HISTORY)
                ? ids(run(cli, "--provider", provider, "--json", "sessions", "--limit", String.valueOf(SCANNED)))
                : seededSessions(provider, sandbox);
        List<String> chosen = new ArrayList<>();
        Set<String> formatsSeen = new TreeSet<>();
        List<String> spare = new ArrayList<>();
        for (String session : candidates) {
            CliHarness.Result listed = cli.run("--provider", provider, "--json", "recordings", session);
            if (listed.exitCode() != 0 || listed.json().stream().allMatch(r -> r.get("format").asText()
                    .equals("events")) || stillBeingWritten(listed)) {
                continue; // not ready, recorded nothing, or only events, which the API serves: no media to fault
            }
            String formats = listed.json().stream().map(r -> r.get("format").asText()).sorted()
                    .collect(Collectors.joining(","));
            (formatsSeen.add(formats) ? chosen : spare).add(session);
            if (chosen.size() == 2) {
                break;
            }
        }
        spare.stream().limit(Math.max(0, 2 - chosen.size())).forEach(chosen::add);
        if (chosen.isEmpty()) {
            throw new AssertionError(provider + ": none of " + candidates + " has a ready recording in the sandbox");
        }
        return new Target(provider, capabilities, List.copyOf(chosen));
    }

    /**
     * Whether a recording {@code listed} is an inline HLS playlist still being written (a running session's tab):
     * without {@code #EXT-X-ENDLIST} it is not ready to download.
     */
    private static boolean stillBeingWritten(CliHarness.Result listed) {
        return listed.json().stream().flatMap(r -> StreamSupport.stream(r.path("alternatives").spliterator(), false))
                .anyMatch(way -> way.has("playlist") && !way.get("playlist").asText().contains("#EXT-X-ENDLIST"));
    }

    /**
     * The ids of a provider without a history come from its emulation, which names the sessions it seeded (those
     * not ready or without a recording are then passed over like any other).
     */
    private static List<String> seededSessions(String provider, Sandbox sandbox) {
        List<String> seeded = sandbox.emulation(provider, Emulation.class).seededSessionIds();
        if (seeded.isEmpty()) {
            throw new AssertionError(provider + " lists no sessions and its sandbox emulation names none it seeded;"
                    + " implement Emulation.seededSessionIds");
        }
        return seeded;
    }

    private static CliHarness.Result run(CliHarness cli, String... args) {
        CliHarness.Result result = cli.run(args);
        if (result.exitCode() != 0) {
            throw new AssertionError("discovery failed: " + String.join(" ", args) + "\n" + result);
        }
        return result;
    }

    /** The {@code id} of every JSON line a listing printed, in order. */
    static List<String> ids(CliHarness.Result listing) {
        return listing.json().stream().map(line -> line.get("id")).map(JsonNode::asText).collect(Collectors.toList());
    }
}
