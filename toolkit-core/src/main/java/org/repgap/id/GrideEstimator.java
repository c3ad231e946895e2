package org.repgap.id;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.repgap.InvalidInputException;
import org.repgap.neighbors.NeighborGraph;
import org.repgap.stats.Bootstrap;

/**
 * GRIDE, the generalised ratio estimator (Denti, Doimo, Laio and Mira, Sci. Rep. 12, 20005 (2022),
 * doi:10.1038/s41598-022-20991-1), as DADApy's {@code return_id_scaling_gride}.
 *
 * <p>For ranks {@code n1 < n2 = 2 n1}, the ratios {@code mu_i = r_{n2}(i) / r_{n1}(i)} have density
 * {@code d (mu^d - 1)^(n2-n1-1) / (B(n2-n1, n1) mu^((n2-1)d+1))}. DADApy's procedure, reproduced:
 * <ol>
 *   <li>{@code mu = 1} becomes {@code 1 + 10 eps} (float64 eps);</li>
 *   <li>ratios {@code mu >= q50 + 20 (q95 - q50)} are dropped (percentiles with linear interpolation),
 *   {@code N'} remain;</li>
 *   <li>{@code d} solves {@code g(d) = sum_i [(1 - n2 + n1) / max(1 - mu_i^-d, 2 eps) + n2 - 1] log mu_i - (N'-1)/d = 0}
 *   by bisection on {@code [d0, d1]} until the bracket is narrower than {@code tolerance};</li>
 *   <li>standard error {@code 1 / sqrt(N/d^2 + (n2-n1-1) sum_i (log mu_i)^2 mu_i^-d / max(1 - mu_i^-d, 5 eps)^2)}
 *   over all {@code N} ratios (Fisher information).</li>
 * </ol>
 * Scale analysis: {@link #scaling(int, int)} gives one estimator per {@code n1 = 1, 2, 4, ...}.
 * Defaults as DADApy: {@code d0 = 0.001}, {@code d1 = 1000}, tolerance {@code 1e-7}.
 *
 * <p>Zero distances: DADApy replaces them by {@code eps}, which makes huge ratios (ID near 0 at
 * {@code n1 = 1} with duplicates); here points with {@code r_{n1}(i) = 0} are skipped ({@code excluded}).
 */
public final class GrideEstimator implements IdEstimator {
    private static final double EPS = Math.ulp(1.0);

    /**
     * @param n1        the smaller rank (the larger is {@code 2 n1})
     * @param d0        lower end of the bisection bracket
     * @param d1        upper end of the bisection bracket
     * @param tolerance bisection stops when the bracket is narrower than this
     */
    public record Options(int n1, double d0, double d1, double tolerance) {
        public Options {
            if (!(n1 >= 1)) {
                throw InvalidInputException.of("gride: n1 = %d, expected a rank of at least 1", n1);
            }
            if (!(d0 > 0 && d1 > d0 && Double.isFinite(d1))) {
                throw InvalidInputException.of("gride: bracket [%s, %s], expected 0 < d0 < d1 < infinity", d0, d1);
            }
            if (!(tolerance > 0)) {
                throw InvalidInputException.of("gride: tolerance = %s, expected a positive value", tolerance);
            }
        }

        /** n1 = 1 and DADApy's bracket and tolerance. */
        public static Options defaults() {
            return new Options(1, 0.001, 1000, 1e-7);
        }

        public Options withN1(int rank) {
            return new Options(rank, d0, d1, tolerance);
        }
    }

    /** DADApy's default largest rank of the scale analysis. */
    public static final int DEFAULT_RANGE_MAX = 64;

    private final Options options;

    private GrideEstimator(Options options) {
        this.options = options;
    }

    public static GrideEstimator of(Options options) {
        return new GrideEstimator(options);
    }

    public static GrideEstimator withDefaults() {
        return of(Options.defaults());
    }

    /**
     * The scale analysis: estimators for {@code n1 = 2^i}, {@code i = 0 .. floor(log2(R)) - 1}, with
     * {@code R = min(n - 1, rangeMax)} (DADApy uses {@code min(n, rangeMax)} ranks counting the point itself).
     */
    public static List<GrideEstimator> scaling(int rangeMax, int n) {
        int maxRank = Math.min(n - 1, rangeMax);
        List<GrideEstimator> out = new ArrayList<>();
        for (int n1 = 1; 2 * n1 <= maxRank; n1 *= 2) {
            out.add(of(Options.defaults().withN1(n1)));
        }
        if (out.isEmpty()) {
            throw InvalidInputException.of("gride: %d points are too few for the scale analysis (need at least 3)", n);
        }
        return out;
    }

