package org.repgap.gap;

/**
 * One estimate of the Representation Gap {@code RG_n^G} (THEORY.md section 3): the mean of
 * {@code min_i d_G(x, x_i)^2} over evaluation points, totals over all coordinates.
 *
 * @param value            the mean squared orbit distance to the nearest training point
 * @param standardError    sample standard deviation of the squared distances over {@code sqrt(evaluationPoints)}, or {@code null} for a single point;
 *                         for leave-one-out the terms are weakly dependent (mutual nearest neighbours), so it is a
 *                         slight underestimate there
 * @param n                the training-set size the estimate refers to ({@code n} for a test set, {@code n - 1}
 *                         for leave-one-out on {@code n} points)
 * @param evaluationPoints number of squared distances averaged
 * @param method           {@code "test"} or {@code "leave-one-out"}
 * @param metric           name of the metric ({@code euclidean}, {@code orbit[...]}, {@code torus})
 * @param zeroDistances    evaluation points at distance 0 from their nearest training point (duplicates under
 *                         the metric); they are kept and count as 0, a true gap of zero
 */
public record GapEstimate(double value, Double standardError, int n, int evaluationPoints, String method, String metric,
                          int zeroDistances) {
}
