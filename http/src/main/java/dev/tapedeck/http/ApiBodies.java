package dev.tapedeck.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.io.JsonEOFException;
import dev.tapedeck.model.TapedeckError;
import feign.Response;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.SequenceInputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Reads the whole body of a successful API answer into memory, inside the retry loop, so that a body that breaks
 * is one more failed try and decoding works on complete bytes. At most {@code limit} bytes are read: a larger
 * answer (declared or streamed) fails at once with a non-retryable {@link TapedeckError.ProviderFailure} that names
 * the limit, so no API answer ever holds more than one page of memory. A body that ends before its declared
 * {@code Content-Length} (HttpURLConnection reports a cleanly closed short body as a normal end) or, without any
 * length, in the middle of its JSON, is a {@link BrokenAnswer} and retried. The call's overall deadline is checked
 * after every read, so a body that keeps trickling in fails when the deadline passes; each read itself waits at most
 * the read-idle timeout.
 */
final class ApiBodies {

    private static final int CHUNK = 64 * 1024;
    private static final JsonFactory JSON = new JsonFactory();

    private final String providerId;
    private final long limit;

    ApiBodies(String providerId, long limit) {
        this.providerId = providerId;
        this.limit = limit;
    }

    /** {@code response} with its body in memory; the original is closed whatever happens. */
    Response read(Response response, RetryRun run) throws IOException {
        if (response.body() == null) {
            return response;
        }
        boolean encoded = MediaStreams.header(response, "Content-Encoding")
                .filter(value -> !value.isBlank() && !value.strip().equalsIgnoreCase("identity")).isPresent();
        // a compressed body decodes to more bytes than its length says: only the limit applies then
        Optional<Long> declared = encoded ? Optional.empty() : MediaStreams.header(response, "Content-Length")
                .flatMap(MediaStreams::number);
        try (response) {
            if (declared.isPresent() && declared.get() > limit) {
                throw new ApiException(tooLarge(response, "declares " + declared.get() + " bytes"));
            }
            // filled chunk by chunk and handed over as one stream: a growing array would double at the limit
            List<byte[]> chunks = new ArrayList<>();
            long total = 0;
            InputStream in = response.body().asInputStream();
            while (true) {
                // a declared length sizes the chunks exactly, so a small answer costs no 64 KiB array and no copy
                byte[] chunk = new byte[declared.isPresent()
                        ? (int) Math.max(1, Math.min(CHUNK, declared.get() - total)) : CHUNK];
                int filled = 0;
                int n = 0;
                while (filled < chunk.length
                        && (n = readSome(in, chunk, filled, total, declared, response)) >= 0) {
                    filled += n;
                    if (total + filled > limit) {
                        throw new ApiException(tooLarge(response, "goes on past that"));
                    }
                    if (run.pastDeadline()) {
                        throw BrokenAnswer.overDeadline(run.overall().orElseThrow(), requestId(response));
                    }
                }
                if (filled > 0) {
                    chunks.add(filled == chunk.length ? chunk : Arrays.copyOf(chunk, filled));
                }
                total += filled;
                if (n < 0) {
                    break;
                }
            }
            if (declared.isPresent() && total < declared.get()) {
                throw BrokenAnswer.cutShort(total, declared, requestId(response));
            }
            if (declared.isEmpty() && !encoded && !chunked(response) && isJson(response) && endsEarly(stream(chunks))) {
                throw BrokenAnswer.cutShort(total, Optional.empty(), requestId(response));
            }
            return response.toBuilder().body(stream(chunks), total <= Integer.MAX_VALUE ? (int) total : null).build();
        }
    }

    /**
     * One read into {@code chunk} from {@code filled} on. A connection that breaks is a {@link BrokenAnswer}, said
     * the same whether the JDK reports a body cut short as an end or as an error (it changed between versions); a
     * timeout stays a timeout, and an interrupt an interrupt.
     */
    private static int readSome(InputStream in, byte[] chunk, int filled, long before, Optional<Long> declared,
            Response response) throws IOException {
        try {
            return in.read(chunk, filled, chunk.length - filled);
        } catch (InterruptedIOException timeoutOrInterrupt) {
            throw timeoutOrInterrupt;
        } catch (IOException broken) {
            throw BrokenAnswer.brokeOff(before + filled, declared, requestId(response), broken);
        }
    }

    /** The server's id for the answer, looked for only when a broken answer is reported. */
    private static Optional<String> requestId(Response response) {
        return RequestIds.of(name -> MediaStreams.header(response, name));
    }

    private static InputStream stream(List<byte[]> chunks) {
        if (chunks.size() == 1) {
            return new ByteArrayInputStream(chunks.get(0));
        }
        return new SequenceInputStream(Collections.enumeration(
                chunks.stream().map(ByteArrayInputStream::new).collect(Collectors.toList())));
    }

    private TapedeckError tooLarge(Response response, String how) {
        String call = response.request() == null ? "a call" : response.request().httpMethod().name() + " "
                + FailureReader.pathOf(response.request().url());
        return new TapedeckError.ProviderFailure(providerId, response.status(), providerId + ": the answer to " + call
                + " " + how + ", more than the " + size(limit) + " Tapedeck reads of one API answer; ask for smaller"
                + " pages, or raise the limit (ProviderConfig apiBodyLimit) if the provider really sends that much",
                "", false);
    }

    private static boolean chunked(Response response) {
        return MediaStreams.header(response, "Transfer-Encoding")
                .map(value -> value.toLowerCase(Locale.ROOT).contains("chunked")).orElse(false);
    }

    private static boolean isJson(Response response) {
        return MediaStreams.header(response, "Content-Type")
                .map(value -> value.toLowerCase(Locale.ROOT).contains("json")).orElse(false);
    }

    /** Whether {@code body} is JSON that stops before its last value is closed. */
    private static boolean endsEarly(InputStream body) {
        try (JsonParser parser = JSON.createParser(body)) {
            while (parser.nextToken() != null) {
                parser.skipChildren();
            }
            return false;
        } catch (JsonEOFException truncated) {
            return true;
        } catch (IOException malformed) {
            // malformed, not short: the decoder reports it as the provider's error
            return false;
        }
    }

    /** {@code 8 MiB}, {@code 512 KiB} or {@code 100 bytes}. */
    static String size(long bytes) {
        if (bytes >= 1L << 20 && bytes % (1L << 20) == 0) {
            return (bytes >> 20) + " MiB";
        }
        if (bytes >= 1L << 10 && bytes % (1L << 10) == 0) {
            return (bytes >> 10) + " KiB";
        }
        return bytes + " bytes";
    }
}
