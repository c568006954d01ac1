package dev.tapedeck.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.tapedeck.model.Redaction;
import dev.tapedeck.model.TapedeckError;
import dev.tapedeck.model.TapedeckException;
import feign.FeignException;
import feign.Request;
import feign.RetryableException;
import feign.codec.DecodeException;
import feign.codec.EncodeException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.Optional;
import javax.net.ssl.SSLException;

/**
 * Turns what a Feign call or a fetch threw into a {@link TapedeckError}. Feign's own messages embed the full URL,
 * so they are never used: messages are rebuilt from the method, the redacted URL and the redacted cause.
 */
final class TransportErrors {

    private final String providerId;
    private final Redactor redactor;

    TransportErrors(String providerId, Redactor redactor) {
        this.providerId = providerId;
        this.redactor = redactor;
    }

    /** The error {@code failure} stands for, or empty when it is a programming error that should propagate. */
    Optional<TapedeckError> classify(RuntimeException failure) {
        if (failure instanceof ApiException api) {
            return Optional.of(api.error());
        }
        if (failure instanceof TapedeckException tapedeck) {
            return Optional.of(tapedeck.error());
        }
        if (failure instanceof UncheckedIOException io) {
            return Optional.of(ioFailure("a request", io.getCause()));
        }
        if (!(failure instanceof FeignException feign)) {
            return Optional.empty();
        }
        String call = feign.hasRequest() ? describe(feign.request()) : "a request";
        Throwable cause = feign.getCause();
        if (feign instanceof EncodeException) {
            return Optional.of(TapedeckError.InvalidRequest.of(providerId, providerId + ": could not encode the body of "
                    + call + ": " + redactor.redact(String.valueOf(cause == null ? feign.getClass().getSimpleName()
                            : cause.getMessage()))));
        }
        if (feign instanceof DecodeException || cause instanceof JsonProcessingException) {
            return Optional.of(unreadable(call, feign.status(), cause));
        }
        if (feign instanceof RetryableException || cause instanceof IOException) {
            return Optional.of(ioFailure(call, cause));
        }
        return Optional.of(new TapedeckError.ProviderFailure(providerId, Math.max(feign.status(), 0),
                providerId + ": " + call + " failed (" + feign.getClass().getSimpleName() + ")", "", false));
    }

    /** A network failure of {@code call} ("GET https://host/path"). */
    TapedeckError ioFailure(String call, Throwable cause) {
        if (cause instanceof BrokenAnswer broken) {
            return new TapedeckError.Transport(providerId, providerId + ": " + call + " "
                    + redactor.redact(broken.getMessage()));
        }
        String what;
        String advice = "; check the network and try again";
        if (cause instanceof SocketTimeoutException && !RetryRun.wasSent((SocketTimeoutException) cause)) {
            what = "could not connect in time (" + redactor.redact(cause.getMessage()) + ")";
        } else if (cause instanceof SocketTimeoutException) {
            what = "timed out waiting for data (" + redactor.redact(cause.getMessage()) + ")";
            advice = "; check the network, or raise the read-idle timeout (ProviderConfig timeouts readIdle) if the"
                    + " provider is that slow";
        } else if (cause instanceof InterruptedIOException) {
            what = "was interrupted";
        } else if (cause instanceof UnknownHostException) {
            what = "failed: unknown host " + redactor.redact(cause.getMessage());
        } else if (cause instanceof ConnectException || cause instanceof NoRouteToHostException) {
            what = "could not connect (" + redactor.redact(cause.getMessage()) + ")";
        } else if (cause instanceof SSLException) {
            what = "failed its TLS handshake (" + redactor.redact(cause.getMessage()) + ")";
        } else if (cause == null) {
            what = "failed";
        } else {
            what = "failed: " + cause.getClass().getSimpleName()
                    + (cause.getMessage() == null ? "" : " " + redactor.redact(cause.getMessage()));
        }
        return new TapedeckError.Transport(providerId, providerId + ": " + call + " " + what + advice);
    }

    private TapedeckError unreadable(String call, int status, Throwable cause) {
        String why = cause instanceof JsonProcessingException json ? json.getOriginalMessage()
                : cause == null ? "no details" : cause.getMessage();
        return new TapedeckError.ProviderFailure(providerId, Math.max(status, 0), providerId + ": the answer to " + call
                + " could not be read (" + firstLine(redactor.redact(why))
                + "); the provider's API may have changed, please report it", "", false);
    }

    /** {@code METHOD url} with the URL redacted. */
    static String describe(Request request) {
        return request.httpMethod().name() + " " + Redaction.url(request.url());
    }

    private static String firstLine(String text) {
        int cut = text.indexOf('\n');
        String line = cut < 0 ? text : text.substring(0, cut);
        return line.length() > 200 ? line.substring(0, 200) + "…" : line;
    }
}
