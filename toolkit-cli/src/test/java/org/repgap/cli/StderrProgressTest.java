package org.repgap.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Progress lines on a terminal and in a log (issue 12, defect 9), driven by a fake clock. */
class StderrProgressTest {
    private static final long SECOND = 1_000_000_000L;

    /** Updates every 0.1 s for 30 s of a 300-step task, then finish. */
    private static String run(boolean terminal) {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        AtomicLong now = new AtomicLong(0);
        StderrProgress p = new StderrProgress(new PrintStream(buf, true, StandardCharsets.UTF_8), terminal, now::get);
        for (int i = 1; i <= 300; i++) {
            now.set(i * SECOND / 10);
            p.update("search", i, 300);
        }
        p.finish();
        return buf.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aLogGetsPlainLinesEveryTenSecondsAndTheLastOne() {
        String log = run(false);
        assertFalse(log.contains("\r"), log);
        String[] lines = log.split("\n");
        // first line once 2 s have passed (at 2.0 s), then one per 10 s (12.0, 22.0), then the completing line at 30 s
        assertEquals(4, lines.length, log);
        assertEquals("search: 20/300 (7%) 2.0s", lines[0]);
        assertEquals("search: 120/300 (40%) 12.0s", lines[1]);
        assertEquals("search: 300/300 (100%) 30.0s", lines[3]);
    }

    @Test
    void aTerminalGetsOneRewrittenLine() {
        String out = run(true);
        assertEquals(1, out.chars().filter(c -> c == '\n').count(), "finish ends the one line");
        // 0.25 s apart from 2.0 s to 30 s: 2.0, 2.3 (0.3 >= 0.25), ... about 94 rewrites, and the completing one
        long rewrites = out.chars().filter(c -> c == '\r').count();
        assertTrue(rewrites > 80 && rewrites < 100, "rewrites: " + rewrites);
        assertTrue(out.stripTrailing().endsWith("search: 300/300 (100%) 30.0s"), out);
    }

    @Test
    void nothingForShortWork() {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        AtomicLong now = new AtomicLong(0);
        StderrProgress p = new StderrProgress(new PrintStream(buf, true, StandardCharsets.UTF_8), false, now::get);
        now.set(SECOND);
        p.update("search", 1, 1);
        p.finish();
        assertEquals("", buf.toString(StandardCharsets.UTF_8));
    }
}
