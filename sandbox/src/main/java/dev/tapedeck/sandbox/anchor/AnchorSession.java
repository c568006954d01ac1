package dev.tapedeck.sandbox.anchor;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * One seeded AnchorBrowser session: the fields of the document's {@code SessionHistoryPageItem} (nullable ones as
 * empty optionals, which the wire shows as {@code null}) plus the values the history filters read.
 *
 * @param id                  {@code sess_0001}..{@code sess_0125}; creation time grows with the number
 * @param status              {@code completed}, {@code running}, {@code failed} or {@code timed_out}
 * @param createdAt           creation time
 * @param tags                tags, or empty for a {@code null} on the wire
 * @param domains             domains, or empty for a {@code null} on the wire
 * @param headless            headless mode
 * @param recordingEnabled    the item's {@code recording}
 * @param usedCredits         number, decimal string or {@code N/A} (running sessions)
 * @param proxyBytes          proxy bandwidth, empty when no proxy was active
 * @param proxyType           proxy type, empty when no proxy was active (the {@code proxy} filter)
 * @param steps               step count, sometimes null
 * @param durationSeconds     seconds, null while running and sometimes otherwise
 * @param taskInitiated       the {@code task_initiated} filter
 * @param taskExecutionsCount task executions
 * @param apiKeyName          the key's display name
 * @param browserIp           browser IP, sometimes null
 * @param batchId             the {@code batch_id} filter, absent for most sessions
 * @param playground          the {@code playground} filter
 * @param extraStealth        the {@code extra_stealth} filter
 * @param profileName         the {@code profile_name} filter, absent for most sessions
 * @param recordings          its recordings, in list order (at most one primary)
 */
public record AnchorSession(String id, String status, Instant createdAt, Optional<List<String>> tags,
                            Optional<List<String>> domains, boolean headless, boolean recordingEnabled,
                            UsedCredits usedCredits, OptionalLong proxyBytes, Optional<String> proxyType,
                            OptionalInt steps, OptionalInt durationSeconds, boolean taskInitiated,
                            int taskExecutionsCount, String apiKeyName, Optional<String> browserIp,
                            Optional<String> batchId, boolean playground, boolean extraStealth,
                            Optional<String> profileName, List<AnchorRecording> recordings) {

    /** Copies the lists. */
    public AnchorSession {
        tags = tags.map(List::copyOf);
        domains = domains.map(List::copyOf);
        recordings = List.copyOf(recordings);
    }

    /** The primary recording, if the session has one. */
    public Optional<AnchorRecording> primaryRecording() {
        return recordings.stream().filter(AnchorRecording::primary).findFirst();
    }

    /** Whether the session is still running (only those can pause and resume recording). */
    public boolean running() {
        return status.equals("running");
    }
}
