package dev.tapedeck.download;

import dev.tapedeck.MediaRequest;
import dev.tapedeck.MediaStream;
import dev.tapedeck.RecordingSource;
import dev.tapedeck.model.MediaLocation;
import dev.tapedeck.model.Recording;
import dev.tapedeck.model.TapedeckError;
import io.vavr.control.Either;
import java.time.Clock;
import java.util.function.Function;

/**
 * A recording being downloaded, whose location is refreshed from the provider at most once: when it has expired
 * before a request, or when a URL (not a provider stream) is refused as {@link TapedeckError.Forbidden}. One
 * refresh per download, never blind retries: a URL that fails again after a refresh fails the download.
 */
final class LiveRecording {

    private final RecordingSource source;
    private final Clock clock;
    private Recording current;
    private boolean refreshed;

    LiveRecording(RecordingSource source, Recording initial, Clock clock) {
        this.source = source;
        this.current = initial;
        this.clock = clock;
    }

    /** The recording as last described by the provider. */
    Recording current() {
        return current;
    }

    /** Opens the bytes that {@code request} picks from the current recording, refreshing it once if needed. */
    Either<TapedeckError, MediaStream> open(Function<Recording, Either<TapedeckError, MediaRequest>> request) {
        if (!refreshed && current.media().isExpiredAt(clock.instant())) {
            Either<TapedeckError, Recording> fresh = refresh();
            if (fresh.isLeft()) {
                return Either.left(fresh.getLeft());
            }
        }
        Either<TapedeckError, MediaStream> opened = request.apply(current).flatMap(r -> source.openMedia(current, r));
        if (opened.isLeft() && opened.getLeft() instanceof TapedeckError.Forbidden && !refreshed
                && !(current.media() instanceof MediaLocation.ProviderStream)) {
            Either<TapedeckError, Recording> fresh = refresh();
            if (fresh.isLeft()) {
                return Either.left(fresh.getLeft());
            }
            opened = request.apply(current).flatMap(r -> source.openMedia(current, r));
        }
        return opened;
    }

    private Either<TapedeckError, Recording> refresh() {
        refreshed = true;
        return source.refresh(current).peek(fresh -> current = fresh);
    }
}
