package dev.tapedeck.retry;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How fast one connection may call a provider's API: at most {@link Window#requests()} requests in any
 * {@link Window#period()} (each window holds on its own, so 60 a minute and 1,000 an hour can both be declared), and
 * at most {@link #atOnce()} requests under way at the same time. A provider declares the limit it documents in its
 * {@code ProviderMetadata}; a user overrides it through {@code ProviderConfig} or {@code <ID>_RATE_LIMIT}. Counted
 * are API requests to the provider's own origin, every retry included; downloads from other origins (CDNs,
 * presigned URLs) are not. Immutable.
 *
 * <p>Its text form, read by {@link #parse} and written by {@link #toString}, is a comma-separated list of
 * {@code <requests>/<period>} windows ({@code 60/1m}, {@code 1000/1h}, {@code 5/10s}, {@code 10000/1d}) and at most
 * one {@code <n> at once}; {@code off} is {@link #unlimited()}.
 *
 * @param windows the windows, each holding on its own; none means no limit on the rate
 * @param atOnce  the most requests under way at once, if limited
 */
public record RateLimit(List<Window> windows, OptionalInt atOnce) {

    /** The most requests a window may allow: the limiter remembers that many request times. */
    public static final int MAX_REQUESTS = 1_000_000;

    private static final Pattern WINDOW = Pattern.compile("(\\d{1,9})\\s*/\\s*(\\d{0,9})\\s*(ms|s|m|min|h|d)");
    private static final Pattern AT_ONCE = Pattern.compile("(\\d{1,9})\\s*at\\s+once");

    /** Checks every value and that at most one window has each period; freezes the list. */
    public RateLimit {
        windows = List.copyOf(windows);
        Objects.requireNonNull(atOnce, "atOnce");
        if (atOnce.isPresent() && (atOnce.getAsInt() < 1 || atOnce.getAsInt() > MAX_REQUESTS)) {
            throw new IllegalArgumentException("a rate limit allows 1 to " + MAX_REQUESTS + " requests at once, was "
                    + atOnce.getAsInt());
        }
        if (windows.stream().map(Window::period).distinct().count() < windows.size()) {
            throw new IllegalArgumentException("a rate limit has one window per period, was " + windows);
        }
    }

    /** No limit at all: requests are never held back. */
    public static RateLimit unlimited() {
        return new RateLimit(List.of(), OptionalInt.empty());
    }

    /** At most {@code requests} in any {@code period}. */
    public static RateLimit of(int requests, Duration period) {
        return unlimited().and(requests, period);
    }

    /** This limit and also at most {@code requests} in any {@code period}. */
    public RateLimit and(int requests, Duration period) {
        List<Window> more = new ArrayList<>(windows);
        more.add(new Window(requests, period));
        return new RateLimit(more, atOnce);
    }

    /** This limit with at most {@code requests} under way at once. */
    public RateLimit withAtOnce(int requests) {
        return new RateLimit(windows, OptionalInt.of(requests));
    }

    /** Whether this limit never holds a request back. */
    public boolean isUnlimited() {
        return windows.isEmpty() && atOnce.isEmpty();
    }

    /**
     * Reads the text form (see the class comment), ignoring case and blanks around the parts; throws
     * IllegalArgumentException with a one-line message saying how to write it.
     */
    public static RateLimit parse(String text) {
        String clean = Objects.requireNonNull(text, "text").strip().toLowerCase(Locale.ROOT);
        if (clean.equals("off")) {
            return unlimited();
        }
        RateLimit limit = unlimited();
        try {
            for (String part : clean.split(",", -1)) {
                String item = part.strip();
                Matcher window = WINDOW.matcher(item);
                Matcher atOnce = AT_ONCE.matcher(item);
                if (window.matches()) {
                    long amount = window.group(2).isEmpty() ? 1 : Long.parseLong(window.group(2));
                    limit = limit.and(Integer.parseInt(window.group(1)), period(amount, window.group(3)));
                } else if (atOnce.matches() && limit.atOnce().isEmpty()) {
                    limit = limit.withAtOnce(Integer.parseInt(atOnce.group(1)));
                } else {
                    throw new IllegalArgumentException("'" + item + "' is neither <requests>/<period> nor, once,"
                            + " <n> at once");
                }
            }
        } catch (IllegalArgumentException bad) {
            throw new IllegalArgumentException("'" + text.strip() + "' is not a rate limit (" + bad.getMessage()
                    + "); write e.g. 60/1m,1000/1h,20 at once, or off");
        }
        return limit;
    }

    private static Duration period(long amount, String unit) {
        return switch (unit) {
            case "ms" -> Duration.ofMillis(amount);
            case "s" -> Duration.ofSeconds(amount);
            case "m", "min" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            default -> Duration.ofDays(amount);
        };
    }

    /** The text form, e.g. {@code 60/1m,1000/1h,20 at once}; {@code off} when unlimited. */
    @Override
    public String toString() {
        if (isUnlimited()) {
            return "off";
        }
        List<String> parts = new ArrayList<>();
        windows.forEach(window -> parts.add(window.toString()));
        atOnce.ifPresent(n -> parts.add(n + " at once"));
        return String.join(",", parts);
    }

    /**
     * At most {@code requests} requests in any stretch of time {@code period} long.
     *
     * @param requests 1 to {@link #MAX_REQUESTS}
     * @param period   at least a millisecond, at most a year
     */
    public record Window(int requests, Duration period) {

        /** Checks the bounds. */
        public Window {
            if (requests < 1 || requests > MAX_REQUESTS) {
                throw new IllegalArgumentException("a rate limit window allows 1 to " + MAX_REQUESTS
                        + " requests, was " + requests);
            }
            Objects.requireNonNull(period, "period");
            if (period.toMillis() < 1 || period.compareTo(Duration.ofDays(366)) > 0) {
                throw new IllegalArgumentException("a rate limit window lasts 1 ms to 366 days, was " + period);
            }
        }

        /** The text form, e.g. {@code 60/1m}. */
        @Override
        public String toString() {
            long millis = period.toMillis();
            String text = millis % 86_400_000 == 0 ? millis / 86_400_000 + "d"
                    : millis % 3_600_000 == 0 ? millis / 3_600_000 + "h"
                    : millis % 60_000 == 0 ? millis / 60_000 + "m"
                    : millis % 1000 == 0 ? millis / 1000 + "s" : millis + "ms";
            return requests + "/" + text;
        }
    }
}
