package dev.tapedeck.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tapedeck.http.json.Json;
import dev.tapedeck.model.TapedeckError;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the human text and the field problems out of an error body: JSON {@code message}, {@code error.message},
 * {@code error.error.message}, {@code error}, {@code detail} as a string or as a list of {@code {loc,msg}}; a
 * storage service's XML error ({@code <Error><Code>ExpiredToken</Code><Message>...</Message>}, what S3, Google Cloud
 * Storage and Azure answer a presigned media URL with) as its code and message; else the plain text (never HTML or
 * other markup). The whole body is parsed, not an excerpt, so a long validation answer (which echoes its
 * input) keeps every problem; what is extracted is redacted afterwards, because JSON escapes ({@code \/},
 * {@code \u002F}) can hide a secret from a redactor that only sees the raw text.
 */
final class ErrorBodies {

    /** The longest message kept, in characters. */
    static final int MAX_MESSAGE = 300;

    private static final ObjectMapper READER = Json.mapper();
    private static final Pattern XML_ERROR = Pattern.compile("(?:<\\?xml[^>]{0,200}\\?>\\s*)?<Error>");
    private static final Pattern XML_CODE = Pattern.compile("<Code>([^<]{1,100})</Code>");
    private static final Pattern XML_MESSAGE = Pattern.compile("<Message>([^<]{1,1000})</Message>");

    private ErrorBodies() {
    }

    /**
     * What {@code body} says.
     *
     * @param message  the best human text, one line, redacted and cut to {@link #MAX_MESSAGE}; empty when none
     * @param problems the field problems of a {@code detail} list, redacted
     */
    record Details(String message, List<TapedeckError.FieldProblem> problems) {
    }

    /** The details of {@code body}, each extracted string passed through {@code redact}. */
    static Details read(String body, UnaryOperator<String> redact) {
        String text = body.strip();
        Optional<JsonNode> json = parse(text);
        List<TapedeckError.FieldProblem> problems = json.map(root -> root.path("detail")).filter(JsonNode::isArray)
                .map(detail -> problems(detail, redact)).orElse(List.of());
        String message = json.isPresent() ? jsonMessage(json.get(), problems).map(redact).orElse("")
                : text.startsWith("<") ? xmlMessage(text).map(redact).orElse("") : redact.apply(text);
        message = message.replaceAll("\\s+", " ").strip();
        if (message.length() > MAX_MESSAGE) {
            message = message.substring(0, MAX_MESSAGE) + "…";
        }
        return new Details(message, problems);
    }

    /**
     * {@code "Code: Message"} of a storage service's XML error, read with patterns rather than an XML parser (no
     * entities or DTDs to resolve from a hostile body); anything else in markup, HTML above all, says nothing.
     */
    private static Optional<String> xmlMessage(String body) {
        if (!XML_ERROR.matcher(body).lookingAt()) {
            return Optional.empty();
        }
        List<String> parts = new ArrayList<>();
        first(XML_CODE, body).ifPresent(parts::add);
        first(XML_MESSAGE, body).ifPresent(parts::add);
        return parts.isEmpty() ? Optional.empty() : Optional.of(String.join(": ", parts));
    }

    /** The first match's group, unescaped and stripped, if it says anything. */
    private static Optional<String> first(Pattern element, String body) {
        Matcher found = element.matcher(body);
        return found.find() ? Optional.of(unescape(found.group(1)).strip()).filter(text -> !text.isEmpty())
                : Optional.empty();
    }

    private static String unescape(String xml) {
        return xml.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&apos;", "'")
                .replace("&amp;", "&");
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

    private static Optional<String> jsonMessage(JsonNode root, List<TapedeckError.FieldProblem> problems) {
        for (String pointer : List.of("/message", "/error/message", "/error/error/message", "/error", "/detail")) {
            JsonNode node = root.at(pointer);
            if (node.isTextual() && !node.asText().isBlank()) {
                return Optional.of(withDetail(node.asText(), root.at("/detail")));
            }
        }
        List<String> parts = new ArrayList<>();
        problems.forEach(p -> parts.add(p.field().isEmpty() ? p.problem() : p.field() + ": " + p.problem()));
        return parts.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", parts));
    }

    /**
     * {@code message} followed by a textual {@code detail} that says more ({@code {"message":"Not Found",
     * "detail":"Session s is still active"}}): the detail is often the only useful part.
     */
    private static String withDetail(String message, JsonNode detail) {
        if (!detail.isTextual() || detail.asText().isBlank() || message.contains(detail.asText().strip())) {
            return message;
        }
        return message + ": " + detail.asText();
    }

    private static List<TapedeckError.FieldProblem> problems(JsonNode detail, UnaryOperator<String> redact) {
        List<TapedeckError.FieldProblem> out = new ArrayList<>();
        for (JsonNode item : detail) {
            String msg = item.path("msg").asText("");
            if (msg.isBlank()) {
                continue;
            }
            List<String> loc = new ArrayList<>();
            item.path("loc").forEach(part -> loc.add(part.asText()));
            out.add(new TapedeckError.FieldProblem(redact.apply(String.join(".", loc)), redact.apply(msg)));
        }
        return List.copyOf(out);
    }
}
