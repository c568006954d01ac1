package dev.tapedeck.http;

import dev.tapedeck.model.SessionId;
import io.vavr.control.Either;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
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
