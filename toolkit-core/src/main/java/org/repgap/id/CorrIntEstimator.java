package org.repgap.id;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.repgap.InvalidInputException;
import org.repgap.neighbors.NeighborGraph;

/**
 * Correlation-integral (Grassberger-Procaccia) estimator, as scikit-dimension 0.3.4 {@code CorrInt()}.
 *
 * <p>Radii {@code r_1 = median_i r_{k1}(i)}, {@code r_2 = median_i r_{k2}(i)}; correlation sums
 * {@code C(r) = #{(i, j) : i != j, dist(x_i, x_j) < r} / N^2} (ordered pairs, strict inequality);
 * {@code d = (log C(r_2) - log C(r_1)) / log(r_2 / r_1)}. Defaults {@code k1 = 10}, {@code k2 = 20}.
 * Reference: P. Grassberger, I. Procaccia, Physica D 9 (1983) 189, doi:10.1016/0167-2789(83)90298-1.
 *
 * <p>Pairs are counted by the context's neighbour search ({@code countPairsWithin}), so any metric works.
 * Zero distances (kept duplicates) count as pairs, as in the reference. No asymptotic error. The bootstrap
 * recomputes the estimate on the distinct points of each resample (duplicated points would add pairs at
 * distance 0), so each replicate uses about 63% of the points: the radii grow accordingly.
 */
public final class CorrIntEstimator implements IdEstimator {

    /**
     * @param k1 neighbour rank of the small radius (at least 1)
     * @param k2 neighbour rank of the large radius (greater than {@code k1})
     */
    public record Options(int k1, int k2) {
        public Options {
            if (!(k1 >= 1 && k2 > k1)) {
                throw InvalidInputException.of("corrint: k1 = %d, k2 = %d, expected 1 <= k1 < k2", k1, k2);
            }
        }

        /** k1 = 10, k2 = 20 (scikit-dimension defaults). */
        public static Options defaults() {
            return new Options(10, 20);
        }
    }

    private final Options options;

    private CorrIntEstimator(Options options) {
        this.options = options;
    }

    public static CorrIntEstimator of(Options options) {
        return new CorrIntEstimator(options);
    }

    public static CorrIntEstimator withDefaults() {
        return of(Options.defaults());
    }

    @Override
    public String name() {
        return "corrint";
    }

    @Override
    public Map<String, Object> parameters() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("k1", options.k1());
        p.put("k2", options.k2());
        return p;
    }

    @Override
    public int neighbors() {
        return options.k2();
    }

    @Override
    public Estimate compute(IdContext ctx) {
        double[] r = radii(ctx);
        double d = dimension(ctx, r);
        java.util.function.ToDoubleFunction<int[]> f = rows -> {
            IdContext sub = IdEstimation.distinctSubset(ctx, rows);
            return sub.n() <= options.k2() ? Double.NaN : dimension(sub, radii(sub));
        };
        String scale = String.format(Locale.ROOT, "k1=%d,k2=%d (r1=%.6g,r2=%.6g)", options.k1(), options.k2(),
                r[0] / ctx.scale(), r[1] / ctx.scale()); // the radii in the input's units
        return new Estimate(d, null, scale, 0.5 * (r[0] + r[1]), ctx.n(), 0, null, f, ctx.n(), Estimate.DISTINCT_POINTS);
    }

    private double[] radii(IdContext ctx) {
        NeighborGraph g = ctx.graph(options.k2());
        int n = g.n();
        double[] a = new double[n];
        double[] b = new double[n];
        for (int i = 0; i < n; i++) {
            a[i] = g.distance(i, options.k1() - 1);
            b[i] = g.distance(i, options.k2() - 1);
        }
        return new double[] {Combination.median(a), Combination.median(b)};
    }

    private static double dimension(IdContext ctx, double[] r) {
        long[] counts = ctx.search().countPairsWithin(ctx.points(), r);
        double n2 = (double) ctx.n() * ctx.n();
        double c1 = counts[0] / n2;
        double c2 = counts[1] / n2;
        return (Math.log(c2) - Math.log(c1)) / Math.log(r[1] / r[0]);
    }
}
