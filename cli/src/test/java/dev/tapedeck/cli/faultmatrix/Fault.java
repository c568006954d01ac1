package dev.tapedeck.cli.faultmatrix;

import dev.tapedeck.cli.ExitCodes;
import dev.tapedeck.cli.SandboxTime;
import dev.tapedeck.sandbox.Faults;
import dev.tapedeck.sandbox.Origin;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * One fault of the matrix: what the sandbox does to the answers of one origin, and what a run must make of it.
 * A transient fault hits the first answer (or a short burst) and must be survived within the run; a persistent one
 * hits every answer and must end the run with one clear line and {@link #exitCode()}, leaving nothing corrupt, so
 * that a re-run once it is gone finishes the job.
 *
 * @param name     how the table names it
 * @param origin   the origin whose answers it changes
 * @param exitCode the exit code a run ends with: 0 for a transient fault
 * @param exitCodeWhenTheApiServesMedia the exit code of a run that writes the recordings of a provider whose API
 *                 serves their bytes itself (no media host): a fault on every API answer reaches those bodies too
 * @param options  command-line options the run needs for it (a short read-idle timeout for a stall)
 * @param inject   switches it on in the sandbox's faults, for the origin
 */
record Fault(String name, Origin origin, int exitCode, int exitCodeWhenTheApiServesMedia, List<String> options,
        BiConsumer<Faults, Origin> inject) {

    /** A rule count no run reaches: every answer of the origin has the fault. */
    static final int EVERY = 100_000;
    /** The read-idle timeout of a run whose answer stalls: real time, so short, but far above a loopback read. */
    static final String STALL_IDLE_TIMEOUT = "500ms";

    /** Whether a run must survive it. */
    boolean isTransient(boolean apiServesMedia) {
        return exitCode(apiServesMedia) == ExitCodes.OK;
    }

    /** The exit code a run ends with, for a run whose recordings the API serves itself or not. */
    int exitCode(boolean apiServesMedia) {
        return apiServesMedia ? exitCodeWhenTheApiServesMedia : exitCode;
    }

    /** Switches it on in {@code faults}. */
    void injectInto(Faults faults) {
        inject.accept(faults, origin);
    }

    /** Every fault of the matrix, for both origins where it applies to both. */
    static List<Fault> all() {
        List<Fault> all = new ArrayList<>();
        for (Origin origin : List.of(Origin.API, Origin.MEDIA)) {
            boolean api = origin == Origin.API;
            all.add(survived("connection reset before any answer", origin, (f, o) -> f.resetNext(o, 1)));
            all.add(survived("reset after the headers", origin, (f, o) -> f.resetAfterNext(o, 1, 20)));
            all.add(survived("body cut short, clean close", origin, (f, o) -> f.truncateNext(o, 1, 20)));
            all.add(survived("slow drip (512 B per 50 ms)", origin,
                    (f, o) -> f.dribbleNext(o, EVERY, 512, Duration.ofMillis(50))));
            all.add(new Fault("stall after 16 bytes, longer than --idle-timeout", origin, ExitCodes.OK, ExitCodes.OK,
                    List.of("--idle-timeout", STALL_IDLE_TIMEOUT), (f, o) -> f.dribbleNext(o, 1, 16, SandboxTime.STALL)));
            all.add(survived("429, Retry-After: 2 (seconds)", origin,
                    (f, o) -> f.retryAfterNext(o, 1, 429, Duration.ofSeconds(2), false)));
            all.add(survived("429, Retry-After as an HTTP date", origin,
                    (f, o) -> f.retryAfterNext(o, 1, 429, Duration.ofSeconds(3), true)));
            all.add(survived("503, Retry-After: 1", origin,
                    (f, o) -> f.retryAfterNext(o, 1, 503, Duration.ofSeconds(1), false)));
            all.add(survived("burst of two 502s", origin, (f, o) -> f.failNext(o, 2, 502)));
            all.add(survived("burst of two 503s", origin, (f, o) -> f.failNext(o, 2, 503)));
            if (api) {
                all.add(survived("429 in the provider's own style", origin, (f, o) -> f.rateLimitNext(1, 1)));
            } else {
                all.add(survived("presigned link expired (403)", origin, (f, o) -> f.expireLinksNext(1)));
            }
            all.add(failed("503 on every answer", origin, ExitCodes.UNAVAILABLE, (f, o) -> f.failNext(o, EVERY, 503)));
            all.add(failed("HTML page with 200", origin, api ? ExitCodes.UNAVAILABLE : ExitCodes.INTEGRITY,
                    (f, o) -> f.htmlPageNext(o, EVERY)));
            // a whole JSON answer is read by its bytes whatever it is labelled; a recording labelled HTML is refused,
            // from the media host or from an API that serves it itself
            all.add(new Fault("Content-Type text/html on a sound body", origin,
                    api ? ExitCodes.OK : ExitCodes.INTEGRITY, ExitCodes.INTEGRITY, List.of(),
                    (f, o) -> f.contentTypeNext(o, EVERY, "text/html; charset=utf-8")));
            if (api) {
                all.add(failed("malformed JSON with 200", origin, ExitCodes.UNAVAILABLE,
                        (f, o) -> f.malformedJsonNext(o, EVERY)));
            }
        }
        return all;
    }

    private static Fault survived(String name, Origin origin, BiConsumer<Faults, Origin> inject) {
        return new Fault(name, origin, ExitCodes.OK, ExitCodes.OK, List.of(), inject);
    }

    private static Fault failed(String name, Origin origin, int exitCode, BiConsumer<Faults, Origin> inject) {
        return new Fault(name, origin, exitCode, exitCode, List.of(), inject);
    }

    @Override
    public String toString() {
        return name + " (" + origin.label() + ")";
    }
}
