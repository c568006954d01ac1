package dev.tapedeck.provider.anchor.internal;

import dev.tapedeck.http.ErrorMapper;
import dev.tapedeck.http.HttpFailure;
import dev.tapedeck.http.StandardErrors;
import dev.tapedeck.model.TapedeckError;
import java.time.Clock;

/**
 * Anchor's error bodies are {@code {error:{code,message}}}, some endpoints wrap them once more
 * ({@code {error:{error:{code,message}}}}); {@link StandardErrors} reads both. What this adds: a 404 says which of
 * session or recording is missing and what to do, since Anchor answers 404 both for an unknown session and for a
 * session that has not recorded yet.
 */
record AnchorErrors(Clock clock) implements ErrorMapper {

    @Override
    public TapedeckError map(HttpFailure failure) {
        TapedeckError standard = StandardErrors.map(failure, clock);
        if (!(standard instanceof TapedeckError.NotFound)) {
            return standard;
        }
        String path = failure.path();
        String hint;
        if (path.endsWith("/recordings/primary/fetch") || path.endsWith("/recordings")) {
            hint = "; check the session id, and note that a session has recordings only once it has recorded";
        } else if (path.endsWith("/recordings/pause") || path.endsWith("/recordings/resume")) {
            hint = "; check the session id: only a running session's recording can be paused or resumed";
        } else {
            hint = "; check the session id";
        }
        return new TapedeckError.NotFound(standard.provider(), standard.message() + hint);
    }
}
