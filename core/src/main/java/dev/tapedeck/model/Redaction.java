package dev.tapedeck.model;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Renders URLs without the parts that may carry signatures or keys: for messages without their query string or
 * user-info ({@link #url(URI)}); for output that people copy, with the values of the credential parameters of a
 * presigned URL masked ({@link #credentials(URI)}).
 */
public final class Redaction {

    /** What a masked query value reads. */
    public static final String MASK = "REDACTED";

    /**
     * Query parameters that carry a signature, credential or token in the presigned URL schemes in use (AWS SigV2
     * and SigV4, Google Cloud Storage, Azure SAS, CloudFront) and in ad-hoc token links; matched without case.
     */
    private static final Pattern CREDENTIAL_PARAMETER = Pattern.compile("(?i)x-amz-(signature|credential"
            + "|security-token)|x-goog-(signature|credential)|googleaccessid|awsaccesskeyid|signature|sig|token"
            + "|access[_-]?token|auth|authorization|key|api[_-]?key|password|secret|policy|key-pair-id");
    /** The last words of names that hold a credential: {@code signingKey}, {@code proxy_password}, {@code jwt}. */
    private static final Set<String> CREDENTIAL_WORDS = Set.of("password", "passwd", "pwd", "passphrase", "secret",
            "token", "key", "apikey", "credential", "credentials", "signature", "sig", "authorization", "auth",
            "cookie", "jwt");
    private static final Pattern WORD = Pattern.compile("[A-Z]?[a-z0-9]+|[A-Z0-9]+(?![a-z])");
    private static final Pattern URL_TEXT = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*://\\S+");
    private static final Pattern URI_ATTRIBUTE = Pattern.compile("URI=\"([^\"]*)\"");

    private Redaction() {
    }

    /**
     * Masks known secret values: each of {@code values} becomes {@code mask} wherever it appears, in any letter case
     * and percent-encoded (as it reads inside a URL), the longest first, so a value that holds another is masked
     * whole. Values are taken as given: callers leave out those too short to mask without garbling ordinary text.
     */
    public static UnaryOperator<String> values(Collection<String> values, String mask) {
        List<Pattern> patterns = values.stream()
                .flatMap(value -> Stream.of(value, URLEncoder.encode(value, StandardCharsets.UTF_8))).distinct()
                .sorted(Comparator.comparingInt(String::length).reversed())
                .map(value -> Pattern.compile(Pattern.quote(value), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE))
                .toList();
        String replacement = Matcher.quoteReplacement(mask);
        return text -> {
            String out = text;
            for (Pattern value : patterns) {
                out = value.matcher(out).replaceAll(replacement);
            }
            return out;
        };
    }

    /**
     * {@code uri} with user-info removed and the value of every credential parameter of its query replaced by
     * {@value #MASK}; every other part stays as it is, so the URL still shows where it points and when it expires.
     */
    public static String credentials(URI uri) {
        if (uri == null) {
            return "null";
        }
        String text = uri.toString();
        if (uri.getRawUserInfo() != null) {
            text = text.replaceFirst("//[^/?#]*@", "//");
        }
        int query = text.indexOf('?');
        if (query < 0) {
            return text;
        }
        int fragment = text.indexOf('#', query);
        String end = fragment < 0 ? "" : text.substring(fragment);
        String[] pairs = text.substring(query + 1, fragment < 0 ? text.length() : fragment).split("&", -1);
        StringBuilder out = new StringBuilder(text.substring(0, query + 1));
        for (int i = 0; i < pairs.length; i++) {
            String pair = pairs[i];
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            out.append(i == 0 ? "" : "&").append(equals >= 0 && isCredential(name) ? name + "=" + MASK : pair);
        }
        return out.append(end).toString();
    }

    private static boolean isCredential(String rawName) {
        String name;
        try {
            name = java.net.URLDecoder.decode(rawName, java.nio.charset.StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            name = rawName;
        }
        return CREDENTIAL_PARAMETER.matcher(name).matches() || isCredentialName(name);
    }

    /**
     * Whether a field or parameter called {@code name} holds a credential: its last word (split at {@code _},
     * {@code -}, {@code .} and lower-to-upper case changes) is one of password, passwd, pwd, passphrase, secret,
     * token, key, apikey, credential(s), signature, sig, authorization, auth, cookie or jwt. So {@code signingKey},
     * {@code proxy_password} and {@code x-api-key} are; {@code api_key_name}, {@code token_count} and
     * {@code monkey} are not.
     */
    public static boolean isCredentialName(String name) {
        if (name == null) {
            return false;
        }
        Matcher words = WORD.matcher(name);
        String last = null;
        while (words.find()) {
            last = words.group();
        }
        return last != null && CREDENTIAL_WORDS.contains(last.toLowerCase(Locale.ROOT));
    }

    /**
     * {@code text} rendered by {@code url} when the whole text is a URL ({@code scheme://…}, no blanks); one that
     * does not parse loses everything from its {@code ?} on. Empty for any other text.
     */
    public static Optional<String> urlText(String text, Function<URI, String> url) {
        if (text == null || !URL_TEXT.matcher(text).matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(url.apply(new URI(text)));
        } catch (java.net.URISyntaxException unparsable) {
            return Optional.of(url(text));
        }
    }

    /**
     * An HLS playlist with each URI in it (segment lines and {@code URI="…"} attributes, absolute or relative)
     * rendered by {@code url}; everything else as it is.
     */
    public static String playlist(String content, Function<URI, String> url) {
        String[] lines = content.split("\n", -1);
        StringBuilder out = new StringBuilder(content.length());
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            String trimmed = line.strip();
            if (trimmed.startsWith("#")) {
                Matcher attribute = URI_ATTRIBUTE.matcher(line);
                StringBuilder tag = new StringBuilder();
                while (attribute.find()) {
                    attribute.appendReplacement(tag, Matcher.quoteReplacement("URI=\"" + reference(attribute.group(1),
                            url) + "\""));
                }
                attribute.appendTail(tag);
                out.append(tag);
            } else {
                out.append(trimmed.isEmpty() ? line : reference(trimmed, url));
            }
            out.append(i < lines.length - 1 ? "\n" : "");
        }
        return out.toString();
    }

    private static String reference(String text, Function<URI, String> url) {
        try {
            return url.apply(new URI(text));
        } catch (java.net.URISyntaxException unparsable) {
            int query = text.indexOf('?');
            return query < 0 ? text : text.substring(0, query) + "?…";
        }
    }

    /** {@code scheme://host[:port]/path} plus {@code ?…} when a query was dropped. */
    public static String url(URI uri) {
        if (uri == null) {
            return "null";
        }
        if (!uri.isAbsolute() || uri.getRawAuthority() == null) {
            String path = uri.getRawPath() == null ? "" : uri.getRawPath();
            return path + (uri.getRawQuery() != null ? "?…" : "");
        }
        StringBuilder out = new StringBuilder();
        out.append(uri.getScheme()).append("://").append(uri.getHost() == null ? "" : uri.getHost());
        if (uri.getPort() >= 0) {
            out.append(':').append(uri.getPort());
        }
        out.append(uri.getRawPath() == null ? "" : uri.getRawPath());
        if (uri.getRawQuery() != null) {
            out.append("?…");
        }
        return out.toString();
    }

    /** Like {@link #url(URI)} for text that may not parse as a URI; falls back to the text before any {@code ?}. */
    public static String url(String text) {
        if (text == null) {
            return "null";
        }
        try {
            return url(URI.create(text.trim()));
        } catch (IllegalArgumentException notAUri) {
            String withoutUserInfo = text.replaceFirst("//[^/?#]*@", "//");
            int query = withoutUserInfo.indexOf('?');
            return query < 0 ? withoutUserInfo : withoutUserInfo.substring(0, query) + "?…";
        }
    }
}
