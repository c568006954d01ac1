package dev.tapedeck.http;

import static org.assertj.core.api.Assertions.assertThat;

import feign.Request;
import feign.Response;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A failed answer's body is read to at most 64 KiB, and no longer than its call's deadline allows. */
class FailureReaderTest {

    /** A body that never ends, one byte per read, as a server trickling an error page would send it. */
    private static final class Trickle extends InputStream {
        final AtomicInteger reads = new AtomicInteger();

        @Override
        public int read() {
            reads.incrementAndGet();
            return 'x';
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (len == 0) {
                return 0;
            }
            b[off] = (byte) read();
            return 1;
        }
    }

    private static Response answer(InputStream body) {
        Request request = Request.create(Request.HttpMethod.GET, "http://127.0.0.1/v1/x", Map.of(), null,
                StandardCharsets.UTF_8, null);
        return Response.builder().status(503).request(request).headers(Map.of()).body(body, null).build();
    }

    @Test
    void readingStopsAsSoonAsTheDeadlineHasPassed() throws IOException {
        Trickle body = new Trickle();

        Response buffered = FailureReader.buffer(answer(body), () -> body.reads.get() >= 10);

        assertThat(buffered.body().asInputStream().readAllBytes()).hasSize(10);
    }

    @Test
    void withoutADeadlineAnErrorBodyIsCutAt64Kib() throws IOException {
        Trickle body = new Trickle();

        Response buffered = FailureReader.buffer(answer(body));

        assertThat(buffered.body().asInputStream().readAllBytes()).hasSize(FailureReader.MAX_BUFFERED);
        assertThat(body.reads).hasValue(FailureReader.MAX_BUFFERED);
    }
}
