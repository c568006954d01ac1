package dev.tapedeck.sandbox;

import dev.tapedeck.sandbox.spi.Call;
import java.io.IOException;

/**
 * Serves a {@link ByteSource} with Content-Length, ETag, Accept-Ranges and single-range support (206 with
 * Content-Range, 416 when unsatisfiable, If-Range honoured), for the media host and AnchorBrowser's primary fetch.
 */
final class MediaReplies {

    private MediaReplies() {
    }

    static void serve(Call call, ByteSource source) throws IOException {
        long length = source.length();
        var headers = call.responseHeaders();
        headers.set("ETag", source.etag());
        headers.set("Accept-Ranges", "bytes");
        headers.set("Content-Type", source.contentType());
        String range = call.header("Range").orElse(null);
        String ifRange = call.header("If-Range").orElse(null);
        if (ifRange != null && !ifRange.equals(source.etag())) {
            range = null;
        }
        Ranges.Outcome outcome = Ranges.parse(range, length);
        if (outcome.unsatisfiable()) {
            headers.set("Content-Range", "bytes */" + length);
            call.text(416, "Requested range not satisfiable: the representation has " + length + " bytes");
            return;
        }
        if (outcome.whole()) {
            call.body(200, length, out -> source.write(out, 0, length));
            return;
        }
        headers.set("Content-Range", "bytes " + outcome.first() + "-" + outcome.last() + "/" + length);
        call.body(206, outcome.count(), out -> source.write(out, outcome.first(), outcome.last() + 1));
    }
}
