package dev.tapedeck.provider.kataven.internal;

import dev.tapedeck.http.ErrorMapper;
import dev.tapedeck.http.HttpFailure;
import dev.tapedeck.http.StandardErrors;
import dev.tapedeck.model.TapedeckError;
import dev.tapedeck.retry.RetryPolicy;
import java.time.Clock;
import java.util.Locale;

/**
 * Kataven's error answers, whose bodies are plain text. Its document gives each status one meaning: a 400 is the
 * missing {@code X-Account-ID}, a credential Kataven refused, so it is Unauthorized and tells the user to set
 * {@code KATAVEN_ACCOUNT_ID} whatever the body says; 409 (recording not uploaded yet) is NotReady with the server's
 * Retry-After when sent; a 503 saying playback is not configured, or with an empty body, is a feature the account
 * lacks: Unsupported, never retried, while a 503 with other text (a proxy's "upstream connect error") is the usual transient failure. Everything else reads as {@link StandardErrors} reads it: 404 NotFound, 429 RateLimited with
 * Retry-After seconds, 500 and other 5xx retryable failures.
 */
record KatavenErrors(Clock clock) implements ErrorMapper {

    @Override
    public TapedeckError map(HttpFailure failure) {
        String text = StandardErrors.message(failure);
        String lower = text.toLowerCase(Locale.ROOT);
        String call = failure.method() + " " + failure.path();
        boolean bare = failure.bodyExcerpt().isBlank();
        String said = text;
        if (failure.status() == 400) {
            return new TapedeckError.Unauthorized(KatavenProvider.ID, "kataven refused " + call + " (HTTP 400: "
                    + said + "); Kataven answers 400 when it gets no valid X-Account-ID: set KATAVEN_ACCOUNT_ID "
                    + "to your Kataven account slug, or check the one set (needed unless the key starts with "
                    + KatavenProvider.LIVE_KEY_PREFIX + ")");
        }
        if (failure.status() == 409) {
            return new TapedeckError.NotReady(KatavenProvider.ID, "kataven has not finished uploading the recording ("
                    + call + ", HTTP 409: " + said + "); wait and try again",
                    RetryPolicy.retryAfter(failure::header, clock.instant()));
        }
        if (failure.status() == 503 && (bare || lower.contains("not configured")
                || lower.contains("playback"))) {
            return new TapedeckError.Unsupported(KatavenProvider.ID, "recording playback", "kataven: recording "
                    + "playback is not configured for this account (" + call + ", HTTP 503: " + said + "); retrying "
                    + "will not help, ask Kataven to enable recording playback for the account");
        }
        return StandardErrors.map(failure, clock);
    }
}
