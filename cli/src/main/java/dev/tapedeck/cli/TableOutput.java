package dev.tapedeck.cli;

import dev.tapedeck.ProviderInfo;
import dev.tapedeck.model.Recording;
import dev.tapedeck.model.RecordingState;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Aligned tables for people: a header row, columns padded to their widest cell, two spaces apart, the columns of
 * {@link OutputFields} (a default set, or those {@code --fields} names). Rows are collected per kind and printed by
 * {@link #flush()}. A table never is wider than {@code width}: when it would be, the widest columns give way first,
 * never below their header nor below {@value #KEPT_COLUMN} characters of what they hold, and a cell longer than its
 * column ends in {@code …}; a line still too long is cut, ending in {@code …}; lines never wrap. Every cell is
 * made {@linkplain TerminalText#safe terminal-safe}, since most of them come from providers.
 */
final class TableOutput implements Printer {

    /** A column narrower than this is never cut (ids, statuses, times); a wider one gives way down to it. */
    private static final int KEPT_COLUMN = 12;
    private static final String GAP = "  ";
    private static final String MORE = "…";

    private final PrintStream out;
    private final ErrorLine errors;
    private final int width;
    private final Optional<List<String>> fields;
    private final Map<String, Table> tables = new LinkedHashMap<>();
    private final EchoedSecrets echoed;

    TableOutput(PrintStream out, ErrorLine errors, int width, Optional<List<String>> fields, EchoedSecrets echoed) {
        this.out = out;
        this.echoed = echoed;
        this.errors = errors;
        this.width = width;
        this.fields = fields;
    }

    @Override
    public void provider(ProviderInfo info) {
        add(OutputFields.PROVIDERS, info);
    }

    @Override
    public void session(SessionRow row) {
        add(OutputFields.SESSIONS, row);
    }

    @Override
    public void recording(Recording recording) {
        add(OutputFields.RECORDINGS, recording);
    }

    @Override
    public void recordingState(String provider, RecordingState state) {
        add(OutputFields.STATES, new OutputFields.StateRow(provider, state));
    }

    @Override
    public void transfer(TransferRow row) {
        add(OutputFields.transfers(errors), row);
    }

    @Override
    public void summary(TransferSummary summary) {
        Table table = tables.computeIfAbsent("summary", k -> new Table(new String[] {"SUMMARY", ""}));
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
            table.print(out, width);
            first = false;
        }
        tables.clear();
        out.flush();
    }

    /** A human size such as {@code 3.0 MiB}; below 1 KiB the exact byte count. */
    static String bytes(long n) {
        return OutputFields.bytes(n);
    }

    private <T> void add(FieldSet<T> kind, T row) {
        List<FieldSet.Field<T>> columns = kind.select(fields, true);
        Table table = tables.computeIfAbsent(kind.kind(),
                k -> new Table(columns.stream().map(FieldSet.Field::header).toArray(String[]::new)));
        table.row(columns.stream().map(column -> echoed.apply(column.cell().apply(row))).toArray(String[]::new));
    }

    /** One table: the header and its rows, printed padded within a width. */
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

        void print(PrintStream out, int width) {
            int[] widths = new int[headers.length];
            for (int i = 0; i < headers.length; i++) {
                widths[i] = length(headers[i]);
            }
            for (String[] row : rows) {
                for (int i = 0; i < row.length; i++) {
                    widths[i] = Math.max(widths[i], length(row[i]));
                }
            }
            fit(widths.clone(), widths, width);
            line(out, headers, widths, width);
            for (String[] row : rows) {
                line(out, row, widths, width);
            }
        }

        /**
         * Narrows the widest columns, one character at a time, until the table fits or none can give more: a column
         * keeps its header and, up to {@value #KEPT_COLUMN} characters, its natural width. What still does not fit
         * is cut at the end of each line.
         */
        private void fit(int[] natural, int[] widths, int width) {
            int total = GAP.length() * (widths.length - 1);
            for (int w : widths) {
                total += w;
            }
            while (total > width) {
                int widest = -1;
                for (int i = 0; i < widths.length; i++) {
                    int floor = Math.max(length(headers[i]), Math.min(natural[i], KEPT_COLUMN));
                    if (widths[i] > floor && (widest < 0 || widths[i] > widths[widest])) {
                        widest = i;
                    }
                }
                if (widest < 0) {
                    return;
                }
                widths[widest]--;
                total--;
            }
        }

        private static void line(PrintStream out, String[] cells, int[] widths, int width) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < cells.length; i++) {
                if (i > 0) {
                    line.append(GAP);
                }
                String cell = cut(cells[i], widths[i]);
                line.append(cell);
                if (i < cells.length - 1) {
                    line.append(" ".repeat(widths[i] - length(cell)));
                }
            }
            out.println(cut(line.toString().stripTrailing(), width));
        }

        /** {@code text} in at most {@code columns} characters, ending in {@value #MORE} when cut. */
        private static String cut(String text, int columns) {
            if (length(text) <= columns) {
                return text;
            }
            return text.substring(0, text.offsetByCodePoints(0, Math.max(0, columns - 1))) + MORE;
        }

        private static int length(String text) {
            return text.codePointCount(0, text.length());
        }
    }
}
