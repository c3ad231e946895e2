package org.repgap.id;

import java.util.LinkedHashMap;
import java.util.Map;
import org.repgap.InvalidInputException;
import org.repgap.neighbors.NeighborGraph;

/**
 * Manifold-adaptive dimension estimation, MADA (A. M. Farahmand, C. Szepesvari, J.-Y. Audibert, ICML 2007,
 * doi:10.1145/1273496.1273530), as scikit-dimension 0.3.4 {@code MADA().fit(X)}.
 *
 * <p>The probability mass of a ball of radius {@code r} around a point grows as {@code r^d}, so doubling
 * the mass from {@code floor(k/2)} to {@code k} neighbours multiplies the radius by {@code 2^(1/d)}:
 * <pre>  ID_i = log 2 / log(r_k(i) / r_{floor(k/2)}(i))</pre>
 * combined by mean (default) or median. Default {@code k = 20} (so ranks 10 and 20).
 *
 * <p>scikit-dimension builds the full {@code n x n} distance matrix, replaces its zeros (the diagonal and
 * duplicates) by the largest distance and sorts each column; on distinct points its ranks are exactly the
 * neighbour ranks of the shared graph, which is what is read here (no {@code n^2} matrix). Zero distances
 * (duplicates under {@link DuplicatePolicy#KEEP}, or an orbit metric): points with {@code r_{floor(k/2)}(i) = 0}
 * are skipped and counted in {@code excluded}; scikit-dimension instead skips the zero-distance neighbours
 * themselves (ranks counted among positive distances). Both leave the estimate nearly unchanged on data
 * with few duplicates. A point with {@code r_k = r_{floor(k/2)}} has {@code ID_i = infinity}, as in the peer.
 */
public final class MadaEstimator implements IdEstimator {

    /**
     * @param k           number of neighbours (at least 2: the ranks used are {@code floor(k/2)} and {@code k})
     * @param combination mean or median of the pointwise estimates
     */
    public record Options(int k, Combination combination) {
        public Options {
            if (!(k >= 2)) {
                throw InvalidInputException.of("mada: k = %d neighbours, expected at least 2", k);
            }
            if (combination == null || combination == Combination.MLE) {
                throw InvalidInputException.of("mada: combination %s, expected mean or median", combination);
            }
        }

        /** k = 20, mean (scikit-dimension defaults). */
        public static Options defaults() {
            return new Options(20, Combination.MEAN);
        }

        public Options withK(int newK) {
            return new Options(newK, combination);
        }

        public Options withCombination(Combination c) {
            return new Options(k, c);
        }
    }

    private final Options options;

    private MadaEstimator(Options options) {
        this.options = options;
    }

    public static MadaEstimator of(Options options) {
        return new MadaEstimator(options);
    }

    public static MadaEstimator withDefaults() {
        return of(Options.defaults());
    }

    @Override
    public String name() {
        return "mada";
    }

    @Override
    public Map<String, Object> parameters() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("k", options.k());
        p.put("comb", options.combination().label());
        return p;
    }

    @Override
    public int neighbors() {
        return options.k();
    }

    @Override
    public Estimate compute(IdContext ctx) {
        int k = options.k();
        int half = k / 2;
        NeighborGraph g = ctx.graph(k);
        int[] usable = IdContext.pointsWithPositiveDistance(g, half);
        double[] local = new double[usable.length];
        double log2 = Math.log(2);
        for (int u = 0; u < usable.length; u++) {
            int i = usable[u];
            local[u] = log2 / Math.log(g.distance(i, k - 1) / g.distance(i, half - 1));
        }
        Combination comb = options.combination();
        return Estimate.perPoint(g, k, usable, local, rows -> comb.combine(local, rows));
    }
}
