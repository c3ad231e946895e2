package org.repgap.id;

import java.util.Map;

/**
 * An intrinsic-dimension estimator: stateless, configured at construction by its {@code Options}
 * record, applied to an {@link IdContext} which supplies the points and the shared neighbour graph.
 * Run it through {@link IdEstimation} to get an {@link IdResult} with timing, bootstrap interval
 * and provenance.
 */
public interface IdEstimator {

    /** Lower-case name used on the command line and in results: {@code mle}, {@code twonn}, ... */
    String name();

    /** The settings, in a stable order, with the names used in JSON output. */
    Map<String, Object> parameters();

    /** The largest neighbour rank this estimator reads from the shared graph (0 if it needs none). */
    int neighbors();

    /**
     * Why this estimator cannot give a number on these data, seen before any neighbour search, or {@code null}:
     * {@link IdEstimators#select} leaves it out of {@code all} with this reason, and refuses it when named.
     */
    default String inapplicable(IdContext ctx) {
        return null;
    }

    /** Computes the estimate. Must not keep state between calls. */
    Estimate compute(IdContext ctx);

    /** The estimate as a result with timing and provenance, without bootstrap ({@link IdEstimation#run(IdEstimator, IdContext)}). */
    default IdResult estimate(IdContext ctx) {
        return IdEstimation.run(this, ctx);
    }
}
