package com.example.consumer;

import static dev.tapedeck.model.TapedeckException.orThrow;

import dev.tapedeck.Connection;
import dev.tapedeck.Tapedeck;
import dev.tapedeck.download.DownloadListener;
import dev.tapedeck.download.DownloadResult;
import dev.tapedeck.download.Downloader;
import dev.tapedeck.model.Session;
import dev.tapedeck.model.SessionQuery;
import dev.tapedeck.model.SessionStatus;
import dev.tapedeck.model.TapedeckError;
import dev.tapedeck.spi.ProviderConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Saves the primary recording of the first completed AnchorBrowser sessions, in AnchorBrowser's order, into a folder. */
public final class SaveRecordings {

    /**
     * What a run did.
     *
     * @param saved  the recordings on disk
     * @param failed why each other session gave no file: no primary recording, or a download that failed
     */
    public record Outcome(List<DownloadResult> saved, List<TapedeckError> failed) {
    }

    public static void main(String[] args) {
        ProviderConfig config = ProviderConfig.fromEnvironment();   // ANCHOR_API_KEY, ANCHOR_BASE_URL
        Outcome outcome = completedSessions(config, Path.of(args.length > 0 ? args[0] : "recordings"), 5);
        outcome.saved().forEach(file -> System.out.println("saved " + file.path()));
        outcome.failed().forEach(error -> System.err.println(advice(error)));
    }

    /** Each call gives an Either; orThrow turns a left into a TapedeckException, for calls that must work. */
    public static Outcome completedSessions(ProviderConfig config, Path folder, long limit) {
        List<DownloadResult> saved = new ArrayList<>();
        List<TapedeckError> failed = new ArrayList<>();
        try (Connection anchor = orThrow(Tapedeck.connect("anchor", config))) {
            Downloader downloader = Downloader.of(anchor.recordings());
            SessionQuery completed = SessionQuery.builder().status(SessionStatus.COMPLETED).limit(limit).build();
            try (Stream<Session> sessions = orThrow(anchor.history().sessions(completed))) {
                sessions.forEach(session -> anchor.recordings().primaryRecording(session.id())
                        .flatMap(recording -> downloader.download(recording, folder, DownloadListener.NONE))
                        .peek(saved::add)
                        .peekLeft(failed::add));
            }
        }
        return new Outcome(saved, failed);
    }

    /** What to do about an error; Java 17 has no pattern switch, so an instanceof chain picks the cases. */
    public static String advice(TapedeckError error) {
        if (error instanceof TapedeckError.NotReady notReady) {
            return "not ready yet, try again " + notReady.retryAfter()
                    .map(wait -> "in " + wait.toSeconds() + " s").orElse("later") + ": " + error.message();
        } else if (error instanceof TapedeckError.RateLimited || error instanceof TapedeckError.Transport) {
            return "try again later: " + error.message();
        } else if (error instanceof TapedeckError.Unauthorized || error instanceof TapedeckError.Forbidden) {
            return "check the key or fetch a fresh link: " + error.message();
        } else {
            return error.message();
        }
    }
}
