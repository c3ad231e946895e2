package org.repgap.id;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.repgap.InvalidInputException;
import org.repgap.neighbors.NeighborGraph;

/**
 * TwoNN (Facco, d'Errico, Rodriguez and Laio, Sci. Rep. 7, 12140 (2017), doi:10.1038/s41598-017-11873-y).
 *
 * <p>With {@code mu_i = r_2(i) / r_1(i)}, the ratios follow the Pareto law {@code P(mu) = d mu^(-d-1)},
 * so {@code -log(1 - F(mu)) = d log mu}.
 * <ul>
 *   <li>{@code fit = linear} (default, as scikit-dimension {@code TwoNN()} and DADApy
 *   {@code compute_id_2NN()}): sort the {@code N} ratios, keep the smallest
 *   {@code m = floor(N (1 - discard))}, set {@code x_i = log mu_(i)}, {@code y_i = -log(1 - i/N)}
 *   ({@code i = 1..m}, denominator {@code N}) and fit {@code y = d x} through the origin:
 *   {@code d = sum x_i y_i / sum x_i^2}.</li>
 *   <li>{@code fit = ml} (DADApy {@code algorithm='ml'}): {@code d = (N - 1) / sum_i log mu_i}, all ratios.</li>
 * </ul>
 * Asymptotic standard error {@code d / sqrt(N)} (the maximum-likelihood estimator's; Facco et al. 2017).
 *
 * <p>Zero distances: points with {@code r_1(i) = 0} (a duplicate under the metric) have no finite
 * ratio and are skipped ({@code excluded}); the peers keep them as {@code mu = inf} and are biased.
 * (A point whose two nearest neighbours are copies of each other still gets {@code mu = 1}: only
 * {@link DuplicatePolicy#DEDUPLICATE}, the default, removes that bias.)
 */
public final class TwoNnEstimator implements IdEstimator {

    /** The two ways of estimating {@code d} from the ratios. */
    public enum Fit {
        LINEAR, ML;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Fit parse(String s) {
            for (Fit f : values()) {
                if (f.label().equalsIgnoreCase(s == null ? "" : s.trim())) {
                    return f;
                }
            }
            throw InvalidInputException.of("twonn: fit '%s', expected linear or ml", s);
        }
    }

    /**
     * @param discardFraction fraction of the largest ratios left out of the linear fit, in [0, 1)
     * @param fit             linear fit through the origin, or maximum likelihood
     */
    public record Options(double discardFraction, Fit fit) {
        public Options {
            if (!(discardFraction >= 0 && discardFraction < 1)) {
                throw InvalidInputException.of("twonn: discard fraction = %s, expected a value in [0, 1)", discardFraction);
            }
            if (fit == null) {
                throw InvalidInputException.of("twonn: the fit must be linear or ml");
            }
        }

        /** Discard 10%, linear fit (scikit-dimension and DADApy defaults). */
        public static Options defaults() {
            return new Options(0.1, Fit.LINEAR);
        }

        public Options withFit(Fit f) {
            return new Options(discardFraction, f);
        }
    }

    /**
     * Fewest distinct points from which TwoNN (and GRIDE, whose first scale is the same ratio) gives an estimate: 11.
     * Under the model {@code 2 d sum_i log mu_i ~ chi^2(2N)}, so the maximum-likelihood estimate
     * {@code (N - 1) / sum_i log mu_i} is unbiased with relative standard error {@code 1 / sqrt(N - 2)}: 100% at
     * {@code N = 3} (where the linear fit printed 2.44 with exit 0, issue 12, defect 11), 50% at 6, and at most 1/3
     * from {@code N = 11}, where the exact 95% interval is {@code [0.55, 1.84]} times the estimate. Below this a
     * number would say more than the data can.
     */
    public static final int MIN_POINTS = 11;

    /** Why a ratio estimator gives no estimate from {@code n} distinct points ({@link #MIN_POINTS}), or {@code null}. */
    static String tooFewPoints(int n) {
        if (n >= MIN_POINTS) {
            return null;
        }
        return String.format(Locale.ROOT, "%d distinct points are too few: at least %d are needed, since the ratio statistic "
                + "of N points has a relative standard error of 1/sqrt(N - 2) (%.0f%% here, at most 1/3 from N = %d)",
                n, MIN_POINTS, n > 2 ? 100 / Math.sqrt(n - 2) : 100.0, MIN_POINTS);
    }

    private final Options options;

    private TwoNnEstimator(Options options) {
        this.options = options;
    }

    public static TwoNnEstimator of(Options options) {
        return new TwoNnEstimator(options);
    }

    public static TwoNnEstimator withDefaults() {
        return of(Options.defaults());
    }

    @Override
    public String name() {
        return "twonn";
    }

    @Override
    public Map<String, Object> parameters() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("fit", options.fit().label());
        if (options.fit() == Fit.LINEAR) {
            p.put("discard_fraction", options.discardFraction());
        }
        return p;
    }

    @Override
    public int neighbors() {
        return 2;
    }

    /** Fewer than {@link #MIN_POINTS} distinct points. */
    @Override
    public String inapplicable(IdContext ctx) {
        return tooFewPoints(ctx.n());
    }

    @Override
    public Estimate compute(IdContext ctx) {
        NeighborGraph g = ctx.graph(2);
        int[] usable = IdContext.pointsWithPositiveDistance(g, 1);
        int m = usable.length;
        double[] logMu = logRatios(g, usable);
        java.util.function.ToDoubleFunction<int[]> f = options.fit() == Fit.ML
                ? rows -> maximumLikelihood(logMu, rows)
                : rows -> linearFit(logMu, rows, options.discardFraction());
        double d = m < 2 ? Double.NaN : f.applyAsDouble(Combination.all(m));
        Double se = Double.isFinite(d) ? d / Math.sqrt(m) : null;
        return new Estimate(d, se, "k=1,2", Estimate.meanDistance(g, usable, 1, 2), m, g.n() - m, null, f, m, Estimate.PER_POINT);
    }

    /** {@code log mu_i = log(r_2(i) / r_1(i))} of the {@code usable} points of a 2-NN graph. */
    static double[] logRatios(NeighborGraph g, int[] usable) {
        double[] logMu = new double[usable.length];
        for (int u = 0; u < usable.length; u++) {
            int i = usable[u];
            logMu[u] = Math.log(g.distance(i, 1) / g.distance(i, 0));
        }
        return logMu;
    }

    /** {@code (N - 1) / sum log mu}. */
    static double maximumLikelihood(double[] logMu, int[] rows) {
        double s = 0;
        for (int r : rows) {
            s += logMu[r];
        }
        return (rows.length - 1) / s;
    }

    /** Least squares through the origin of {@code -log(1 - i/N)} on the sorted {@code log mu}, largest discarded. */
    static double linearFit(double[] logMu, int[] rows, double discard) {
        int n = rows.length;
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = logMu[rows[i]];
        }
        Arrays.sort(x);
        int keep = (int) (n * (1 - discard));
        double sxy = 0;
        double sxx = 0;
        for (int i = 0; i < keep; i++) {
            double y = -Math.log(1 - (double) (i + 1) / n);
            sxy += x[i] * y;
            sxx += x[i] * x[i];
        }
        return sxy / sxx;
    }
}
