package dev.tapedeck.kit;

import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which headers of a request a provider chose to send, for tests that pin them down exactly (the key header and
 * nothing else, say): the names a request carried less those any HTTP client adds by itself.
 */
public final class RequestHeaders {

    /** Headers any HTTP client sends by itself, lower-cased. */
    public static final Set<String> TRANSPORT = Set.of("host", "user-agent", "connection", "accept-encoding",
            "content-length", "content-type");

    private RequestHeaders() {
    }

    /**
     * The lower-cased names among {@code names} that are neither {@link #TRANSPORT} headers nor one of
     * {@code alsoIgnored} (e.g. {@code accept} or {@code range} where a test does not care about them), sorted.
     */
    public static Set<String> chosen(Iterable<String> names, String... alsoIgnored) {
        Set<String> ignored = new TreeSet<>(TRANSPORT);
        for (String name : alsoIgnored) {
            ignored.add(name.toLowerCase(Locale.ROOT));
        }
        Set<String> chosen = new TreeSet<>();
        for (String name : names) {
            String lower = name.toLowerCase(Locale.ROOT);
            if (!ignored.contains(lower)) {
                chosen.add(lower);
            }
        }
        return chosen;
    }
}
