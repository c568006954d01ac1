package dev.tapedeck.cli;

import dev.tapedeck.Connection;
import dev.tapedeck.model.Capability;
import dev.tapedeck.model.TapedeckError;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/**
 * {@code tapedeck sessions}: the session histories of the selected providers, filtered, as one listing newest first
 * (see {@link NewestFirst}); {@code --limit} counts sessions in all. A provider that fails is reported and the others
 * still listed; the exit code is then the first failure's.
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
        filters.toQuery();
        List<Connection> connections = ProviderSelection.select(run, Capability.SESSION_HISTORY,
                ProviderSelection.Scope.ALL);
        List<TapedeckError> failures = new ArrayList<>();
        Map<String, UnreadFields> unread = new LinkedHashMap<>();
        NewestFirst.list(connections, filters, row -> {
            unread.computeIfAbsent(row.session().provider(), UnreadFields::new).saw(row.session());
            run.printer().session(row);
        }, failure -> {
            if (connections.size() == 1) {
                run.printer().flush();
                throw new CliFailure(failure);
            }
            run.problem(run.errors().text(failure));
            failures.add(failure);
        });
        run.printer().flush();
        unread.values().forEach(provider -> provider.remark(run));
        return failures.isEmpty() ? ExitCodes.OK : ExitCodes.of(failures.get(0));
    }
}
