package dev.tapedeck.cli.faultmatrix;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tapedeck.cli.CliHarness;
import dev.tapedeck.model.Capabilities;
import dev.tapedeck.model.Capability;
import dev.tapedeck.sandbox.Sandbox;
import dev.tapedeck.sandbox.kataven.KatavenApi;
import dev.tapedeck.sandbox.kataven.KatavenBehaviour;
import dev.tapedeck.sandbox.kataven.KatavenCall;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

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
     * otherwise the sandbox's seed does.
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
                    .equals("events"))) {
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
     * The ids of a provider without a history come from its emulator's seed, the only place they are known; a new
     * provider of that kind needs a line here.
     */
    private static List<String> seededSessions(String provider, Sandbox sandbox) {
        if (provider.equals("kataven")) {
            Set<KatavenBehaviour> ready = EnumSet.of(KatavenBehaviour.READY, KatavenBehaviour.READY_WITHOUT_EXPIRY);
            return sandbox.emulation(provider, KatavenApi.class).seed().calls().stream()
                    .filter(call -> ready.contains(call.behaviour())).map(KatavenCall::id).collect(Collectors.toList());
        }
        throw new AssertionError(provider + " lists no sessions and the fault matrix knows no ids of its sandbox"
                + " emulator; add them to Target.seededSessions");
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
