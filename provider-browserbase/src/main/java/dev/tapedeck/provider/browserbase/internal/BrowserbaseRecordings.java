package dev.tapedeck.provider.browserbase.internal;

import dev.tapedeck.MediaRequest;
import dev.tapedeck.MediaStream;
import dev.tapedeck.ProviderMetadata;
import dev.tapedeck.RecordingSource;
import dev.tapedeck.http.HttpKit;
import dev.tapedeck.http.Listings;
import dev.tapedeck.http.json.Instants;
import dev.tapedeck.http.json.ItemFields;
import dev.tapedeck.model.JsonValue;
import dev.tapedeck.model.MediaLocation;
import dev.tapedeck.model.Recording;
import dev.tapedeck.model.RecordingFormat;
import dev.tapedeck.model.RecordingId;
import dev.tapedeck.model.SessionId;
import dev.tapedeck.model.TapedeckError;
import io.vavr.collection.Seq;
import io.vavr.control.Either;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * Browserbase's recordings. {@code GET /v1/sessions/{id}/replays} lists one page per browser tab; each becomes its own
 * HLS recording {@code page-<pageId>} (the first primary) holding its playlist ({@code /replays/{pageId}}, served with
 * the key), whose CDN-signed segment URLs are fetched without it; they are valid for 6 hours, so the recording expires
 * then and a download refreshes it by listing again. A replay without pages is an older session's: its recording is
 * the deprecated rrweb events endpoint, one JSON recording {@value #EVENTS_ID} of the primary tab. When the replay is
 * missing (404) or empty, the session tells why: PENDING or RUNNING is NotReady (a replay exists once it ends), no
 * such session or an ended one without a replay NotFound. Every page field stays in the provider data, with the
 * listing's {@code pageCount}; {@code startTimeMs} and {@code endTimeMs} (epoch milliseconds, per the SDK's names;
 * UNVERIFIED) also give the creation time and duration.
 */
public record BrowserbaseRecordings(HttpKit kit, BrowserbaseApi api, ProviderMetadata metadata)
        implements RecordingSource {

    /** The id of an older session's rrweb events recording. */
    static final String EVENTS_ID = "rrweb";
    /** How a tab's recording id starts; the page id follows. */
    static final String PAGE = "page-";
    /** How long Browserbase signs a playlist's segment URLs for (its replay documentation: 6 hours). */
    static final Duration SIGNED_FOR = Duration.ofHours(6);
    /** The longest playlist read: a 10 hour tab in 2 s segments with 300-character signed URLs fits. */
    static final int MAX_PLAYLIST = 8 * 1024 * 1024;

    @Override
    public Either<TapedeckError, List<Recording>> recordings(SessionId session) {
        Either<TapedeckError, JsonValue> replays = kit.call(() -> api.replays(session.value()));
        if (replays.isLeft() && replays.getLeft() instanceof TapedeckError.NotFound missing) {
            return Either.left(withoutReplay(session, missing.message()).fold(error -> error, events ->
                    new TapedeckError.NotFound(metadata.id(), metadata.id() + " has no replay of session " + session
                            + ", which has ended: it recorded nothing (" + missing.message() + ")")));
        }
        return replays.flatMap(body -> {
            ItemFields listing = ItemFields.of(body).orElseGet(() -> ItemFields.of(JsonValue.ObjectValue.EMPTY).get());
            Optional<JsonValue> count = listing.peek("pageCount");
            List<JsonValue> pages = listing.peek("pages").filter(JsonValue.ListValue.class::isInstance)
                    .map(list -> ((JsonValue.ListValue) list).values()).orElse(List.of());
            List<ItemFields> readable = Listings.keepReadable(metadata.id(), "replay page", pages,
                    page -> ItemFields.of(page).filter(fields -> pageId(fields).isPresent())
                            .<Either<String, ItemFields>>map(Either::right)
                            .orElseGet(() -> Either.left("it has no usable pageId")));
            if (readable.isEmpty()) {
                return withoutReplay(session, "its replay has no pages").map(List::of);
            }
            return Either.sequenceRight(IntStream.range(0, readable.size())
                    .mapToObj(i -> tab(session, readable.get(i), i == 0, count)).toList()).map(Seq::asJava);
        });
    }

    private static Optional<String> pageId(ItemFields page) {
        return page.peek("pageId").filter(JsonValue.TextValue.class::isInstance)
                .map(id -> ((JsonValue.TextValue) id).value()).filter(id -> id.matches("[A-Za-z0-9_-]{1,64}"));
    }

    /** One tab's recording: its playlist, fetched now, whose segment URLs are signed for {@link #SIGNED_FOR}. */
    private Either<TapedeckError, Recording> tab(SessionId session, ItemFields fields, boolean first,
            Optional<JsonValue> count) {
        String pageId = pageId(fields).orElseThrow();
        java.time.Instant fetched = kit.clock().instant();
        return kit.text(() -> api.replayPage(session.value(), pageId), MAX_PLAYLIST).map(playlist -> {
            Recording.Builder tab = Recording.builder(metadata.id(), session, RecordingId.of(PAGE + pageId),
                            RecordingFormat.HLS, new MediaLocation.InlinePlaylist(playlist, Optional.of(kit.pathUrl(
                                    "v1", "sessions", session.value(), "replays", pageId)),
                                    Optional.of(fetched.plus(SIGNED_FOR))))
                    .primary(first)
                    .createdAt(fields.peek("startTimeMs").flatMap(Instants::read).orElse(null))
                    .duration(Instants.span(fields.peek("startTimeMs").flatMap(Instants::read),
                            fields.peek("endTimeMs").flatMap(Instants::read)).orElse(null));
            fields.keepIn(tab::providerData, tab::unreadField);
            count.ifPresent(pageCount -> tab.providerData("pageCount", pageCount));
            return tab.build();
        });
    }

    /**
     * What a session without replay pages has, by its own status: NotReady while PENDING or RUNNING, else its rrweb
     * events recording; the failed look-up as it is (NotFound for no such session).
     */
    private Either<TapedeckError, Recording> withoutReplay(SessionId session, String why) {
        return kit.call(() -> api.session(session.value())).flatMap(found -> {
            String word = ItemFields.of(found).flatMap(fields -> fields.text("status")).orElse("");
            if (word.equals("PENDING") || word.equals("RUNNING")) {
                return Either.left(new TapedeckError.NotReady(metadata.id(), metadata.id() + " has no replay of "
                        + "session " + session + " yet (" + why + "): it is " + word + ", and its replay exists once "
                        + "it ends", Optional.empty()));
            }
            return Either.right(Recording.builder(metadata.id(), session, RecordingId.of(EVENTS_ID),
                    RecordingFormat.EVENTS, new MediaLocation.ProviderStream("the rrweb events of the primary tab"))
                    .primary(true).build());
        });
    }

    @Override
    public Either<TapedeckError, MediaStream> openMedia(Recording recording, MediaRequest request) {
        return kit.openMedia(recording, request,
                wanted -> kit.stream(() -> api.events(recording.sessionId().value(), HttpKit.rangeHeaders(wanted))));
    }
}
