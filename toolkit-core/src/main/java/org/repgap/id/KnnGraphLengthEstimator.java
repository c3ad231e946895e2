package org.repgap.id;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.repgap.InvalidInputException;
import org.repgap.neighbors.NeighborGraph;
import org.repgap.stats.NumpyRandomState;

/**
 * The k-NN graph-length estimator (J. A. Costa, A. O. Hero, IEEE Trans. Signal Process. 52 (2004),
 * doi:10.1109/TSP.2004.831130; K. M. Carter, R. Raich, A. O. Hero, IEEE Trans. Signal Process. 58 (2010),
 * doi:10.1109/TSP.2009.2031722), as scikit-dimension 0.3.4 {@code KNN().fit(X)} (Johnsson's simplified version,
 * no block bootstrap).
 *
 * <p>The total edge length of the {@code k}-NN graph of {@code p} points of a {@code d}-dimensional manifold,
 * with edges weighted by {@code |e|^gamma}, grows as {@code L_p ~ c p^alpha}, {@code alpha = (d - gamma) / d}.
 * For each sample size {@code p} in {@code ps} and replicate {@code j < M}, {@code p} indices are drawn
 * <em>with replacement</em> and {@code L_pj = sum_l sum_{j=1..k} r_j(l)^gamma} over the sample's own
 * {@code k}-NN graph (a point drawn twice is its own neighbour at distance 0, as in the peer). For each
 * candidate {@code m = 1..D} ({@code D} the ambient dimension), with {@code a = (m - gamma) / m}:
 * <pre>  c_m = sum_p p^a sum_j L_pj / (M sum_p p^(2a)),   eps_m = sum_{p,j} (L_pj - c_m p^a)^2</pre>
 * and the estimate is the integer {@code argmin_m eps_m} (the first on ties).
 *
 * <p>Defaults as scikit-dimension: {@code k = 2}, {@code ps = k+1 .. k+4}, {@code M = 1}, {@code gamma = 2}.
 * The peer draws its indices from numpy's global generator; here they come from {@link NumpyRandomState}
 * with the {@code seed} option (default 0), so seed {@code s} gives exactly what
 * {@code np.random.seed(s); KNN().fit(X)} gives. With the default sample sizes (3 to 6 points) the estimate
 * is mostly noise: use larger {@code ps} and {@code M} for a meaningful value. The sample graphs are computed by
 * the context's neighbour search, so an orbit metric works; {@code D} is still the ambient dimension.
 */
public final class KnnGraphLengthEstimator implements IdEstimator {

    /**
     * @param k     neighbours in each sample's graph (at least 1)
     * @param ps    sample sizes, each larger than {@code k} (checked against {@code n} when run)
     * @param m     replicates per sample size (at least 1)
     * @param gamma edge-length exponent (positive)
     * @param seed  seed of the numpy-compatible generator, 0 to 2^31 - 1
     */
    public record Options(int k, List<Integer> ps, int m, double gamma, long seed) {
        public Options {
            if (!(k >= 1)) {
                throw InvalidInputException.of("knn: k = %d neighbours, expected at least 1", k);
            }
            ps = List.copyOf(ps);
            if (ps.isEmpty()) {
                throw InvalidInputException.of("knn: no sample size given, expected at least one larger than k = %d", k);
            }
            for (int p : ps) {
                if (!(p > k)) {
                    throw InvalidInputException.of("knn: sample size %d, expected every sample size larger than k = %d", p, k);
                }
            }
            if (!(m >= 1)) {
                throw InvalidInputException.of("knn: M = %d replicates, expected at least 1", m);
            }
            if (!(gamma > 0 && Double.isFinite(gamma))) {
                throw InvalidInputException.of("knn: gamma = %s, expected a positive number", gamma);
            }
            if (!(seed >= 0 && seed <= Integer.MAX_VALUE)) {
                throw InvalidInputException.of("knn: seed %d, expected 0 to 2147483647", seed);
            }
        }

