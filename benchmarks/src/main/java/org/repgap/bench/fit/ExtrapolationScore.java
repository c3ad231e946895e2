package org.repgap.bench.fit;

import org.repgap.fit.Law;
import org.repgap.fit.LearningCurve;

/**
 * How the extrapolation benchmark ({@link ExtrapolationBenchmark}) splits a learning curve and scores a
 * law's prediction of the part it did not see.
 *
 * <p>Split: a law is fitted on the points with {@code x <= x_cut} and scored on those with {@code x > x_cut},
 * where the cut is a fraction {@code f} of the curve's x-range in log-x,
 * {@code x_cut = exp(ln x_min + f (ln x_max - ln x_min))}, as learning-curve extrapolation studies cut at an
 * anchor (Mohr &amp; van Rijn, "Learning Curves for Decision Making in Supervised Machine Learning: A Survey",
 * arXiv:2201.12150; Caballero et al. 2022, arXiv:2210.14891, fit BNSL on the smaller dataset sizes).
 *
 * <p>Score: the root mean squared logarithmic error on the held-out points,
 * {@code RMSLE = sqrt((1/m) sum_i (ln p_i - ln o_i)^2)}, with {@code p_i} the prediction and {@code o_i}
 * the observation (the mean over a point's replicates): the error BNSL's extrapolation script reports
 * ({@code bnsl_with_1_break__sle}), scale-free, so curves of losses of different size compare. A prediction
 * that is not positive and finite (a law extrapolated below zero or to NaN) has no logarithm and scores
 * {@code +infinity}: the law failed on that task.
 */
public final class ExtrapolationScore {
    private ExtrapolationScore() {
    }

    /**
     * The cut {@code exp(ln xMin + fraction (ln xMax - ln xMin))}.
     *
     * @param xMin     smallest x, {@code > 0}
     * @param xMax     largest x, {@code > xMin}
     * @param fraction share of the log-x range to fit on, in (0, 1)
     */
    public static double logCut(double xMin, double xMax, double fraction) {
        if (!(xMin > 0 && xMax > xMin && Double.isFinite(xMax))) {
            throw new IllegalArgumentException("x range [" + xMin + ", " + xMax + "]: need 0 < x_min < x_max < infinity");
        }
        if (!(fraction > 0 && fraction < 1)) {
            throw new IllegalArgumentException("fraction " + fraction + ": must be in (0, 1)");
        }
        return Math.exp(Math.log(xMin) + fraction * (Math.log(xMax) - Math.log(xMin)));
    }

    /**
     * {@code sqrt((1/m) sum (ln p_i - ln o_i)^2)}; {@code +infinity} when some {@code p_i} is not positive
     * and finite.
     *
     * @param predicted {@code p}, same length as {@code observed}, at least one value
     * @param observed  {@code o}, positive and finite
     */
    public static double rmsle(double[] predicted, double[] observed) {
        if (predicted.length != observed.length || observed.length == 0) {
            throw new IllegalArgumentException("predicted (" + predicted.length + ") and observed (" + observed.length
                    + ") must have the same, non-zero length");
        }
        double ss = 0;
        for (int i = 0; i < observed.length; i++) {
            if (!(observed[i] > 0 && Double.isFinite(observed[i]))) {
                throw new IllegalArgumentException("observed[" + i + "] = " + observed[i] + ": must be positive and finite");
            }
            if (!(predicted[i] > 0 && Double.isFinite(predicted[i]))) {
                return Double.POSITIVE_INFINITY;
            }
            double e = Math.log(predicted[i]) - Math.log(observed[i]);
            ss += e * e;
        }
        return Math.sqrt(ss / observed.length);
    }

    /** The RMSLE of {@code law} with parameters {@code params} at the points of {@code test} (observed: the mean of each point's replicates). */
    public static double rmsle(Law law, double[] params, LearningCurve test) {
        double[] p = new double[test.size()];
        double[] o = new double[test.size()];
        for (int j = 0; j < test.size(); j++) {
            p[j] = law.predict(params, test.x(j));
            o[j] = mean(test.values(j));
        }
        return rmsle(p, o);
    }

    /** The arithmetic mean. */
    static double mean(double[] v) {
        double s = 0;
        for (double t : v) {
            s += t;
        }
        return s / v.length;
    }

    /**
     * The median ({@code +infinity} entries allowed: they sort last; of an even count, the mean of the two
     * middle values).
     */
    public static double median(double[] values) {
        if (values.length == 0) {
            return Double.NaN;
        }
        double[] s = values.clone();
        java.util.Arrays.sort(s);
        int m = s.length / 2;
        return s.length % 2 == 1 ? s[m] : (s[m - 1] == s[m] ? s[m] : 0.5 * (s[m - 1] + s[m]));
    }
}
