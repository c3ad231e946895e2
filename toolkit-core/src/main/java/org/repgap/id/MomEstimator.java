package org.repgap.id;

import java.util.LinkedHashMap;
import java.util.Map;
import org.repgap.InvalidInputException;
import org.repgap.neighbors.NeighborGraph;

/**
 * Method-of-moments estimator of local intrinsic dimensionality (Amsaleg, Chelly, Furon, Girard,
 * Houle, Kawarabayashi and Nett, Data Min. Knowl. Discov. 32 (2018), doi:10.1007/s10618-018-0578-6),
 * as scikit-dimension 0.3.4 {@code MOM().fit(X)}.
 *
 * <p>With {@code w = r_k(i)} and {@code m_1 = (1/k) sum_{j=1..k} r_j(i)}: {@code ID_i = m_1 / (w - m_1)};
 * combined by mean (default) or median. Default {@code k = 100}.
 *
 * <p>Zero distances: points with {@code r_k(i) = 0} are skipped ({@code excluded}); zero distances
 * below rank {@code k} only lower {@code m_1}, as in the reference.
 */
public final class MomEstimator implements IdEstimator {

    /**
     * @param k           number of neighbours (at least 2)
     * @param combination mean or median of the pointwise estimates
     */
    public record Options(int k, Combination combination) {
        public Options {
            if (!(k >= 2)) {
                throw InvalidInputException.of("mom: k = %d neighbours, expected at least 2", k);
            }
            if (combination == null || combination == Combination.MLE) {
                throw InvalidInputException.of("mom: combination %s, expected mean or median", combination);
            }
        }

        /** k = 100, mean (scikit-dimension defaults). */
        public static Options defaults() {
            return new Options(100, Combination.MEAN);
        }

        public Options withK(int newK) {
            return new Options(newK, combination);
        }
    }

    private final Options options;

    private MomEstimator(Options options) {
        this.options = options;
    }

    public static MomEstimator of(Options options) {
        return new MomEstimator(options);
    }

    public static MomEstimator withDefaults() {
        return of(Options.defaults());
    }

    @Override
    public String name() {
        return "mom";
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
        NeighborGraph g = ctx.graph(k);
        int[] usable = IdContext.pointsWithPositiveDistance(g, k);
        double[] local = new double[usable.length];
        for (int u = 0; u < usable.length; u++) {
            int i = usable[u];
            double w = g.distance(i, k - 1);
            double s = 0;
            for (int j = 0; j < k; j++) {
                s += g.distance(i, j);
            }
            double m1 = s / k;
            local[u] = -m1 / (m1 - w);
        }
        Combination comb = options.combination();
        return Estimate.perPoint(g, k, usable, local, rows -> comb.combine(local, rows));
    }
}
