package dev.tapedeck.sandbox;

/**
 * Reads a {@code Range} header against a representation length. Only single ranges are honoured ({@code bytes=N-},
 * {@code bytes=N-M}, {@code bytes=-S}); a multi-range or malformed header is ignored and the whole body is sent, as
 * RFC 9110 allows.
 */
final class Ranges {

    /** What to send: the whole body, one inclusive range, or 416. */
    record Outcome(boolean whole, boolean unsatisfiable, long first, long last) {
        static final Outcome WHOLE = new Outcome(true, false, 0, 0);
        static final Outcome UNSATISFIABLE = new Outcome(false, true, 0, 0);

        long count() {
            return last - first + 1;
        }
    }

    private Ranges() {
    }

    static Outcome parse(String header, long length) {
        if (header == null) {
            return Outcome.WHOLE;
        }
        String value = header.trim();
        if (!value.regionMatches(true, 0, "bytes=", 0, 6) || value.indexOf(',') >= 0) {
            return Outcome.WHOLE;
        }
        String spec = value.substring(6).trim();
        int dash = spec.indexOf('-');
        if (dash < 0) {
            return Outcome.WHOLE;
        }
        try {
            String from = spec.substring(0, dash).trim();
            String to = spec.substring(dash + 1).trim();
            if (from.isEmpty()) {
                long suffix = Long.parseLong(to);
                if (suffix <= 0 || length == 0) {
                    return Outcome.UNSATISFIABLE;
                }
                return new Outcome(false, false, Math.max(0, length - suffix), length - 1);
            }
            long first = Long.parseLong(from);
            long last = to.isEmpty() ? Long.MAX_VALUE : Long.parseLong(to);
            if (first < 0 || last < first) {
                return Outcome.WHOLE;
            }
            if (first >= length) {
                return Outcome.UNSATISFIABLE;
            }
            return new Outcome(false, false, first, Math.min(last, length - 1));
        } catch (NumberFormatException e) {
            return Outcome.WHOLE;
        }
    }
}
