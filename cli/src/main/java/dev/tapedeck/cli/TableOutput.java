package dev.tapedeck.cli;

import dev.tapedeck.ProviderInfo;
import dev.tapedeck.model.MediaLocation;
import dev.tapedeck.model.Recording;
import dev.tapedeck.model.RecordingState;
import dev.tapedeck.model.Redaction;
import dev.tapedeck.model.Session;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Aligned tables for people: a header row, columns padded to their widest cell, two spaces apart. Rows are
 * collected per kind and printed by {@link #flush()}. URLs are shown without their query; every cell is made
 * {@linkplain TerminalText#safe terminal-safe}, since most of them come from providers.
 */
final class TableOutput implements Printer {

    private static final String NONE = "-";

    private final PrintStream out;
    private final ErrorLine errors;
    private final Map<String, Table> tables = new LinkedHashMap<>();

    TableOutput(PrintStream out, ErrorLine errors) {
        this.out = out;
        this.errors = errors;
    }

    @Override
    public void provider(ProviderInfo info) {
        table("providers", "ID", "NAME", "CAPABILITIES", "SOURCE")
                .row(info.id(), info.displayName(), info.capabilities().describe(), info.source());
    }

    @Override
    public void session(Session s) {
        table("sessions", "PROVIDER", "ID", "STATUS", "PROVIDER STATUS", "CREATED", "DURATION", "RECORDING",
                "CREDITS", "STEPS", "TAGS")
                .row(s.provider(), s.id().value(), s.status().wireName(), text(s.providerStatus()),
                        instant(s.createdAt()), duration(s.duration()),
                        s.recordingEnabled().map(on -> on ? "yes" : "no").orElse(NONE),
                        s.credits().map(BigDecimal::toPlainString).orElse(NONE),
                        s.steps().map(String::valueOf).orElse(NONE),
                        s.tags().isEmpty() ? NONE : String.join(",", s.tags()));
    }

    @Override
    public void recording(Recording r) {
        table("recordings", "PROVIDER", "SESSION", "ID", "PRIMARY", "FORMAT", "SIZE", "DURATION", "EXPIRES",
                "FILE NAME", "MEDIA")
                .row(r.provider(), r.sessionId().value(), r.id().value(), r.primary() ? "yes" : "no",
                        r.format().wireName(), r.sizeBytes().map(TableOutput::bytes).orElse(NONE),
                        duration(r.duration()), instant(r.media().expiresAt()), r.fileName().orElse(NONE),
                        media(r.media()));
    }

    @Override
    public void recordingState(String provider, RecordingState state) {
        table("states", "PROVIDER", "SESSION", "PAUSED", "PROVIDER STATUS")
                .row(provider, state.sessionId().value(), state.paused() ? "yes" : "no", text(state.providerStatus()));
    }

    @Override
    public void transfer(TransferRow row) {
        table("transfers", "STATUS", "PROVIDER", "SESSION", "RECORDING", "SIZE", "PATH", "ERROR")
                .row(row.status().wireName(), row.provider(), row.sessionId(), row.recordingId().orElse(NONE),
                        row.sizeBytes().map(TableOutput::bytes).orElse(NONE), row.path().orElse(NONE),
                        row.error().map(errors::scrub).orElse(""));
    }

    @Override
    public void summary(TransferSummary summary) {
        Table table = table("summary", "SUMMARY", "");
        for (TransferRow.Status status : TransferRow.Status.values()) {
            if (status != TransferRow.Status.NOT_READY || summary.sessionsWithoutRecordings().isPresent()
                    || summary.count(status) > 0) {
                table.row(status.wireName(), String.valueOf(summary.count(status)));
            }
        }
        summary.sessionsWithoutRecordings().ifPresent(n -> table.row("sessions without recordings",
                String.valueOf(n)));
        table.row("bytes downloaded", bytes(summary.bytes()));
        table.row("folder", summary.folder().toString());
        summary.manifest().ifPresent(m -> table.row("manifest", m.toString()));
    }

    @Override
    public void flush() {
        boolean first = true;
        for (Table table : tables.values()) {
            if (!first) {
                out.println();
            }
            table.print(out);
            first = false;
        }
        tables.clear();
        out.flush();
    }

    /** A human size such as {@code 3.0 MiB}; below 1 KiB the exact byte count. */
    static String bytes(long n) {
        if (n < 1024) {
            return n + " B";
        }
        String[] units = {"KiB", "MiB", "GiB", "TiB"};
        double value = n;
        int unit = -1;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
    }

    private Table table(String kind, String... headers) {
        return tables.computeIfAbsent(kind, k -> new Table(headers));
    }

    private static String media(MediaLocation media) {
        if (media instanceof MediaLocation.RemoteUrl) {
            return Redaction.url(((MediaLocation.RemoteUrl) media).uri());
        }
        if (media instanceof MediaLocation.InlinePlaylist) {
            return "inline HLS playlist";
        }
        return "provider stream";
    }

    private static String text(String value) {
        return value.isEmpty() ? NONE : value;
    }

    private static String instant(Optional<Instant> value) {
        return value.map(i -> i.truncatedTo(ChronoUnit.SECONDS).toString()).orElse(NONE);
    }

    private static String duration(Optional<Duration> value) {
        return value.map(Duration::toString).orElse(NONE);
    }

    /** One table: the header and its rows, printed padded. */
    private static final class Table {
        private final String[] headers;
        private final List<String[]> rows = new ArrayList<>();

        Table(String[] headers) {
            this.headers = headers;
        }

        Table row(String... cells) {
            String[] safe = new String[cells.length];
            for (int i = 0; i < cells.length; i++) {
                safe[i] = TerminalText.safe(cells[i]);
            }
            rows.add(safe);
            return this;
        }

        void print(PrintStream out) {
            int[] widths = new int[headers.length];
            for (int i = 0; i < headers.length; i++) {
                widths[i] = headers[i].length();
            }
            for (String[] row : rows) {
                for (int i = 0; i < row.length; i++) {
                    widths[i] = Math.max(widths[i], row[i].length());
                }
            }
            line(out, headers, widths);
            for (String[] row : rows) {
                line(out, row, widths);
            }
        }

        private static void line(PrintStream out, String[] cells, int[] widths) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < cells.length; i++) {
                if (i > 0) {
                    line.append("  ");
                }
                line.append(cells[i]);
                if (i < cells.length - 1) {
                    line.append(" ".repeat(widths[i] - cells[i].length()));
                }
            }
            out.println(line.toString().stripTrailing());
        }
    }
}
