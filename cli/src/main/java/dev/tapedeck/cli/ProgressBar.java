package dev.tapedeck.cli;

import java.io.PrintStream;
import java.util.Locale;
import java.util.OptionalLong;

/**
 * A one-line progress bar redrawn in place with {@code \r} on stderr. Only drawn for a terminal: when disabled
 * every method does nothing, so redirected output and JSON Lines stay clean. Thread-safe; redraws at most ten
 * times a second so that fast downloads do not flood the terminal.
 */
final class ProgressBar {

    private static final int WIDTH = 24;
    private static final long REDRAW_NANOS = 100_000_000L;

    private final PrintStream err;
    private final boolean enabled;
    private long lastDraw;
    private int lastLength;

    ProgressBar(PrintStream err, boolean enabled) {
        this.err = err;
        this.enabled = enabled;
    }

    /** Whether anything is drawn. */
    boolean enabled() {
        return enabled;
    }

    /** Shows {@code done} of {@code total} (a bar and a percentage when the total is known) and {@code label}. */
    synchronized void update(String label, long done, OptionalLong total) {
        if (!enabled) {
            return;
        }
        long now = System.nanoTime();
        if (lastLength > 0 && now - lastDraw < REDRAW_NANOS) {
            return;
        }
        lastDraw = now;
        draw(render(label, done, total));
    }

    /** Removes the bar, leaving the line empty for whatever prints next. */
    synchronized void finish() {
        if (enabled && lastLength > 0) {
            err.print("\r" + " ".repeat(lastLength) + "\r");
            err.flush();
            lastLength = 0;
        }
    }

    /** The text of one frame, e.g. {@code [######------]  50%  1.5 MiB / 3.0 MiB  sess_0003}. */
    static String render(String label, long done, OptionalLong total) {
        StringBuilder line = new StringBuilder();
        if (total.isPresent() && total.getAsLong() > 0) {
            long all = total.getAsLong();
            double share = Math.min(1.0, (double) done / all);
            int filled = (int) Math.round(share * WIDTH);
            line.append('[').append("#".repeat(filled)).append("-".repeat(WIDTH - filled)).append("] ")
                    .append(String.format(Locale.ROOT, "%3d%%", Math.round(share * 100))).append("  ")
                    .append(TableOutput.bytes(done)).append(" / ").append(TableOutput.bytes(all));
        } else {
            line.append(TableOutput.bytes(done));
        }
        return line.append("  ").append(TerminalText.safe(label)).toString();
    }

    private void draw(String text) {
        String padded = text.length() < lastLength ? text + " ".repeat(lastLength - text.length()) : text;
        err.print("\r" + padded);
        err.flush();
        lastLength = text.length();
    }
}
