package dev.tapedeck.e2e;

import dev.tapedeck.Connection;
import dev.tapedeck.download.DownloadOptions;
import dev.tapedeck.download.Downloader;
import dev.tapedeck.junit.SandboxClients;
import dev.tapedeck.model.TapedeckError;
import io.vavr.control.Either;
import java.time.Instant;

/**
 * What the end-to-end tests share besides their {@code @TapedeckSandbox}: where its manual clock starts, the
 * setting that keeps the large recording small, and assertions on Vavr results.
 */
final class E2e {

    /** Where the manual clock starts, as the annotation takes it. */
    static final String START_TEXT = "2026-03-09T12:00:00Z";

    /** Where the manual clock starts. */
    static final Instant START = Instant.parse(START_TEXT);

    /** The sandbox setting that keeps {@code sess_0003}'s generated recording small (256 KiB), so tests stay fast. */
    static final String SMALL_LARGE_RECORDING = "anchor.large_recording_bytes=262144";

    private E2e() {
    }

    /** A downloader through {@code connection} on the sandbox's manual clock. */
    static Downloader downloader(SandboxClients e2e, Connection connection) {
        return new Downloader(connection.recordings(), e2e.clock(), DownloadOptions.defaults());
    }

    /** The value of {@code either}, or a test failure naming its error. */
    static <T> T right(Either<TapedeckError, T> either) {
        if (either.isLeft()) {
            throw new AssertionError("expected success but got " + either.getLeft());
        }
        return either.get();
    }

    /** The error of {@code either}, or a test failure naming its value. */
    static <T> TapedeckError left(Either<TapedeckError, T> either) {
        if (either.isRight()) {
            throw new AssertionError("expected an error but got " + either.get());
        }
        return either.getLeft();
    }
}