        /** k = 2, ps = 3, 4, 5, 6, M = 1, gamma = 2 (scikit-dimension defaults), seed 0. */
        public static Options defaults() {
            return new Options(2, List.of(3, 4, 5, 6), 1, 2, 0);
        }

        /** This k with scikit-dimension's default sample sizes {@code k+1 .. k+4}. */
        public Options withK(int newK) {
            return new Options(newK, List.of(newK + 1, newK + 2, newK + 3, newK + 4), m, gamma, seed);
        }

        public Options withSampleSizes(List<Integer> newPs, int replicates) {
            return new Options(k, newPs, replicates, gamma, seed);
        }

        public Options withSeed(long newSeed) {
            return new Options(k, ps, m, gamma, newSeed);
        }
    }

    private final Options options;

    private KnnGraphLengthEstimator(Options options) {
        this.options = options;
    }

    public static KnnGraphLengthEstimator of(Options options) {
        return new KnnGraphLengthEstimator(options);
    }

    public static KnnGraphLengthEstimator withDefaults() {
        return of(Options.defaults());
    }

    @Override
    public String name() {
        return "knn";
    }

    @Override
    public Map<String, Object> parameters() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("k", options.k());
        p.put("ps", options.ps());
        p.put("M", options.m());
        p.put("gamma", options.gamma());
        p.put("seed", options.seed());
        return p;
    }

    /** None from the shared graph: each sample has its own. */
    @Override
    public int neighbors() {
        return 0;
    }

    /** A sample size larger than the number of distinct points ({@code all} used to fail on 3 points instead of skipping knn). */
    @Override
    public String inapplicable(IdContext ctx) {
        int largest = options.ps().stream().mapToInt(Integer::intValue).max().orElse(0);
        return largest > ctx.n() ? String.format(Locale.ROOT, "sample size %d exceeds the %d distinct points", largest, ctx.n())
                : null;
    }

    @Override
    public Estimate compute(IdContext ctx) {
        double d = dimension(ctx);
        String scale = String.format(Locale.ROOT, "k=%d,ps=%s,M=%d", options.k(), options.ps(), options.m());
        return new Estimate(d, null, scale, null, ctx.n(), 0, null,
                rows -> dimension(IdEstimation.distinctSubset(ctx, rows)), ctx.n(), Estimate.DISTINCT_POINTS);
    }

    private double dimension(IdContext ctx) {
        int n = ctx.n();
        List<Integer> ps = options.ps();
        int q = ps.size();
        int reps = options.m();
        for (int p : ps) {
            if (p > n) {
                throw InvalidInputException.of("%s: knn sample size %d exceeds the %d points", ctx.input().source(), p, n);
            }
        }
        NumpyRandomState random = NumpyRandomState.seeded(options.seed());
        double[][] length = new double[q][reps];
        for (int i = 0; i < q; i++) {
            for (int j = 0; j < reps; j++) {
                int[] sample = random.indices(n, ps.get(i));
                NeighborGraph g = ctx.search().allKnn(ctx.points().select(sample), options.k());
                double s = 0;
                for (int l = 0; l < g.n(); l++) {
                    for (int r = 0; r < g.k(); r++) {
                        s += Math.pow(g.distance(l, r), options.gamma());
                    }
                }
                length[i][j] = s;
            }
        }
        double best = Double.NaN;
        int argmin = 0;
        for (int m = 1; m <= ctx.dim(); m++) {
            double a = (m - options.gamma()) / m;
            double num = 0;
            double den = 0;
            double[] pa = new double[q];
            for (int i = 0; i < q; i++) {
                pa[i] = Math.pow(ps.get(i), a);
                num += pa[i] * Arrays.stream(length[i]).sum();
                den += pa[i] * pa[i];
            }
            double c = num / (den * reps);
            double eps = 0;
            for (int i = 0; i < q; i++) {
                for (int j = 0; j < reps; j++) {
                    double e = length[i][j] - c * pa[i];
                    eps += e * e;
                }
            }
            if (argmin == 0 || eps < best || (Double.isNaN(eps) && !Double.isNaN(best))) {
                best = eps;
                argmin = m;
            }
        }
        return argmin;
    }
}
