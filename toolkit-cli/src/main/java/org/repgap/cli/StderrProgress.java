package org.repgap.cli;

import java.util.Locale;
import org.repgap.progress.Progress;

/**
 * Progress on stderr, shown only once the work has run for more than two seconds and at most a few
 * times per second, on one line rewritten with a carriage return. {@link #finish()} ends the line.
 */
final class StderrProgress implements Progress {
    private static final long QUIET_NANOS = 2_000_000_000L;
    private static final long INTERVAL_NANOS = 250_000_000L;
    private final long start = System.nanoTime();
    private long last;
    private boolean shown;

    @Override
    public synchronized void update(String task, long done, long total) {
        long now = System.nanoTime();
        if (now - start < QUIET_NANOS || (now - last < INTERVAL_NANOS && done < total)) {
            return;
        }
        last = now;
        shown = true;
        double secs = (now - start) / 1e9;
        String line = total > 0
                ? String.format(Locale.ROOT, "\r%s: %d/%d (%.0f%%) %.1fs", task, done, total, 100.0 * done / total, secs)
                : String.format(Locale.ROOT, "\r%s: %d %.1fs", task, done, secs);
        System.err.print(line + "   ");
        System.err.flush();
    }

    /** Ends the progress line if one was printed. */
    synchronized void finish() {
        if (shown) {
            System.err.println();
            shown = false;
        }
    }
}
