package dev.tapedeck.cli;

import dev.tapedeck.model.Session;
import java.util.Objects;
import java.util.Optional;

/**
 * A session as the command prints it: with the count of the listing it came from.
 *
 * @param session      the session
 * @param historyTotal the provider's count of the sessions its filters select, when it gives one (see
 *                     {@link dev.tapedeck.model.SessionListing#total()})
 */
record SessionRow(Session session, Optional<Long> historyTotal) {

    /** Checks for nulls. */
    SessionRow {
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(historyTotal, "historyTotal");
    }
}
