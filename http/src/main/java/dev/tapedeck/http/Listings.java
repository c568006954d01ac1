package dev.tapedeck.http;

import dev.tapedeck.http.json.ItemFields;
import dev.tapedeck.model.JsonValue;
import dev.tapedeck.model.SessionId;
import io.vavr.control.Either;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the items of a listing one by one so that one odd item never fails a whole page: an item that cannot be
 * read is skipped with a debug log saying why, and the rest are kept in order.
 */
public final class Listings {

    private static final Logger LOG = LoggerFactory.getLogger(Listings.class);

    private Listings() {
    }

    /**
     * {@code read} applied to each of {@code items} (null or absent list: none), keeping the Rights; null items and
     * Lefts (the reason the item cannot be a {@code what}) are skipped and logged at debug level.
     */
    public static <T, R> List<R> keepReadable(String providerId, String what, List<T> items,
            Function<T, Either<String, R>> read) {
        Objects.requireNonNull(read, "read");
        if (items == null) {
            return List.of();
        }
        List<R> out = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            T item = items.get(i);
            Either<String, R> result = item == null ? Either.left("it is null") : read.apply(item);
            if (result.isRight()) {
                out.add(result.get());
            } else {
                LOG.debug("{}: skipped item {} of the listing, which cannot be a {}: {}", providerId, i, what,
                        result.getLeft());
            }
        }
        return List.copyOf(out);
    }

    /**
     * The session one listed {@code item} describes, read by {@code read} from its fields once its id (in field
     * {@code idField}) is usable; or why it cannot be a session (not a JSON object, no usable id). For
     * {@link #keepReadable}.
     */
    public static <R> Either<String, R> session(JsonValue item, String idField,
            BiFunction<SessionId, ItemFields, R> read) {
        Optional<ItemFields> fields = ItemFields.of(item);
        if (fields.isEmpty()) {
            return Either.left("it is not a JSON object");
        }
        return sessionId(fields.get().text(idField).orElse(null)).map(id -> read.apply(id, fields.get()));
    }

    /**
     * {@code raw} as a session id, or the reason it cannot be one (absent, empty, too long, an unpaired surrogate).
     * Ids with control characters, blanks or dots only are kept: such a session is still listed and archived.
     */
    public static Either<String, SessionId> sessionId(String raw) {
        if (raw == null) {
            return Either.left("it has no id");
        }
        try {
            return Either.right(SessionId.of(raw));
        } catch (IllegalArgumentException unusable) {
            return Either.left(unusable.getMessage());
        }
    }
}
