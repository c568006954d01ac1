package dev.tapedeck.sandbox.spi;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * What the sandbox shares with an emulator: where it is mounted, the seed, the clock, its settings, and the media
 * host (presigned links, the shipped media, Range-aware serving). Media paths are those of
 * {@link MediaPaths}.
 */
public interface EmulatorContext {

    /** The emulated provider's id. */
    String providerId();

    /** Where this emulation's API is served, e.g. {@code http://127.0.0.1:PORT/anchor}. */
    URI mountUrl();

    /** The seed of generated data; the same seed gives the same data. */
    long seed();

    /** The sandbox clock of every time-dependent behaviour. */
    Clock clock();

    /** Which data to serve: the realistic demo (the default) or the demo plus hostile values for tests. */
    default SandboxScenario scenario() {
        return SandboxScenario.DEMO;
    }

    /** The clock instant at which the sandbox started; seeded times count from here. */
    Instant startedAt();

    /** This provider's setting {@code key} from the sandbox options ({@code SandboxOptions.Builder.setting}). */
    Optional<String> setting(String key);

    /** Setting {@code key} as text, else {@code fallback}. */
    default String text(String key, String fallback) {
        return setting(key).orElse(fallback);
    }

    /** Setting {@code key} as a whole number (e.g. {@code 3}), else {@code fallback}. */
    default long number(String key, long fallback) {
        Optional<String> raw = setting(key);
        try {
            return raw.map(v -> Long.parseLong(v.strip())).orElse(fallback);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("the sandbox setting " + providerId() + "." + key
                    + " must be a whole number, was '" + raw.get() + "'");
        }
    }

    /** Setting {@code key} as an ISO-8601 duration ({@code PT30S}) or seconds ({@code 30}), else {@code fallback}. */
    default Duration duration(String key, Duration fallback) {
        Optional<String> raw = setting(key).map(String::strip);
        if (raw.isEmpty()) {
            return fallback;
        }
        try {
            return raw.get().matches("\\d{1,12}") ? Duration.ofSeconds(Long.parseLong(raw.get()))
                    : Duration.parse(raw.get());
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("the sandbox setting " + providerId() + "." + key
                    + " must be seconds or an ISO-8601 duration such as PT30S, was '" + raw.get() + "'");
        }
    }

    /** A presigned URL of {@code mediaPath} on the media host, valid for the sandbox's presign lifetime. */
    PresignedLink presign(String mediaPath);

    /**
     * The shipped HLS playlist of a finished recording (type VOD, ending with {@code #EXT-X-ENDLIST}), every segment
     * URL presigned now.
     */
    String hlsPlaylist();

    /**
     * The shipped HLS playlist as a recording still being written shows it (type EVENT, the segments so far, no
     * {@code #EXT-X-ENDLIST}), every segment URL presigned now: what a provider serves while its session runs.
     */
    String hlsPlaylistSoFar();

    /** The size in bytes of the media at {@code mediaPath}; IllegalArgumentException when there is none. */
    long mediaSize(String mediaPath);

    /**
     * Serves the media at {@code mediaPath} as {@code contentType} from this API (with Range and ETag support), for
     * providers that stream recordings themselves. False, having answered nothing, when there is no such media.
     */
    boolean serveMedia(Call call, String mediaPath, String contentType) throws java.io.IOException;
}
