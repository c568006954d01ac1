package dev.tapedeck.download;

import dev.tapedeck.MediaRequest;
import dev.tapedeck.MediaStream;
import dev.tapedeck.RecordingSource;
import dev.tapedeck.model.MediaAlternative;
import dev.tapedeck.model.MediaLocation;
import dev.tapedeck.model.Recording;
import dev.tapedeck.model.TapedeckError;
import io.vavr.control.Either;
import java.time.Clock;
import java.util.function.Function;

/**
 * A recording being downloaded, whose location is refreshed from the provider at most once: when it has expired
 * before a request, when a URL (not a provider stream, but a presigned part of one) is refused as
 * {@link TapedeckError.Forbidden}, or when its downloader asks (an inline playlist still being written, which is as
 * old as the listing that carried it). One refresh per download, never blind retries: a URL that fails again after
 * a refresh fails the download.
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
        Either<TapedeckError, MediaRequest> asked = request.apply(current);
        Either<TapedeckError, MediaStream> opened = asked.flatMap(r -> source.openMedia(current, r));
        // A provider stream refused is the key's problem, which a refresh cannot cure; a part of it (a presigned
        // segment of a playlist it serves) may have expired like any link.
        boolean link = !(current.media() instanceof MediaLocation.ProviderStream)
                || asked.map(r -> r.part().isPresent()).getOrElse(false);
        if (opened.isLeft() && opened.getLeft() instanceof TapedeckError.Forbidden && !refreshed && link) {
            Either<TapedeckError, Recording> fresh = refresh();
            if (fresh.isLeft()) {
                return Either.left(fresh.getLeft());
            }
            opened = request.apply(current).flatMap(r -> source.openMedia(current, r));
        }
        return opened;
    }

    /** Asks the provider for the recording again unless this download already did; right with the current one. */
    Either<TapedeckError, Recording> refreshOnce() {
        return refreshed ? Either.right(current) : refresh();
    }

    /**
     * Asks the provider for the recording again and keeps, of its alternatives, the one of the same kind as the one
     * being fetched (the download goes on through the same way, at its fresh address).
     */
    private Either<TapedeckError, Recording> refresh() {
        refreshed = true;
        MediaAlternative fetching = current.alternatives().get(0);
        return source.refresh(current).flatMap(fresh -> fresh.alternativeLike(fetching)
                .<Either<TapedeckError, Recording>>map(same -> Either.right(fresh.using(same)))
                .orElseGet(() -> Either.left(new TapedeckError.NotFound(fresh.provider(), "recording " + fresh.id()
                        + " of session " + fresh.sessionId() + " is no longer offered as " + fetching.format()
                        .wireName() + " at " + fresh.provider() + "; download it again"))))
                .peek(fresh -> current = fresh);
    }
}
