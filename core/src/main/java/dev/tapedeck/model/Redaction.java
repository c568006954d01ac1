package dev.tapedeck.model;

import java.net.URI;
import java.util.regex.Pattern;

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

    private Redaction() {
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
        return CREDENTIAL_PARAMETER.matcher(name).matches();
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
