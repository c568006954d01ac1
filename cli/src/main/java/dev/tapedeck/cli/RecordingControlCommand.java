package dev.tapedeck.cli;

import dev.tapedeck.RecordingSource;
import dev.tapedeck.model.Capability;
import dev.tapedeck.model.RecordingState;
import dev.tapedeck.model.SessionId;
import dev.tapedeck.model.TapedeckError;
import io.vavr.control.Either;
import java.util.concurrent.Callable;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * A command that changes the recording of one running session ({@code pause}, {@code resume}) at the provider that
 * knows it, and prints the recording's state as the provider reports it.
 */
abstract class RecordingControlCommand implements Callable<Integer> {

    @ParentCommand
    TapedeckCommand root;

    @Parameters(index = "0", paramLabel = "SESSION_ID", converter = SessionIdConverter.class,
            description = "The running session.")
    SessionId session;

    /** The change this command asks of {@code recordings}. */
    abstract Either<TapedeckError, RecordingState> apply(RecordingSource recordings, SessionId session);

    @Override
    public Integer call() {
        CliRun run = root.run();
        return EachProvider.run(run,
                ProviderSelection.select(run, Capability.PAUSE_RESUME, ProviderSelection.Scope.ONE_SESSION),
                connection -> apply(connection.recordings(), session),
                (connection, state) -> run.printer().recordingState(connection.provider(), state));
    }
}
