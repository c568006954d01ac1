package dev.tapedeck.http;

import dev.tapedeck.model.Redaction;
import dev.tapedeck.model.TapedeckError;
import io.vavr.control.Either;
import java.net.URI;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Which base URLs a provider may be configured with: absolute URLs only, https only except http on loopback hosts
 * (127.0.0.0/8, {@code ::1}, {@code localhost}), never with user-info. Hosts are judged by their text, never
 * resolved. URLs that providers hand over (media links and their redirects) pass the stricter address check of the
 * media fetcher instead.
 */
public final class UrlPolicy {

    private static final Pattern IPV4_LOOPBACK = Pattern.compile("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");

    private UrlPolicy() {
    }

    /** {@code url} when it may be fetched, else an {@link TapedeckError.InvalidRequest} saying why. */
    public static Either<TapedeckError, URI> check(String providerId, URI url) {
        if (url == null) {
            return refuse(providerId, "(none)", "there is no URL");
        }
        String shown = Redaction.url(url);
        if (!url.isAbsolute() || url.isOpaque()) {
            return refuse(providerId, shown, "it is not an absolute http(s) URL");
        }
        if (url.getRawUserInfo() != null) {
            return refuse(providerId, shown, "it carries user-info (credentials) before the host");
        }
        if (url.getHost() == null || url.getHost().isEmpty()) {
            return refuse(providerId, shown, "it has no valid host");
        }
        String scheme = url.getScheme().toLowerCase(Locale.ROOT);
        if ("https".equals(scheme)) {
            return Either.right(url);
        }
        if ("http".equals(scheme)) {
            return isLoopback(url.getHost()) ? Either.right(url)
                    : refuse(providerId, shown, "plain http is allowed only on loopback hosts; use https");
        }
        return refuse(providerId, shown, "the scheme '" + scheme + "' is not http or https");
    }

    /** Whether {@code host} names this machine: {@code localhost}, 127.0.0.0/8 or {@code ::1}. */
    static boolean isLoopback(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        return h.equals("localhost") || h.equals("::1") || h.equals("0:0:0:0:0:0:0:1")
                || IPV4_LOOPBACK.matcher(h).matches();
    }

    private static Either<TapedeckError, URI> refuse(String providerId, String shown, String why) {
        return Either.left(TapedeckError.InvalidRequest.of(providerId,
                providerId + ": refusing to fetch " + shown + ": " + why));
    }
}
