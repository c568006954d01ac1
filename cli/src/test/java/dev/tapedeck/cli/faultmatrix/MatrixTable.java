package dev.tapedeck.cli.faultmatrix;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.ToIntFunction;

/**
 * The matrix's results, one row per fault (and per process scenario), counted over operations and providers:
 * cells, survived within the run, clean failures (with their exit codes), and what must stay 0: corrupt, partial and
 * lost files, leftovers, and cells that answered wrongly (exit code, error lines, output). Thread-safe.
 */
final class MatrixTable {

    /** How one cell ended. */
    enum Outcome { SURVIVED, FAILED_CLEANLY, WRONG }

    /**
     * One cell.
     *
     * @param row      the fault or scenario
     * @param where    the origin it hit, or {@code process}
     * @param outcome  how it ended
     * @param exitCode the exit code of the faulted run
     * @param findings what the folder audits found
     * @param note     a figure to show, e.g. bytes fetched over content; empty for none
     */
    record Cell(String row, String where, Outcome outcome, int exitCode, Folder.Findings findings, String note) {
    }

    private final Map<String, List<Cell>> rows = new LinkedHashMap<>();

    /** Adds a cell. */
    synchronized void add(Cell cell) {
        rows.computeIfAbsent(cell.row() + "\u0000" + cell.where(), k -> new ArrayList<>()).add(cell);
    }

    /** Corrupt, partial and lost files and leftovers over every cell. */
    synchronized int damage() {
        return rows.values().stream().flatMap(List::stream).mapToInt(c -> c.findings().corrupt()
                + c.findings().partial() + c.findings().lost() + c.findings().leftovers()).sum();
    }

    /** The table, ready to print, titled with its number of cells and {@code over}, what they ran over. */
    synchronized String render(String over) {
        String format = "%-58s %-7s %5s %8s %-18s %7s %7s %4s %8s %5s  %s%n";
        long total = rows.values().stream().mapToLong(List::size).sum();
        StringBuilder out = new StringBuilder("Fault matrix: " + total + " cells over " + over).append('\n');
        out.append(String.format(format, "FAULT", "WHERE", "CELLS", "SURVIVED", "CLEAN FAILURES", "CORRUPT",
                "PARTIAL", "LOST", "LEFTOVER", "WRONG", "NOTES"));
        List<Cell> all = new ArrayList<>();
        rows.values().forEach(cells -> {
            all.addAll(cells);
            line(out, format, cells.get(0).row(), cells.get(0).where(), cells);
        });
        line(out, format, "TOTAL", "", all);
        return out.toString();
    }

    private static void line(StringBuilder out, String format, String row, String where, List<Cell> cells) {
        long failed = count(cells, Outcome.FAILED_CLEANLY);
        TreeSet<Integer> codes = new TreeSet<>();
        cells.stream().filter(c -> c.outcome() == Outcome.FAILED_CLEANLY).forEach(c -> codes.add(c.exitCode()));
        String failures = failed == 0 ? "0" : failed + " (exit " + String.join("/", codes.stream()
                .map(String::valueOf).toList()) + ")";
        List<String> notes = cells.stream().map(Cell::note).filter(n -> !n.isEmpty()).toList();
        out.append(String.format(format, row, where, cells.size(), count(cells, Outcome.SURVIVED), failures,
                sum(cells, Folder.Findings::corrupt), sum(cells, Folder.Findings::partial),
                sum(cells, Folder.Findings::lost), sum(cells, Folder.Findings::leftovers),
                count(cells, Outcome.WRONG), String.join("; ", notes)));
    }

    private static long count(List<Cell> cells, Outcome outcome) {
        return cells.stream().filter(c -> c.outcome() == outcome).count();
    }

    private static int sum(List<Cell> cells, ToIntFunction<Folder.Findings> what) {
        return cells.stream().map(Cell::findings).mapToInt(what).sum();
    }
}
