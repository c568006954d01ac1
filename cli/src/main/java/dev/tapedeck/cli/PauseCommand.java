package dev.tapedeck.cli;

import dev.tapedeck.model.Capability;
import dev.tapedeck.model.SessionId;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code tapedeck pause SESSION_ID}: pauses the recording of a running session. */
@Command(name = "pause", mixinStandardHelpOptions = true, description = "Pause the recording of a running session.")
final class PauseCommand implements Callable<Integer> {

    @ParentCommand
    TapedeckCommand root;

    @Parameters(index = "0", paramLabel = "SESSION_ID", converter = SessionIdConverter.class,
            description = "The running session.")
    SessionId session;

    @Override
    public Integer call() {
        CliRun run = root.run();
        return EachProvider.run(run,
                ProviderSelection.select(run, Capability.PAUSE_RESUME, ProviderSelection.Scope.ONE_SESSION),
                connection -> connection.recordings().pause(session),
                (connection, state) -> run.printer().recordingState(connection.provider(), state));
    }
}
