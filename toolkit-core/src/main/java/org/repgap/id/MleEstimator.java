package org.repgap.id;

import java.util.LinkedHashMap;
import java.util.Map;
import org.repgap.InvalidInputException;
import org.repgap.neighbors.NeighborGraph;

/**
 * Levina-Bickel maximum-likelihood estimator with MacKay-Ghahramani averaging.
 *
 * <p>Pointwise (Hill estimator on the {@code k} nearest neighbours, {@code r_j(i)} the distance from
 * point {@code i} to its {@code j}-th neighbour):
 * <pre>  m_i = (k - 1) / S_i,   S_i = sum_{j=1..k} log(r_k(i) / r_j(i))</pre>
 * ({@code k - 2} instead of {@code k - 1} with {@code unbiased}). Combination {@code mle} (default,
 * MacKay and Ghahramani 2005): {@code d = 1 / mean_i(1/m_i) = N (k-1) / sum_i S_i}; {@code mean}
 * (Levina and Bickel 2004): the arithmetic mean of {@code m_i}; {@code median}.
 * Defaults {@code k = 20}, {@code mle}, as scikit-dimension 0.3.4 {@code MLE().fit(X)}.
 *
 * <p>Zero distances: a point with {@code r_1(i) = 0} has {@code S_i = infinity} (scikit-dimension then
 * returns {@code d = 0}); such points are skipped and counted in {@code excluded}. A point whose
 * {@code k} distances are all equal has {@code S_i = 0}, {@code m_i = infinity} (kept, as in the peers).
 *
 * <p>References: E. Levina, P. J. Bickel, NeurIPS 2004; D. J. C. MacKay, Z. Ghahramani, comment on
 * Levina-Bickel (2005), http://www.inference.org.uk/mackay/dimension/.
 */
public final class MleEstimator implements IdEstimator {

    /**
     * @param k           number of neighbours (at least 2; at least 3 with {@code unbiased})
     * @param combination how pointwise estimates combine
     * @param unbiased    use {@code k - 2} in the numerator (unbiased for a Poisson process)
     */
    public record Options(int k, Combination combination, boolean unbiased) {
        public Options {
            if (combination == null) {
                throw InvalidInputException.of("mle: the combination must be mean, median or mle");
            }
            int min = unbiased ? 3 : 2;
            if (!(k >= min)) {
                throw InvalidInputException.of("mle: k = %d neighbours, expected at least %d", k, min);
            }
        }

        /** k = 20, combination mle, not unbiased (scikit-dimension defaults). */
        public static Options defaults() {
            return new Options(20, Combination.MLE, false);
        }

        public Options withK(int newK) {
            return new Options(newK, combination, unbiased);
        }

        public Options withCombination(Combination c) {
            return new Options(k, c, unbiased);
        }
    }

    private final Options options;

    private MleEstimator(Options options) {
        this.options = options;
    }

    public static MleEstimator of(Options options) {
        return new MleEstimator(options);
    }

    public static MleEstimator withDefaults() {
        return of(Options.defaults());
    }

    public Options options() {
        return options;
    }

    @Override
    public String name() {
        return "mle";
    }

    @Override
    public Map<String, Object> parameters() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("k", options.k());
        p.put("comb", options.combination().label());
        p.put("unbiased", options.unbiased());
        return p;
    }

    @Override
    public int neighbors() {
        return options.k();
    }

    @Override
    public Estimate compute(IdContext ctx) {
        int k = options.k();
        NeighborGraph g = ctx.graph(k);
        int[] usable = IdContext.pointsWithPositiveDistance(g, 1);
        int m = usable.length;
        double numerator = options.unbiased() ? k - 2 : k - 1;
        double[] sums = new double[m];
        double[] local = new double[m];
        for (int u = 0; u < m; u++) {
            int i = usable[u];
            double rk = g.distance(i, k - 1);
            double s = 0;
            for (int j = 0; j < k - 1; j++) {
                s += Math.log(rk / g.distance(i, j));
            }
            sums[u] = s;
            local[u] = numerator / s;
        }
        Combination comb = options.combination();
        java.util.function.ToDoubleFunction<int[]> f = comb == Combination.MLE
                ? rows -> {
                    double total = 0;
                    for (int r : rows) {
                        total += sums[r];
                    }
                    return rows.length * numerator / total;
                }
                : rows -> comb.combine(local, rows);
        return Estimate.perPoint(g, k, usable, local, f);
    }
}
