package dev.tapedeck.cli.faultmatrix;

import dev.tapedeck.model.Capability;
import dev.tapedeck.sandbox.Origin;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** What a cell of the matrix asks of the command line, as a user types it, with {@code --json} to read the answer. */
enum Operation {
    SESSIONS("list sessions", Capability.SESSION_HISTORY, false),
    RECORDINGS("list recordings", Capability.LIST_RECORDINGS, false),
    DOWNLOAD("download", Capability.LIST_RECORDINGS, true),
    ARCHIVE("archive", Capability.LIST_RECORDINGS, true);

    private final String label;
    private final Capability needs;
    private final boolean writes;

    Operation(String label, Capability needs, boolean writes) {
        this.label = label;
        this.needs = needs;
        this.writes = writes;
    }

    /** How the table names it. */
    String label() {
        return label;
    }

    /** The capability a provider needs for it. */
    Capability needs() {
        return needs;
    }

    /** Whether it writes files (and so fetches media): its cells audit a folder. */
    boolean writes() {
        return writes;
    }

    /** Whether a fault on {@code origin} reaches it: media faults only reach what fetches media. */
    boolean reaches(Origin origin) {
        return origin == Origin.API || writes;
    }

    /**
     * The arguments of the command for {@code target}, writing into {@code folder}: the first session's recordings,
     * the last session's download, and all of them archived.
     */
    List<String> args(Target target, Path folder) {
        List<String> args = new ArrayList<>(List.of("--provider", target.provider(), "--json"));
        List<String> sessions = target.sessions();
        switch (this) {
            case SESSIONS -> args.addAll(List.of("sessions", "--limit", "5"));
            case RECORDINGS -> args.addAll(List.of("recordings", sessions.get(0)));
            case DOWNLOAD -> args.addAll(List.of("download", sessions.get(sessions.size() - 1), "--out",
                    folder.toString()));
            case ARCHIVE -> {
                args.add("archive");
                sessions.forEach(session -> args.addAll(List.of("--session", session)));
                args.addAll(List.of("--out", folder.toString()));
            }
        }
        return args;
    }
}
