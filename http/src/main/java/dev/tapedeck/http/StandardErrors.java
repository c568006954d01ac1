package dev.tapedeck.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tapedeck.http.json.Json;
import dev.tapedeck.model.Redaction;
import dev.tapedeck.model.TapedeckError;
import dev.tapedeck.retry.RetryPolicy;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The default mapping from a failed response to a {@link TapedeckError}. The message is the best human text found
 * in the body (JSON {@code message}, {@code error.message}, {@code error.error.message}, {@code detail} as a string
 * or a list of {@code {loc,msg}}, else the plain text), then by status: 400/422 InvalidRequest (a {@code detail}
 * list gives field problems), 401 Unauthorized, 403 Forbidden, 404 NotFound, 408 Transport, 409
 * ProviderFailure(not retryable), 429 RateLimited (wait from {@code retry-after-ms} / {@code Retry-After}, else
 * {@code X-RateLimit-Reset} minus now), 5xx ProviderFailure(retryable), 3xx a redirect that API calls never follow,
 * anything else ProviderFailure(not retryable).
 */
public final class StandardErrors {

    private static final int MAX_MESSAGE = 300;
    private static final ObjectMapper READER = Json.mapper();

    private StandardErrors() {
    }

    /** The error {@code failure} stands for, with {@code clock} for rate-limit resets. */
    public static TapedeckError map(HttpFailure failure, Clock clock) {
        String id = failure.providerId();
        int status = failure.status();
        String text = message(failure);
        String said = id + " answered " + failure.method() + " " + failure.path() + " with HTTP " + status + ": " + text;
        if (status == 400 || status == 422) {
            return new TapedeckError.InvalidRequest(id, said + "; fix the request", fieldProblems(failure));
        }
        if (status == 401) {
            return new TapedeckError.Unauthorized(id, said + "; check " + envPrefix(id) + "_API_KEY");
        }
        if (status == 403) {
            return new TapedeckError.Forbidden(id, said + "; the key is not allowed this");
        }
        if (status == 404) {
            return new TapedeckError.NotFound(id, said);
        }
        if (status == 408) {
            return new TapedeckError.Transport(id, said + "; try again later");
        }
        if (status == 429) {
            Optional<Duration> wait = rateLimitWait(failure, clock.instant());
            return new TapedeckError.RateLimited(id, said + "; retry " + wait.map(w -> "in " + seconds(w))
                    .orElse("later"), wait);
        }
        if (status >= 500 && status <= 599) {
            return new TapedeckError.ProviderFailure(id, status, said + "; try again later", failure.bodyExcerpt(), true);
        }
        if (status >= 300 && status <= 399) {
            String target = failure.header("Location").map(Redaction::url).orElse("(no Location)");
            return new TapedeckError.ProviderFailure(id, status, id + " redirected " + failure.method() + " "
                    + failure.path() + " (HTTP " + status + ") to " + target
                    + ", which API calls never follow; check " + envPrefix(id) + "_BASE_URL", failure.bodyExcerpt(), false);
        }
        if (status == 409) {
            return new TapedeckError.ProviderFailure(id, status, said, failure.bodyExcerpt(), false);
        }
        return new TapedeckError.ProviderFailure(id, status, said, failure.bodyExcerpt(), false);
    }

    /** The best human text in the failure's body, one line, or {@code "no details"} when there is none. */
    public static String message(HttpFailure failure) {
        String body = failure.bodyExcerpt().strip();
        Optional<JsonNode> json = parse(body);
        Optional<String> found = json.flatMap(StandardErrors::jsonMessage);
        String text = found.orElseGet(() -> json.isPresent() || body.startsWith("<") ? "" : body);
        text = text.replaceAll("\\s+", " ").strip();
        if (text.isEmpty()) {
            return "no details";
        }
        return text.length() > MAX_MESSAGE ? text.substring(0, MAX_MESSAGE) + "…" : text;
    }

    private static Optional<JsonNode> parse(String body) {
        if (!body.startsWith("{") && !body.startsWith("[")) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(READER.readTree(body));
        } catch (IOException | RuntimeException notJson) {
            return Optional.empty();
        }
    }

    private static Optional<String> jsonMessage(JsonNode root) {
        for (String pointer : List.of("/message", "/error/message", "/error/error/message", "/error", "/detail")) {
            JsonNode node = root.at(pointer);
            if (node.isTextual() && !node.asText().isBlank()) {
                return Optional.of(node.asText());
            }
        }
        JsonNode detail = root.path("detail");
        if (detail.isArray()) {
            List<String> parts = new ArrayList<>();
            problems(detail).forEach(p -> parts.add(p.field().isEmpty() ? p.problem() : p.field() + ": " + p.problem()));
            return parts.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", parts));
        }
        return Optional.empty();
    }

    private static List<TapedeckError.FieldProblem> fieldProblems(HttpFailure failure) {
        return parse(failure.bodyExcerpt().strip()).map(root -> root.path("detail"))
                .filter(JsonNode::isArray).map(StandardErrors::problems).orElse(List.of());
    }

    private static List<TapedeckError.FieldProblem> problems(JsonNode detail) {
        List<TapedeckError.FieldProblem> out = new ArrayList<>();
        for (JsonNode item : detail) {
            String msg = item.path("msg").asText("");
            if (msg.isBlank()) {
                continue;
            }
            List<String> loc = new ArrayList<>();
            item.path("loc").forEach(part -> loc.add(part.asText()));
            out.add(new TapedeckError.FieldProblem(String.join(".", loc), msg));
        }
        return out;
    }

    private static Optional<Duration> rateLimitWait(HttpFailure failure, Instant now) {
        Optional<Duration> asked = RetryPolicy.retryAfter(failure::header, now);
        if (asked.isPresent()) {
            return asked;
        }
        return failure.header("X-RateLimit-Reset").map(String::strip).filter(v -> v.matches("\\d{1,12}"))
                .map(v -> Duration.between(now, Instant.ofEpochSecond(Long.parseLong(v))))
                .map(d -> d.isNegative() ? Duration.ZERO : d);
    }

    private static String seconds(Duration wait) {
        return wait.toMillis() % 1000 == 0 ? wait.toSeconds() + " s" : wait.toMillis() + " ms";
    }

    static String envPrefix(String providerId) {
        return providerId.toUpperCase(Locale.ROOT).replace('-', '_');
    }
}
