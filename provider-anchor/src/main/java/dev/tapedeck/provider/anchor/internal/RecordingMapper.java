package dev.tapedeck.provider.anchor.internal;

import dev.tapedeck.http.Origin;
import dev.tapedeck.http.Urls;
import dev.tapedeck.http.json.DurationText;
import dev.tapedeck.http.json.Instants;
import dev.tapedeck.model.MediaLocation;
import dev.tapedeck.model.Recording;
import dev.tapedeck.model.RecordingFormat;
import dev.tapedeck.model.RecordingId;
import dev.tapedeck.model.SessionId;
import dev.tapedeck.model.TapedeckError;
import io.vavr.control.Either;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Anchor's recording items to neutral MP4 recordings, primary first.
 *
 * <p>Where the bytes are: a {@code file_link} on another origin than the API is a {@link MediaLocation.RemoteUrl},
 * fetched without the key. The primary recording without a usable link, or with a link on the API's own origin
 * (which would need the key), is a {@link MediaLocation.ProviderStream} served by {@code primary/fetch} with the key.
 * An item without an id gets {@code primary} (the id Anchor accepts for it) or {@code recording-N} by position.
 */
final class RecordingMapper {

    /** The id Anchor's API accepts for the primary recording. */
    static final String PRIMARY_ID = "primary";

    private RecordingMapper() {
    }

    /** The neutral recordings of {@code session}, primary first; Left when an item cannot be represented. */
    static Either<TapedeckError, List<Recording>> recordings(SessionId session, List<RecordingItem> items, URI apiBase) {
        List<Recording> out = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            RecordingItem item = items.get(i);
            if (item == null) {
                continue;
            }
            try {
                out.add(recording(session, item, i, apiBase));
            } catch (IllegalArgumentException unusable) {
                return Either.left(new TapedeckError.ProviderFailure(AnchorProvider.ID, 200, "anchor listed a "
                        + "recording of session " + session + " that Tapedeck cannot use (" + unusable.getMessage()
                        + "); report it to AnchorBrowser", "", false));
            }
        }
        out.sort(Comparator.comparing(recording -> !recording.primary()));
        return Either.right(List.copyOf(out));
    }

    private static Recording recording(SessionId session, RecordingItem item, int index, URI apiBase) {
        boolean primary = Boolean.TRUE.equals(item.isPrimary());
        RecordingId id = RecordingId.of(item.id() != null && !item.id().isBlank() ? item.id()
                : primary ? PRIMARY_ID : "recording-" + (index + 1));
        Optional<URI> link = Urls.absoluteHttp(item.fileLink(), apiBase);
        MediaLocation media;
        if (primary && (link.isEmpty() || Origin.of(link.get()).equals(Origin.of(apiBase)))) {
            media = new MediaLocation.ProviderStream("the primary recording of anchor session " + session);
        } else if (link.isPresent()) {
            media = new MediaLocation.RemoteUrl(link.get(), Optional.empty());
        } else {
            media = new MediaLocation.ProviderStream("recording " + id + " of anchor session " + session
                    + ", which has no file link");
        }
        Optional<Duration> duration = DurationText.parse(item.duration());
        String raw = item.duration() == null || item.duration().isBlank() ? null : item.duration();
        return Recording.builder(AnchorProvider.ID, session, id, RecordingFormat.MP4, media)
                .primary(primary)
                .sizeBytes(size(item.size()))
                .duration(duration.orElse(null))
                .rawDuration(duration.isPresent() ? null : raw)
                .createdAt(Instants.read(item.createdAt()).orElse(null))
                .fileName(item.suggestedFileName())
                .build();
    }

    private static Long size(BigDecimal bytes) {
        return bytes == null || bytes.signum() < 0 ? null : bytes.longValue();
    }
}
