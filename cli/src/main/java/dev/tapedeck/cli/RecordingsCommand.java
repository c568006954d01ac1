package dev.tapedeck.cli;

import dev.tapedeck.model.Capability;
import dev.tapedeck.model.Recording;
import dev.tapedeck.model.SessionId;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code tapedeck recordings SESSION_ID}: the recordings of one session, primary first. */
@Command(name = "recordings", mixinStandardHelpOptions = true, description = "List the recordings of one session.")
final class RecordingsCommand implements Callable<Integer> {

    @ParentCommand
    TapedeckCommand root;

    @Parameters(index = "0", paramLabel = "SESSION_ID", converter = SessionIdConverter.class,
            description = "The session id as the provider returned it.")
    SessionId session;

    @Override
    public Integer call() {
        CliRun run = root.run();
        return EachProvider.run(run,
                ProviderSelection.select(run, Capability.LIST_RECORDINGS, ProviderSelection.Scope.ONE_SESSION),
                connection -> connection.recordings().recordings(session),
                (connection, recordings) -> print(run, recordings));
    }

    private static void print(CliRun run, List<Recording> recordings) {
        recordings.forEach(run.printer()::recording);
    }
}
