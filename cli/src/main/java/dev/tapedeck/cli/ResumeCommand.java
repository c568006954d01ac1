package dev.tapedeck.cli;

import dev.tapedeck.RecordingSource;
import dev.tapedeck.model.RecordingState;
import dev.tapedeck.model.SessionId;
import dev.tapedeck.model.TapedeckError;
import io.vavr.control.Either;
import picocli.CommandLine.Command;

/** {@code tapedeck resume SESSION_ID}: resumes the paused recording of a running session. */
@Command(name = "resume", mixinStandardHelpOptions = true, description = "Resume the paused recording of a running session.")
final class ResumeCommand extends RecordingControlCommand {

    @Override
    Either<TapedeckError, RecordingState> apply(RecordingSource recordings, SessionId session) {
        return recordings.resume(session);
    }
}
