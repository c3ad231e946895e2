package org.repgap.cli;

import java.io.PrintStream;
import java.util.Locale;
import java.util.function.LongSupplier;
import org.repgap.progress.Progress;

/**
 * Progress on stderr, shown only once the work has run for more than two seconds. On a terminal it
 * is one line rewritten with a carriage return at most four times a second, and {@link #finish()}
 * ends the line. Elsewhere (stderr redirected to a file or a pipe, CI logs) it prints plain lines
 * without carriage returns, at most one every ten seconds plus the line that completes a task, so
 * that a log holds a readable history and not one long line of overwritten updates.
 *
 * <p>Whether stderr is a terminal is judged by {@link System#console()}, which Java 17 returns only
 * when the process is attached to an interactive terminal; a terminal with stderr alone redirected
 * is taken as a terminal (the JDK cannot tell them apart).
 */
final class StderrProgress implements Progress {
    private static final long QUIET_NANOS = 2_000_000_000L;
    private static final long TERMINAL_INTERVAL_NANOS = 250_000_000L;
    /** Interval of plain progress lines when stderr is not a terminal. */
    static final long LOG_INTERVAL_NANOS = 10_000_000_000L;
    private final PrintStream err;
    private final boolean terminal;
    private final LongSupplier clock;
    private final long start;
    private long last;
    private boolean shown;

    StderrProgress() {
        this(System.err, System.console() != null, System::nanoTime);
    }

    /**
     * @param err      where progress goes; {@code null}: nowhere ({@code --quiet}, {@link ProgressOption})
     * @param terminal whether to rewrite one line with carriage returns (else plain lines, slower)
     * @param clock    nanosecond clock
     */
    StderrProgress(PrintStream err, boolean terminal, LongSupplier clock) {
        this.err = err;
        this.terminal = terminal;
        this.clock = clock;
        this.start = clock.getAsLong();
        this.last = start;
    }

    @Override
    public synchronized void update(String task, long done, long total) {
        if (err == null) {
            return;
        }
        long now = clock.getAsLong();
        long interval = terminal ? TERMINAL_INTERVAL_NANOS : LOG_INTERVAL_NANOS;
        boolean complete = total > 0 && done >= total;
        if (now - start < QUIET_NANOS || (shown && now - last < interval && !complete)) {
            return;
        }
        last = now;
        double secs = (now - start) / 1e9;
        String line = total > 0
                ? String.format(Locale.ROOT, "%s: %d/%d (%.0f%%) %.1fs", task, done, total, 100.0 * done / total, secs)
                : String.format(Locale.ROOT, "%s: %d %.1fs", task, done, secs);
        if (terminal) {
            err.print("\r" + line + "   ");
            shown = true;
        } else {
            err.println(line);
            shown = !complete;
        }
        err.flush();
    }

    /** Ends the progress line if one was printed (on a terminal). */
    synchronized void finish() {
        if (shown && terminal) {
            err.println();
        }
        shown = false;
    }
}
