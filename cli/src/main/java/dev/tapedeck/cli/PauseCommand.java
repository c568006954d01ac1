package dev.tapedeck.cli;

import dev.tapedeck.RecordingSource;
import dev.tapedeck.model.RecordingState;
import dev.tapedeck.model.SessionId;
import dev.tapedeck.model.TapedeckError;
import io.vavr.control.Either;
import picocli.CommandLine.Command;

/** {@code tapedeck pause SESSION_ID}: pauses the recording of a running session. */
@Command(name = "pause", mixinStandardHelpOptions = true, description = "Pause the recording of a running session.")
final class PauseCommand extends RecordingControlCommand {

    @Override
    Either<TapedeckError, RecordingState> apply(RecordingSource recordings, SessionId session) {
        return recordings.pause(session);
    }
}
