package dev.tapedeck;

import dev.tapedeck.model.Capabilities;
import dev.tapedeck.model.Capability;
import dev.tapedeck.model.Recording;
import dev.tapedeck.model.RecordingState;
import dev.tapedeck.model.SessionId;
import dev.tapedeck.model.TapedeckError;
import io.vavr.control.Either;
import java.util.List;

/**
 * The port to a provider's recordings: list them, pause and resume recording, and open their bytes.
 *
 * <p>Every method returns {@link Either}: a {@link TapedeckError} on the left, never an exception for an
 * expected failure. Methods for capabilities the provider lacks return {@link TapedeckError.Unsupported}.
 * Implementations are thread-safe.
 */
public interface RecordingSource {

    /** What the provider declares about itself; {@link #provider()} and {@link #capabilities()} come from it. */
    ProviderMetadata metadata();

    /** The provider id, e.g. {@code anchor}. */
    default String provider() {
        return metadata().id();
    }

    /** What this provider supports. */
    default Capabilities capabilities() {
        return metadata().capabilities();
    }

    /** The recordings of {@code session}, primary first when the provider marks one; never null, maybe empty. */
    Either<TapedeckError, List<Recording>> recordings(SessionId session);

    /**
     * The primary recording of {@code session}: the one the provider marks primary, else the only one.
     * {@link TapedeckError.NotFound} when there is none, {@link TapedeckError.NotReady} when it is still coming.
     */
    default Either<TapedeckError, Recording> primaryRecording(SessionId session) {
        return recordings(session).flatMap(all -> all.stream().filter(Recording::primary).findFirst()
                .or(() -> all.size() == 1 ? java.util.Optional.of(all.get(0)) : java.util.Optional.empty())
                .<Either<TapedeckError, Recording>>map(Either::right)
                .orElseGet(() -> Either.left(new TapedeckError.NotFound(provider(),
                        "session " + session + " has no primary recording at " + provider()))));
    }

    /** Pauses recording of a running session. */
    default Either<TapedeckError, RecordingState> pause(SessionId session) {
        return Either.left(TapedeckError.Unsupported.capability(provider(), "pausing recordings"));
    }

    /** Resumes recording of a running session. */
    default Either<TapedeckError, RecordingState> resume(SessionId session) {
        return Either.left(TapedeckError.Unsupported.capability(provider(), "resuming recordings"));
    }

    /**
     * Opens the bytes of {@code recording}, or of one part of it (an HLS segment), from {@code request}'s offset.
     * URLs on other origins are fetched without credentials; provider streams with them. The caller closes the
     * returned stream.
     */
    Either<TapedeckError, MediaStream> openMedia(Recording recording, MediaRequest request);

    /**
     * The same recording as the provider describes it now, e.g. with a fresh presigned URL. The default lists the
     * session's recordings again and picks the one with the same id.
     */
    default Either<TapedeckError, Recording> refresh(Recording recording) {
        return recordings(recording.sessionId()).flatMap(all -> all.stream()
                .filter(r -> r.id().equals(recording.id())).findFirst()
                .<Either<TapedeckError, Recording>>map(Either::right)
                .orElseGet(() -> Either.left(new TapedeckError.NotFound(provider(),
                        "recording " + recording.id() + " of session " + recording.sessionId() + " is gone"))));
    }

    /** Whether the provider declares {@code capability}. */
    default boolean supports(Capability capability) {
        return capabilities().supports(capability);
    }
}
