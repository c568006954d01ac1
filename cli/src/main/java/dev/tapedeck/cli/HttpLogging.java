package dev.tapedeck.cli;

import java.util.Locale;
import java.util.Optional;

/**
 * What {@code --log-http} shows on stderr: the library's wire log ({@code dev.tapedeck.http.wire}), which the
 * command otherwise keeps off. Always redacted: no key, token, cookie or presigned signature is printed.
 */
enum HttpLogging {
    /** One line per request and per answer (status, duration, bytes, attempt, request id). */
    REQUESTS("debug", 0),
    /** Those lines and each request's and answer's headers. */
    HEADERS("trace", 0),
    /** Those, and the first 4 KiB of each API request and answer body; media bodies never. */
    BODIES("trace", 4096);

    /** The logger the option turns on. */
    static final String LOGGER = "dev.tapedeck.http.wire";

    private final String level;
    private final int bodyLimit;

    HttpLogging(String level, int bodyLimit) {
        this.level = level;
        this.bodyLimit = bodyLimit;
    }

    /** The most bytes of an API body shown, 0 for none. */
    int bodyLimit() {
        return bodyLimit;
    }

    /**
     * Sets the wire logger's level for slf4j-simple from {@code --log-http WHAT} or {@code --log-http=WHAT} among
     * {@code args}; it must run before the first logger is made, which is before picocli parses anything. A value
     * that is not one of these is left for picocli to report.
     */
    static void configure(String[] args) {
        for (int i = 0; i < args.length; i++) {
            Optional<String> value = args[i].startsWith("--log-http=") ? Optional.of(args[i].substring(11))
                    : args[i].equals("--log-http") && i + 1 < args.length ? Optional.of(args[i + 1]) : Optional.empty();
            value.flatMap(HttpLogging::parse).ifPresent(what -> System.setProperty(
                    "org.slf4j.simpleLogger.log." + LOGGER, what.level));
        }
    }

    private static Optional<HttpLogging> parse(String text) {
        for (HttpLogging what : values()) {
            if (what.name().equalsIgnoreCase(text.strip())) {
                return Optional.of(what);
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
