package dev.tapedeck.provider.anchor.internal;

import dev.tapedeck.http.Origin;
import dev.tapedeck.http.Urls;
import dev.tapedeck.http.json.DurationText;
import dev.tapedeck.http.json.ItemFields;
import dev.tapedeck.model.JsonValue;
import dev.tapedeck.model.MediaLocation;
import dev.tapedeck.model.Recording;
import dev.tapedeck.model.RecordingFormat;
import dev.tapedeck.model.RecordingId;
import dev.tapedeck.model.SessionId;
import dev.tapedeck.model.TapedeckError;
import io.vavr.control.Either;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Anchor's recording list ({@code {data:{count, items[]}}}) to neutral MP4 recordings, primary first.
 *
 * <p>Each item ({@code RecordingItem}) is read field by field ({@link ItemFields}): {@code id}, {@code is_primary},
 * {@code file_link}, {@code suggested_file_name}, {@code duration} (text; kept raw when it does not parse),
 * {@code size} and {@code created_at} go to neutral fields; anything else, and any value of the wrong type, stays in
 * the recording's provider data. The list's own fields ({@code count}, and anything else beside the items) are kept
 * on every recording under {@value #LISTING}, since the model has no list object.
 *
 * <p>Where the bytes are: a {@code file_link} on another origin than the API is a {@link MediaLocation.RemoteUrl},
 * fetched without the key. The primary recording without a usable link, or with a link on the API's own origin
 * (which would need the key), is a {@link MediaLocation.ProviderStream} served by {@code primary/fetch} with the key.
 * An item without an id gets {@code primary} (the id Anchor accepts for it) or {@code recording-N} by position.
 */
final class RecordingMapper {

    /** The id Anchor's API accepts for the primary recording. */
    static final String PRIMARY_ID = "primary";

    /** The provider-data member that holds the list's own fields, such as {@code count}. */
    static final String LISTING = "listing";

    private RecordingMapper() {
    }

    /** The neutral recordings in Anchor's answer {@code body}, primary first; Left when one cannot be represented. */
    static Either<TapedeckError, List<Recording>> recordings(SessionId session, JsonValue body, URI apiBase) {
        JsonValue.ObjectValue top = body instanceof JsonValue.ObjectValue object ? object : JsonValue.ObjectValue.EMPTY;
        JsonValue.ObjectValue data = top.get("data").filter(JsonValue.ObjectValue.class::isInstance)
                .map(JsonValue.ObjectValue.class::cast).orElse(JsonValue.ObjectValue.EMPTY);
        List<JsonValue> items = data.get("items").filter(JsonValue.ListValue.class::isInstance)
                .map(list -> ((JsonValue.ListValue) list).values()).orElse(List.of());
        JsonValue.ObjectValue listing = listing(top, data);
        List<Recording> out = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            Optional<ItemFields> fields = ItemFields.of(items.get(i));
            if (fields.isEmpty()) {
                continue;
            }
            try {
                out.add(recording(session, fields.get(), i, apiBase, listing));
            } catch (IllegalArgumentException unusable) {
                return Either.left(new TapedeckError.ProviderFailure(AnchorProvider.ID, 200, "anchor listed a "
                        + "recording of session " + session + " that Tapedeck cannot use (" + unusable.getMessage()
                        + "); report it to AnchorBrowser", "", false));
            }
        }
        out.sort(Comparator.comparing(recording -> !recording.primary()));
        return Either.right(List.copyOf(out));
    }

    /** The answer's fields that belong to the list, not to one item: {@code data} but its items, and the rest. */
    private static JsonValue.ObjectValue listing(JsonValue.ObjectValue top, JsonValue.ObjectValue data) {
        Map<String, JsonValue> listing = new LinkedHashMap<>(data.members());
        listing.remove("items");
        top.members().forEach((name, value) -> {
            if (!name.equals("data")) {
                listing.putIfAbsent(name, value);
            }
        });
        return new JsonValue.ObjectValue(listing);
    }

    private static Recording recording(SessionId session, ItemFields item, int index, URI apiBase,
            JsonValue.ObjectValue listing) {
        boolean primary = item.bool("is_primary").orElse(false);
        String rawId = item.text("id").filter(id -> !id.isBlank()).orElse(null);
        RecordingId id = RecordingId.of(rawId != null ? rawId : primary ? PRIMARY_ID : "recording-" + (index + 1));
        Optional<URI> link = item.text("file_link").flatMap(text -> Urls.absoluteHttp(text, apiBase));
        MediaLocation media;
        if (primary && (link.isEmpty() || Origin.of(link.get()).equals(Origin.of(apiBase)))) {
            media = new MediaLocation.ProviderStream("the primary recording of anchor session " + session);
        } else if (link.isPresent()) {
            media = new MediaLocation.RemoteUrl(link.get(), Optional.empty());
        } else {
            media = new MediaLocation.ProviderStream("recording " + id + " of anchor session " + session
                    + ", which has no file link");
        }
        Optional<String> rawDuration = item.text("duration").filter(text -> !text.isBlank());
        Optional<Duration> duration = rawDuration.flatMap(DurationText::parse);
        Recording.Builder recording = Recording.builder(AnchorProvider.ID, session, id, RecordingFormat.MP4, media)
                .primary(primary)
                .sizeBytes(item.count("size").orElse(null))
                .duration(duration.orElse(null))
                .rawDuration(duration.isPresent() ? null : rawDuration.orElse(null))
                .createdAt(item.instant("created_at").orElse(null))
                .fileName(item.text("suggested_file_name").orElse(null));
        item.keepIn(recording::providerData, recording::unreadField);
        if (!listing.isEmpty()) {
            recording.providerData(LISTING, listing);
        }
        return recording.build();
    }
}
