package org.repgap.neighbors;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;
import org.repgap.InvalidInputException;
import org.repgap.data.PointCloud;
import org.repgap.progress.Progress;

/** Argument checks, progress counting and block-parallel loops shared by the searches. */
final class SearchSupport {
    private SearchSupport() {
    }

    /** Checks a query search: {@code 1 <= k <= data.n()} and equal dimensions. */
    static void checkQuery(PointCloud data, PointCloud queries, int k) {
        if (k < 1 || k > data.n()) {
            throw InvalidInputException.of("k = %d must be between 1 and the %d data points of %s", k, data.n(), data.source());
        }
        if (data.dim() != queries.dim()) {
            throw InvalidInputException.of("%s has dimension %d but %s has %d", queries.source(), queries.dim(),
                    data.source(), data.dim());
        }
    }

    /**
     * Runs {@code body} for blocks {@code 0 .. blocks-1} in parallel (common fork-join pool) and
     * reports {@code unitsOf(block)} units of progress after each block.
     */
    static void parallelBlocks(int blocks, IntConsumer body, Progress progress, String task, long totalUnits,
            java.util.function.IntToLongFunction unitsOf) {
        AtomicLong done = new AtomicLong();
        IntStream.range(0, blocks).parallel().forEach(b -> {
            body.accept(b);
            report(progress, task, done, unitsOf.applyAsLong(b), totalUnits);
        });
    }

    /**
     * Adds {@code units} to {@code done} and reports the new count, under one lock so that reports from parallel
     * workers arrive in increasing order (else a "done" could be followed by a smaller count, which a log prints
     * as a step backwards after the completed line). Reports come once per block, so the lock is not contended.
     */
    static void report(Progress progress, String task, AtomicLong done, long units, long totalUnits) {
        synchronized (done) {
            progress.update(task, done.addAndGet(units), totalUnits);
        }
    }
}
