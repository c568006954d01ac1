package dev.tapedeck.provider.steel.internal;

import dev.tapedeck.MediaStream;
import dev.tapedeck.model.TapedeckError;
import io.vavr.control.Either;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Steel's legacy rrweb events as one JSON array, read page by page as the array is read: each page of
 * {@code /events} is a JSON array whose elements are passed on as sent, and its {@code Next-Cursor} header names the
 * next page. It ends on a page without a cursor, an empty page or a cursor already followed, so it never loops. The
 * first page is fetched when it opens, so a refusal is an error there; a later one breaks the body (an IOException
 * naming it), which a download retries.
 */
final class EventPages extends InputStream {

    /** One page as fetched: the body and the cursor of the next page. */
    record Fetched(String body, Optional<String> next) {
    }

    private final String providerId;
    private final Function<Optional<String>, Either<TapedeckError, Fetched>> fetch;
    private final Set<String> followed = new HashSet<>();
    private Optional<String> pointer = Optional.empty();
    private InputStream current = InputStream.nullInputStream();
    private boolean started;
    private boolean any;
    private boolean more = true;
    private boolean finished;

    EventPages(String providerId, Function<Optional<String>, Either<TapedeckError, Fetched>> fetch) {
        this.providerId = providerId;
        this.fetch = fetch;
    }

    /** The stream, with its first page fetched. */
    Either<TapedeckError, MediaStream> open() {
        return chunk().map(first -> {
            current = new ByteArrayInputStream(first.getBytes(StandardCharsets.UTF_8));
            return new MediaStream(this, 0, Optional.empty(), Optional.empty(), Optional.empty(),
                    Optional.of("application/json"));
        });
    }

    private Either<TapedeckError, String> chunk() {
        if (!more) {
            finished = true;
            return Either.right(started ? "]" : "[]");
        }
        return fetch.apply(pointer).flatMap(page -> {
            String body = page.body().strip();
            if (!body.startsWith("[") || !body.endsWith("]")) {
                return Either.left(new TapedeckError.ProviderFailure(providerId, 200, providerId + " sent a page of"
                        + " rrweb events that is not a JSON array; nothing was kept, try again later", "", false));
            }
            String inner = body.substring(1, body.length() - 1).strip();
            pointer = page.next().filter(next -> !next.isBlank()).filter(followed::add);
            more = pointer.isPresent() && !inner.isEmpty();
            String chunk = (started ? "" : "[") + (inner.isEmpty() ? "" : (any ? "," : "") + inner);
            started = true;
            any |= !inner.isEmpty();
            return Either.right(chunk);
        });
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        while (true) {
            int n = current.read(buffer, offset, length);
            if (n > 0 || length == 0) {
                return n;
            }
            if (finished) {
                return -1;
            }
            Either<TapedeckError, String> next = chunk();
            if (next.isLeft()) {
                throw new IOException(next.getLeft().message());
            }
            current = new ByteArrayInputStream(next.get().getBytes(StandardCharsets.UTF_8));
        }
    }
}
