package dev.tapedeck.archive;

import dev.tapedeck.model.Recording;
import dev.tapedeck.model.SessionId;
import dev.tapedeck.model.TapedeckError;
import java.util.Optional;

/**
 * Hears how an archive run goes. Downloads run in parallel, so the recording callbacks come from several threads
 * at once: implementations must be thread-safe, return quickly and not throw.
 */
public interface ArchiveListener {

    /** A listener that ignores everything. */
    ArchiveListener NONE = new ArchiveListener() {
    };

    /** A session's recordings were listed. */
    default void sessionListed(SessionId session, int recordings) {
    }

    /** A recording's download began (again, after a wait for it to be ready). */
    default void recordingStarted(Recording recording, Optional<Long> totalSize) {
    }

    /** A recording's bytes on disk so far; monotonic per recording within one download. */
    default void recordingProgressed(Recording recording, long bytesSoFar) {
    }

    /**
     * A failed entry's error as a value, heard just before {@link #entryDone} for the same entry: the manifest keeps
     * only the message, and callers such as the CLI need the error's class (for an exit code).
     */
    default void entryFailed(ManifestEntry entry, TapedeckError error) {
    }

    /**
     * A copy the manifest vouched for was fetched again and replaced, since it no longer was what the manifest
     * recorded; {@code why} says what had become of it (missing, changed on disk, a size the provider no longer
     * declares). Heard before {@link #entryDone} for the new entry, so that nobody misses that the old copy was not
     * kept as it was.
     */
    default void copyReplaced(ManifestEntry vouched, String why) {
    }

    /**
     * A recording, or a session that could not be listed or was not ready yet, is done with. A recording's entry
     * is already in the manifest; a session's entry is reported here and in the summary only. Sessions without
     * recordings have no entry; the summary counts them.
     */
    default void entryDone(ManifestEntry entry) {
    }
}
