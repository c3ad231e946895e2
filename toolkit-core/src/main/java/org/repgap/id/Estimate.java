package org.repgap.id;

import java.util.Objects;
import java.util.function.ToDoubleFunction;

/**
 * What an estimator computes on one data set, before {@link IdEstimation} adds timing,
 * bootstrap interval and provenance to make an {@link IdResult}.
 *
 * @param dimension     the estimate (NaN when undefined on these data)
 * @param standardError the estimator's own asymptotic standard error, or {@code null} when it has none
 * @param scale         the scale the estimate refers to, e.g. {@code "k=20"} or {@code "n1=2,n2=4"}
 * @param scaleDistance the same scale as a distance: the mean over the points used of their neighbour
 *                      distances at the ranks used (DADApy's {@code rs}), or {@code null} (global PCA)
 * @param used          number of points that entered the estimate
 * @param excluded      number of points skipped because a needed neighbour distance was 0
 * @param pointwise     per-point estimates indexed like {@link IdContext#points()} (NaN for skipped
 *                      points), or {@code null} when the estimator defines none
 * @param resampler     the bootstrap: maps {@code units} indices drawn with replacement from
 *                      {@code 0..units-1} to a replicate of the estimate
 * @param units         number of resampling units (points or per-point statistics)
 * @param bootstrapMethod how {@code resampler} resamples, for the record
 */
public record Estimate(double dimension, Double standardError, String scale, Double scaleDistance, int used, int excluded,
                       double[] pointwise, ToDoubleFunction<int[]> resampler, int units, String bootstrapMethod) {

    /** Resampling of per-point statistics: the neighbour graph is not recomputed and no duplicate point is created. */
    public static final String PER_POINT = "per-point statistics";
    /**
     * Resampling points with replacement and keeping the distinct ones (no zero distances are created);
     * the interval is re-centred on the estimate (see {@link IdEstimation}).
     */
    public static final String DISTINCT_POINTS = "distinct points of a resample, interval re-centred";
    /** Resampling points with replacement (duplicates are harmless to the estimator). */
    public static final String POINTS = "points";

    public Estimate {
        Objects.requireNonNull(scale, "scale");
        Objects.requireNonNull(resampler, "resampler");
        Objects.requireNonNull(bootstrapMethod, "bootstrapMethod");
        pointwise = pointwise == null ? null : pointwise.clone();
    }

    /**
     * The result of a local estimator at scale {@code k}: {@code local[u]} is the estimate at point
     * {@code usable[u]} (the others were skipped for a zero distance and get NaN pointwise), {@code combine}
     * maps indices into {@code local} (all of them, or a bootstrap draw) to a global estimate, and the
     * bootstrap resamples these per-point values.
     */
    static Estimate perPoint(org.repgap.neighbors.NeighborGraph g, int k, int[] usable, double[] local,
                             ToDoubleFunction<int[]> combine) {
        double[] pointwise = new double[g.n()];
        java.util.Arrays.fill(pointwise, Double.NaN);
        for (int u = 0; u < usable.length; u++) {
            pointwise[usable[u]] = local[u];
        }
        int m = usable.length;
        double d = m == 0 ? Double.NaN : combine.applyAsDouble(Combination.all(m));
        return new Estimate(d, null, "k=" + k, meanDistance(g, usable, k), m, g.n() - m, pointwise, combine, m, PER_POINT);
    }

    /** Mean over {@code rows} of the graph distances at the given ranks (from 1): the scale as a distance. */
    static Double meanDistance(org.repgap.neighbors.NeighborGraph g, int[] rows, int... ranks) {
        if (rows.length == 0) {
            return null;
        }
        double s = 0;
        for (int i : rows) {
            for (int r : ranks) {
                s += g.distance(i, r - 1);
            }
        }
        return s / ((double) rows.length * ranks.length);
    }

    @Override
    public double[] pointwise() {
        return pointwise == null ? null : pointwise.clone();
    }
}
