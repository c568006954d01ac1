package dev.tapedeck.http;

import dev.tapedeck.model.Redaction;
import dev.tapedeck.spi.Secret;
import java.util.Collection;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Removes what must never be shown from text that came off the wire or out of an exception: the connection's own
 * secrets, bearer tokens, credential-like fields and every query string (presigned URLs carry signatures there).
 * Only the secret is masked, never the words around it: in {@code Authorization: Bearer <token>} the scheme stays,
 * and a placeholder in angle brackets ({@code <NOTTE_API_KEY>}), which a server's hint shows in place of a key, is
 * no secret and stays too.
 */
final class Redactor {

    private static final String MASK = "****";
    private static final Pattern URL = Pattern.compile("(?i)\\bhttps?://[^\\s\"'<>\\\\]+");
    private static final Pattern QUERY_AFTER_PATH = Pattern.compile("(/[^\\s\"'<>?]*)\\?[^\\s\"'<>]+");
    private static final Pattern SCHEME_TOKEN = Pattern.compile("(?i)\\b(bearer|basic|token)\\s+[A-Za-z0-9._~+/=-]{6,}");
    private static final Pattern SCHEME_PREFIX = Pattern.compile("(?i)^(bearer|basic|token)\\s+");
    private static final Pattern CREDENTIAL_FIELD = Pattern.compile(
            "(?i)([\"']?\\b(?:x-amz-[a-z-]*|signature|sig|access[_-]?token|refresh[_-]?token|token|api[_-]?key"
                    + "|[a-z0-9]+-api-key|authorization|password|secret|credential|key-pair-id|policy)"
                    + "[\"']?\\s*[=:]\\s*[\"']?(?:(?:bearer|basic|token)\\s+)?)"
                    + "(?!<|(?:bearer|basic|token)\\b)[^\\s\"'&,;}\\]]+");

    private final UnaryOperator<String> secrets;

    private Redactor(UnaryOperator<String> secrets) {
        this.secrets = secrets;
    }

    /**
     * A redactor that also masks the values of {@code secrets} in any letter case and percent-encoded, and, for a
     * header value that starts with an auth scheme ({@code Bearer <token>}), the bare credential after it: providers
     * echo the key alone in their error bodies ("Invalid API key sk_…"), some upper-cased.
     */
    static Redactor of(Collection<Secret> secrets) {
        return new Redactor(Redaction.values(secrets.stream().map(Secret::reveal)
                .flatMap(value -> Stream.of(value, SCHEME_PREFIX.matcher(value).replaceFirst("")))
                .filter(s -> s.length() >= 4).toList(), MASK));
    }

    /** {@code text} with secrets, tokens and query strings masked; "" for null. */
    String redact(String text) {
        if (text == null) {
            return "";
        }
        String out = maskSecrets(text);
        out = replaceAll(URL.matcher(out), m -> Redaction.url(m.group()));
        out = replaceAll(QUERY_AFTER_PATH.matcher(out), m -> m.group(1) + "?…");
        out = replaceAll(SCHEME_TOKEN.matcher(out), m -> m.group(1) + " " + MASK);
        return replaceAll(CREDENTIAL_FIELD.matcher(out), m -> m.group(1) + MASK);
    }

    /**
     * {@code text} with only the connection's own secrets masked, for text that is already redacted otherwise (a URL
     * whose credential parameters read {@code REDACTED} but whose other parameters should stay readable).
     */
    String maskSecrets(String text) {
        return secrets.apply(text);
    }

    private static String replaceAll(Matcher matcher, java.util.function.Function<Matcher, String> replacement) {
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(out, Matcher.quoteReplacement(replacement.apply(matcher)));
        }
        matcher.appendTail(out);
        return out.toString();
    }
}
