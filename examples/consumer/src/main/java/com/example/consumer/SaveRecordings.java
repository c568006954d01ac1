package com.example.consumer;

import dev.tapedeck.Connection;
import dev.tapedeck.Tapedeck;
import dev.tapedeck.download.DownloadListener;
import dev.tapedeck.download.DownloadResult;
import dev.tapedeck.download.Downloader;
import dev.tapedeck.model.Session;
import dev.tapedeck.model.SessionQuery;
import dev.tapedeck.model.SessionStatus;
import dev.tapedeck.model.TapedeckError;
import dev.tapedeck.model.TapedeckException;
import dev.tapedeck.spi.ProviderConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * What a user's code looks like, and the README's Java quick start: connect to AnchorBrowser, walk the history of
 * completed sessions, save each one's primary recording into a folder.
 */
public final class SaveRecordings {

    private SaveRecordings() {
    }

    /**
     * What a run saved, and the sessions it passed over because they had no primary recording to fetch.
     *
     * @param downloads  one result per primary recording fetched
     * @param passedOver why each other session was passed over
     */
    public record Saved(List<DownloadResult> downloads, List<TapedeckError> passedOver) {
    }

    /**
     * Saves the primary recording of up to {@code limit} completed sessions into {@code folder}.
     *
     * @throws TapedeckException when the connection or the history listing fails
     */
    public static Saved completedSessions(ProviderConfig config, Path folder, long limit) {
        List<DownloadResult> saved = new ArrayList<>();
        List<TapedeckError> passedOver = new ArrayList<>();
        try (Connection anchor = Tapedeck.connect("anchor", config).getOrElseThrow(TapedeckException::new)) {
            Downloader downloader = Downloader.of(anchor.recordings());
            SessionQuery completed = SessionQuery.builder().status(SessionStatus.COMPLETED).limit(limit).build();
            try (Stream<Session> sessions = anchor.history().sessions(completed)
                    .getOrElseThrow(TapedeckException::new)) {
                sessions.forEach(session -> anchor.recordings().primaryRecording(session.id())
                        .map(recording -> downloader.download(recording, folder, DownloadListener.NONE))
                        .peek(saved::add)
                        .peekLeft(passedOver::add));
            }
        }
        return new Saved(List.copyOf(saved), List.copyOf(passedOver));
    }
}
