package org.repgap.progress;

/**
 * Receives progress of long work (neighbour search, bootstrap, sweeps, training). Core code calls
 * it; the command line prints it on stderr once work has taken more than about two seconds.
 * Implementations must be thread-safe: workers may report concurrently.
 */
@FunctionalInterface
public interface Progress {

    /** Ignores everything. */
    Progress NONE = (task, done, total) -> { };

    /**
     * @param task  what is being done, e.g. {@code "20-NN search"}
     * @param done  units finished so far
     * @param total units in all ({@code <= 0} when unknown)
     */
    void update(String task, long done, long total);
}
