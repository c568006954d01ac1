package dev.tapedeck.cli;

import dev.tapedeck.model.Session;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Counts the sessions of one provider's listing that came with fields their neutral fields could not read
 * ({@link Session#unreadFields()}), so that the listing says so once, on stderr, however many there were. Such
 * sessions are listed like the others; their raw values are in their provider data.
 */
final class UnreadFields {

    private final String provider;
    private final Set<String> names = new LinkedHashSet<>();
    private int sessions;

    UnreadFields(String provider) {
        this.provider = provider;
    }

    /** Notes {@code session}'s unread fields, if it has any; returns it. */
    Session saw(Session session) {
        if (!session.unreadFields().isEmpty()) {
            sessions++;
            names.addAll(session.unreadFields());
        }
        return session;
    }

    /** The one remark for the listing, held until the command ends (see {@link CliRun#note}); none when all read. */
    void remark(CliRun run) {
        if (sessions > 0) {
            run.note(provider + ": " + sessions + (sessions == 1 ? " session was" : " sessions were")
                    + " listed with fields that could not be read (" + String.join(", ", names) + "); their values "
                    + "are kept as sent in providerData, see --json");
        }
    }
}
