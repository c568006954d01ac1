package dev.tapedeck.cli;

import dev.tapedeck.Connection;
import dev.tapedeck.ProviderInfo;
import dev.tapedeck.model.Capability;
import dev.tapedeck.model.TapedeckError;
import io.vavr.control.Either;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Decides which providers a command talks to.
 *
 * <ul>
 *   <li>With {@code --provider}: exactly those; an unknown id or a bad setting is a usage error (exit 2), a missing
 *       key is unauthorized (exit 4), a
 *       provider that lacks the capability the command needs is {@code Unsupported} (exit 7). With several, those
 *       lacking it are skipped with a note as long as one remains.</li>
 *   <li>Without it, for listings ({@code sessions}, {@code archive}): every provider on the classpath that has
 *       the capability and is configured; the others are skipped with a note on stderr, printed only when one
 *       remains (when none does, the one-line error says why).</li>
 *   <li>Either way, a provider lacking the capability that the command can serve another way is taken as if it
 *       had it ({@code archive --sandbox} archives a provider without a history by the sessions its emulator
 *       seeded).</li>
 *   <li>Without it, for one session ({@code recordings}, {@code pause}, {@code resume}, {@code download},
 *       {@code archive --session}): every configured provider that has the capability; one without a key is
 *       left out silently, one set up wrongly (a key but no account id, a bad setting) with a line on stderr; the
 *       session is looked up at each (see
 *       {@link EachProvider}).</li>
 * </ul>
 */
final class ProviderSelection {

    /** How a command addresses providers. */
    enum Scope {
        /** Lists across providers. */
        ALL,
        /** Acts on session ids, which live at one provider each: unconfigured providers are left out silently. */
        ONE_SESSION
    }

    private ProviderSelection() {
    }

    /** The connections {@code run} should use for a command that needs {@code needed}. Never empty. */
    static List<Connection> select(CliRun run, Capability needed, Scope scope) {
        return select(run, needed, scope, id -> false);
    }

    /**
     * As {@link #select(CliRun, Capability, Scope)}, but a provider that lacks {@code needed} and that
     * {@code servedOtherwise} accepts (by id) is taken like one that has it: the command has another way to serve it.
     */
    static List<Connection> select(CliRun run, Capability needed, Scope scope, Predicate<String> servedOtherwise) {
        List<ProviderInfo> known = run.providers();
        List<String> explicit = run.options().providerIds();
        if (explicit.size() > 1 || (explicit.isEmpty() && known.size() > 1)) {
            if (run.options().baseUrl != null) {
                throw CliFailure.usage("--base-url applies to one provider; name it with --provider ID");
            }
            if (run.options().rateLimit != null) {
                throw CliFailure.usage("--rate-limit applies to one provider; name it with --provider ID, or set "
                        + "<ID>_RATE_LIMIT for each");
            }
        }
        if (run.options().baseUrl != null && run.options().sandbox) {
            throw CliFailure.usage("--base-url and --sandbox exclude each other");
        }
        return explicit.isEmpty() ? implicit(run, known, needed, scope, servedOtherwise)
                : explicit(run, known, explicit, needed, servedOtherwise);
    }

    private static List<Connection> explicit(CliRun run, List<ProviderInfo> known, List<String> ids,
            Capability needed, Predicate<String> servedOtherwise) {
        List<ProviderInfo> chosen = new ArrayList<>();
        for (String id : ids) {
            chosen.add(known.stream().filter(p -> p.id().equals(id)).findFirst()
                    .orElseThrow(() -> CliFailure.usage("unknown provider '" + id + "'; known providers: "
                            + known.stream().map(ProviderInfo::id).collect(Collectors.joining(", "))
                            + " (see tapedeck providers)")));
        }
        List<ProviderInfo> capable = new ArrayList<>();
        for (ProviderInfo info : chosen) {
            if (info.capabilities().supports(needed) || servedOtherwise.test(info.id())) {
                capable.add(info);
            } else if (chosen.size() > 1) {
                run.note("skipping " + info.id() + ": " + unsupported(info, needed).message());
            }
        }
        if (capable.isEmpty()) {
            throw new CliFailure(unsupported(chosen.get(0), needed));
        }
        List<Connection> connections = new ArrayList<>();
        for (ProviderInfo info : capable) {
            connections.add(run.connect(info.id()).getOrElseThrow(CliFailure::new));
        }
        return connections;
    }

    private static List<Connection> implicit(CliRun run, List<ProviderInfo> known, Capability needed, Scope scope,
            Predicate<String> servedOtherwise) {
        if (known.isEmpty()) {
            throw new CliFailure(new TapedeckError.Misconfigured("",
                    "no provider is on the class path or in a plug-in folder; add a provider jar to"
                            + " ~/.tapedeck/plugins or $TAPEDECK_PLUGINS"));
        }
        List<Connection> connections = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        Optional<TapedeckError> firstProblem = Optional.empty();
        for (ProviderInfo info : known) {
            if (!info.capabilities().supports(needed) && !servedOtherwise.test(info.id())) {
                if (scope == Scope.ALL) {
                    skipped.add("skipping " + info.id() + ": " + unsupported(info, needed).message());
                }
                firstProblem = firstProblem.or(() -> Optional.of(unsupported(info, needed)));
                continue;
            }
            Either<TapedeckError, Connection> connection = run.connect(info.id());
            if (connection.isRight()) {
                connections.add(connection.get());
            } else {
                if (scope == Scope.ALL) {
                    skipped.add("skipping " + info.id() + ": " + run.errors().text(connection.getLeft()));
                } else if (!(connection.getLeft() instanceof TapedeckError.Unauthorized) || run.hasApiKey(info.id())) {
                    // set up, but wrongly (a bad account id or base URL): the session may live there, so say so now
                    run.problem("skipping " + info.id() + ": " + run.errors().text(connection.getLeft()));
                }
                TapedeckError problem = connection.getLeft();
                firstProblem = firstProblem.filter(p -> !(p instanceof TapedeckError.Unsupported))
                        .or(() -> Optional.of(problem));
            }
        }
        if (connections.isEmpty()) {
            throw new CliFailure(firstProblem.orElseThrow());
        }
        skipped.forEach(run::note);
        return connections;
    }

    private static TapedeckError.Unsupported unsupported(ProviderInfo info, Capability needed) {
        return TapedeckError.Unsupported.capability(info.id(), describe(needed));
    }

    private static String describe(Capability capability) {
        switch (capability) {
            case SESSION_HISTORY:
                return "session history";
            case PAUSE_RESUME:
                return "pausing and resuming recordings";
            case PRIMARY_RECORDING:
                return "primary recordings";
            case WAIT_UNTIL_READY:
                return "waiting until recordings are ready";
            default:
                return "listing recordings";
        }
    }
}
