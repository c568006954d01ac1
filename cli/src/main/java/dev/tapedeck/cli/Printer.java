package dev.tapedeck.cli;

import dev.tapedeck.ProviderInfo;
import dev.tapedeck.model.Recording;
import dev.tapedeck.model.RecordingState;

/**
 * Where command results go on stdout: {@link JsonLines} writes each item as it comes, {@link TableOutput}
 * collects them into aligned tables printed by {@link #flush()}.
 */
interface Printer {

    /** A provider on the classpath. */
    void provider(ProviderInfo info);

    /** A session, with the count of its listing. */
    void session(SessionRow row);

    /** A recording. */
    void recording(Recording recording);

    /** The state a pause or resume left. */
    void recordingState(String provider, RecordingState state);

    /** One file of a download or archive. */
    void transfer(TransferRow row);

    /** The totals of a download or archive; only people read it, so JSON Lines prints nothing. */
    void summary(TransferSummary summary);

    /** Prints whatever is collected. */
    void flush();
}
