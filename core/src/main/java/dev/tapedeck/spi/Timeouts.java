package dev.tapedeck.spi;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * HTTP timeouts. Media downloads get {@code connect} and {@code readIdle} only, so a large recording may take as
 * long as it takes while bytes keep coming.
 *
 * @param connect  to open a connection
 * @param readIdle the longest silence while reading a response, headers or body, of an API call or a download
 * @param overall  the longest an API call may take in all: every try, the waits between them and reading each
 *                 answer's body; never applied to media downloads
 */
public record Timeouts(Duration connect, Duration readIdle, Optional<Duration> overall) {

    /** Checks for positive durations. */
    public Timeouts {
        requirePositive(connect, "connect");
        requirePositive(readIdle, "readIdle");
        Objects.requireNonNull(overall, "overall");
        overall.ifPresent(d -> requirePositive(d, "overall"));
    }

    /** Connect 10 s, read-idle 60 s, overall 5 min. */
    public static Timeouts defaults() {
        return new Timeouts(Duration.ofSeconds(10), Duration.ofSeconds(60), Optional.of(Duration.ofMinutes(5)));
    }

    private static void requirePositive(Duration value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " timeout must be positive, was " + value);
        }
    }
}