    @Override
    public String name() {
        return "gride";
    }

    @Override
    public Map<String, Object> parameters() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("n1", options.n1());
        p.put("n2", 2 * options.n1());
        p.put("d0", options.d0());
        p.put("d1", options.d1());
        p.put("tolerance", options.tolerance());
        return p;
    }

    @Override
    public int neighbors() {
        return 2 * options.n1();
    }

    /** Fewer than {@link TwoNnEstimator#MIN_POINTS} distinct points: the ratio at {@code n1 = 1} is TwoNN's. */
    @Override
    public String inapplicable(IdContext ctx) {
        return TwoNnEstimator.tooFewPoints(ctx.n());
    }

    @Override
    public Estimate compute(IdContext ctx) {
        int n1 = options.n1();
        int n2 = 2 * n1;
        NeighborGraph g = ctx.graph(n2);
        int[] usable = IdContext.pointsWithPositiveDistance(g, n1);
        int m = usable.length;
        double[] mus = new double[m];
        for (int u = 0; u < m; u++) {
            int i = usable[u];
            double mu = g.distance(i, n2 - 1) / g.distance(i, n1 - 1);
            mus[u] = mu == 1 ? mu + 10 * EPS : mu;
        }
        java.util.function.ToDoubleFunction<int[]> f = rows -> {
            double[] v = new double[rows.length];
            for (int r = 0; r < rows.length; r++) {
                v[r] = mus[rows[r]];
            }
            return estimate(v, n1, n2);
        };
        double d = m < 2 ? Double.NaN : f.applyAsDouble(Combination.all(m));
        Double se = null;
        if (Double.isFinite(d)) {
            se = 1 / Math.sqrt(fisherInformation(d, mus, n1, n2));
        }
        return new Estimate(d, se, "n1=" + n1 + ",n2=" + n2, Estimate.meanDistance(g, usable, n1, n2), m, g.n() - m, null, f, m, Estimate.PER_POINT);
    }

    /** Filter, then bisection; {@code mus} (already with {@code mu = 1} moved) is not modified. */
    double estimate(double[] mus, int n1, int n2) {
        double[] sorted = mus.clone();
        Arrays.sort(sorted);
        double q95 = Bootstrap.quantile(sorted, 0.95);
        double q50 = Bootstrap.quantile(sorted, 0.50);
        double muMax = 20 * (q95 - q50) + q50;
        int kept = 0;
        double[] logMu = new double[mus.length];
        double[] muKept = new double[mus.length];
        for (double mu : mus) {
            if (mu < muMax) {
                muKept[kept] = mu;
                logMu[kept] = Math.log(mu);
                kept++;
            }
        }
        double[] mk = Arrays.copyOf(muKept, kept);
        double[] lk = Arrays.copyOf(logMu, kept);
        double lo = options.d0();
        double hi = options.d1();
        double l1 = derivative(hi, mk, lk, n1, n2);
        while (Math.abs(lo - hi) > options.tolerance()) {
            double mid = (lo + hi) / 2.0;
            double l2 = derivative(mid, mk, lk, n1, n2);
            if (l2 * l1 > 0) {
                hi = mid;
            } else {
                lo = mid;
            }
        }
        return (lo + hi) / 2.0;
    }

    /** The derivative of the log-likelihood in {@code d} (up to sign), DADApy's {@code _neg_dloglik_did}. */
    private static double derivative(double d, double[] mus, double[] logMu, int n1, int n2) {
        double s = 0;
        for (int i = 0; i < mus.length; i++) {
            double one = 1.0 - Math.pow(mus[i], -d);
            if (one < 2 * EPS) {
                one = 2 * EPS;
            }
            s += ((1 - n2 + n1) / one + n2 - 1.0) * logMu[i];
        }
        return s - (mus.length - 1) / d;
    }

    /** Fisher information of {@code d} over all ratios (DADApy's {@code _fisher_info_scaling}). */
    static double fisherInformation(double d, double[] mus, int n1, int n2) {
        double j1 = 0;
        for (double mu : mus) {
            double p = Math.pow(mu, -d);
            double one = Math.max(1.0 - p, 5 * EPS);
            double f = Math.log(mu) / one;
            j1 += f * f * p;
        }
        return mus.length / (d * d) + (n2 - n1 - 1) * j1;
    }
}
