package dev.tapedeck.cli;

import dev.tapedeck.Connection;
import dev.tapedeck.model.Capability;
import dev.tapedeck.model.SessionListing;
import dev.tapedeck.model.SessionQuery;
import dev.tapedeck.model.TapedeckError;
import dev.tapedeck.model.TapedeckException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/**
 * {@code tapedeck sessions}: the session history of each selected provider, filtered. A provider that fails is
 * reported and the others still listed; the exit code is then the first failure's.
 */
@Command(name = "sessions", mixinStandardHelpOptions = true, description = "List past sessions, filtered, across providers with a history.")
final class SessionsCommand implements Callable<Integer> {

    @ParentCommand
    TapedeckCommand root;

    @Mixin
    QueryOptions filters;

    @Override
    public Integer call() {
        CliRun run = root.run();
        SessionQuery query = filters.toQuery();
        List<Connection> connections = ProviderSelection.select(run, Capability.SESSION_HISTORY,
                ProviderSelection.Scope.ALL);
        Optional<TapedeckError> firstFailure = Optional.empty();
        for (Connection connection : connections) {
            Optional<TapedeckError> failure = list(run, connection, query);
            if (failure.isPresent() && connections.size() == 1) {
                run.printer().flush();
                throw new CliFailure(failure.get());
            }
            failure.ifPresent(f -> run.problem(run.errors().text(f)));
            firstFailure = firstFailure.or(() -> failure);
        }
        run.printer().flush();
        return firstFailure.map(ExitCodes::of).orElse(ExitCodes.OK);
    }

    private static Optional<TapedeckError> list(CliRun run, Connection connection, SessionQuery query) {
        UnreadFields unread = new UnreadFields(connection.provider());
        return connection.history().listing(query).fold(Optional::of, listing -> {
            try (SessionListing sessions = listing) {
                sessions.sessions().map(unread::saw)
                        .forEach(session -> run.printer().session(new SessionRow(session, sessions.total())));
                return Optional.empty();
            } catch (TapedeckException e) {
                return Optional.of(e.error());
            } finally {
                unread.remark(run);
            }
        });
    }
}
