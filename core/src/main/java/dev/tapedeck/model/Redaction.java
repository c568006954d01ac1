package dev.tapedeck.model;

import java.net.URI;

/** Renders URLs for messages without their query string or user-info, which may carry signatures or keys. */
public final class Redaction {

    private Redaction() {
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
