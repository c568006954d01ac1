package dev.tapedeck.http;

import dev.tapedeck.model.TapedeckError;
import feign.Response;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * Reads a failed response once: keeps the start of its body in memory (error bodies are small; more than
 * {@link #MAX_BUFFERED} bytes are cut) so it can be both mapped and decoded again, and closes the original. The
 * errors it maps end with the server's request id when the answer carried one (see {@link RequestIds}).
 */
final class FailureReader {

    static final int MAX_BUFFERED = 64 * 1024;

    private final String providerId;
    private final Redactor redactor;

    FailureReader(String providerId, Redactor redactor) {
        this.providerId = providerId;
        this.redactor = redactor;
    }

    /** {@code response} with its body (cut to {@link #MAX_BUFFERED} bytes) in memory; the original is closed. */
    static Response buffer(Response response) {
        return buffer(response, () -> false);
    }

    /**
     * {@link #buffer(Response)}, but reading stops as soon as {@code stop} says so (an API call's overall deadline
     * passed), keeping what arrived: an error body that trickles in never holds a call past its deadline.
     */
    static Response buffer(Response response, BooleanSupplier stop) {
        byte[] bytes;
        try (response) {
            bytes = response.body() == null ? new byte[0]
                    : readAtMost(response.body().asInputStream(), MAX_BUFFERED, stop);
        } catch (IOException unreadable) {
            bytes = new byte[0];
        }
        return response.toBuilder().body(bytes).build();
    }

    /**
     * What an {@link ErrorMapper} needs to know about {@code buffered}, a response from {@link #buffer}: its message
     * and field problems read from the whole buffered body, the excerpt redacted before it is cut.
     */
    HttpFailure failure(Response buffered) {
        String body = "";
        if (buffered.body() != null) {
            try (InputStream in = buffered.body().asInputStream()) {
                body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException unreadable) {
                body = "";
            }
        }
        String method = buffered.request() == null ? "?" : buffered.request().httpMethod().name();
        String path = buffered.request() == null ? "?" : pathOf(buffered.request().url());
        ErrorBodies.Details details = ErrorBodies.read(body, redactor::redact);
        return new HttpFailure(providerId, method, path, buffered.status(), headers(buffered),
                redactor.redact(body), details.message(), details.problems());
    }

    /** {@code failure} mapped by {@code mapper}, with the answer's request id added to the message. */
    static TapedeckError mapped(HttpFailure failure, ErrorMapper mapper) {
        return withRequestId(failure, mapper.map(failure));
    }

    /** {@code error}, which {@code failure} stands for, with the answer's request id added to its message. */
    static TapedeckError withRequestId(HttpFailure failure, TapedeckError error) {
        return ErrorNotes.append(error, RequestIds.note(RequestIds.of(failure::header)));
    }

    /** The path of {@code url}, never its query string. */
    static String pathOf(String url) {
        try {
            String path = URI.create(url).getRawPath();
            return path == null || path.isEmpty() ? "/" : path;
        } catch (IllegalArgumentException notAUri) {
            int cut = url.indexOf('?');
            return cut < 0 ? url : url.substring(0, cut);
        }
    }

    private static Map<String, List<String>> headers(Response response) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        response.headers().forEach((name, values) -> out.put(name, new ArrayList<>(values)));
        return out;
    }

    private static byte[] readAtMost(InputStream in, int limit, BooleanSupplier stop) throws IOException {
        if (in == null) {
            return new byte[0];
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] chunk = new byte[8192];
        int n;
        while (out.size() < limit && !stop.getAsBoolean()
                && (n = in.read(chunk, 0, Math.min(chunk.length, limit - out.size()))) > 0) {
            out.write(chunk, 0, n);
        }
        return out.toByteArray();
    }
}
