package dev.tapedeck.http;

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
 * A JSON array that an API serves in pages (each page a JSON array, the next one named by a cursor: rrweb events,
 * say) as one JSON array, streamed: each page is fetched when the one before has been read, and its elements are
 * passed on as sent. It ends on a page without a cursor, an empty page or a cursor already followed, so it never
 * loops. The first page is fetched by {@link #open}, so a refusal is an error there; a later one breaks the body (an
 * IOException naming it), which a download retries.
 */
public final class JsonArrayPages extends InputStream {

    /**
     * One page as fetched.
     *
     * @param body the page, a JSON array
     * @param next the cursor of the next page, if any
     */
    public record Fetched(String body, Optional<String> next) {
    }

    private final String providerId;
    private final Function<Optional<String>, Either<TapedeckError, Fetched>> fetch;
    private final Set<String> followed = new HashSet<>();
    private Optional<String> pointer = Optional.empty();
    private InputStream current = InputStream.nullInputStream();
    private boolean started;
    private boolean any;
    private boolean finished;

    /** Pages of {@code providerId}'s API that {@code fetch} gets by cursor (empty: the first page). */
    public JsonArrayPages(String providerId, Function<Optional<String>, Either<TapedeckError, Fetched>> fetch) {
        this.providerId = providerId;
        this.fetch = fetch;
    }

    /** The stream as JSON media of unknown length, with its first page fetched: that page's error if it fails. */
    public Either<TapedeckError, MediaStream> open() {
        return chunk().map(first -> new MediaStream(this, 0, Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.of("application/json")));
    }

    private Either<TapedeckError, String> chunk() {
        if (started && pointer.isEmpty()) {
            finished = true;
            current = new ByteArrayInputStream(new byte[] {']'});
            return Either.right("]");
        }
        return fetch.apply(pointer).flatMap(page -> {
            String body = page.body().strip();
            if (!body.startsWith("[") || !body.endsWith("]")) {
                return Either.left(new TapedeckError.ProviderFailure(providerId, 200, providerId + " sent a page that"
                        + " is not a JSON array; nothing was kept, try again later", "", false));
            }
            String inner = body.substring(1, body.length() - 1).strip();
            pointer = page.next().filter(next -> !next.isBlank() && !inner.isEmpty()).filter(followed::add);
            String chunk = (started ? "" : "[") + (inner.isEmpty() ? "" : (any ? "," : "") + inner);
            started = true;
            any |= !inner.isEmpty();
            current = new ByteArrayInputStream(chunk.getBytes(StandardCharsets.UTF_8));
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
        int n = current.read(buffer, offset, length);
        while (n <= 0 && length > 0 && !finished) {
            Either<TapedeckError, String> next = chunk();
            if (next.isLeft()) {
                throw new IOException(next.getLeft().message());
            }
            n = current.read(buffer, offset, length);
        }
        return n;
    }
}
