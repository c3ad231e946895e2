package org.repgap.id;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;
import org.repgap.InvalidInputException;
import org.repgap.data.Magnitudes;
import org.repgap.data.PointCloud;
import org.repgap.neighbors.Metric;
import org.repgap.neighbors.NeighborGraph;

/**
 * Tight local intrinsic dimensionality estimator, TLE (Amsaleg, Chelly, Houle, Kawarabayashi,
 * Radovanovic and Treeratanajaru, SDM 2019, doi:10.1137/1.9781611975673.53), as scikit-dimension 0.3.4.
 *
 * <p>For point {@code i} with neighbours {@code q_1..q_k} at distances {@code d_j}, {@code r = d_k},
 * {@code V_jl = dist(q_j, q_l)}, {@code Z_jl = 2 d_j^2 + 2 d_l^2 - V_jl^2}:
 * <pre>
 *   S_jl = r (sqrt((d_j^2 + V^2 - d_l^2)^2 + 4 V^2 (r^2 - d_j^2)) - (d_j^2 + V^2 - d_l^2)) / (2 (r^2 - d_j^2))
 *   T_jl = the same with V^2 replaced by Z
 *   ID_i = -2 (k^2 - n_eps - n_d - n_V0) / (sum_{j!=l} log(T_jl/r) + sum_{j!=l} log(S_jl/r) + 2 sum_{d_j >= eps} log(d_j/r))
 * </pre>
 * with the boundary cases of the reference: rows with {@code d_j = r}: {@code S = r V^2/(r^2+V^2-d_l^2)},
 * {@code T = r Z/(r^2+Z-d_l^2)}; {@code d_j = 0}: {@code S = T = d_l}; {@code d_l = 0}:
 * {@code S = T = r V/(r+V)}; {@code V_jl = 0} ({@code j != l}): {@code S = T = r}, counted in {@code n_V0};
 * off-diagonal {@code S} or {@code T} below {@code epsilon}: both set to {@code r}, counted in {@code n_eps};
 * {@code n_d = #{j : d_j < epsilon}}. Combined over points by mean (default) or median. Defaults
 * {@code k = 20}, {@code epsilon = 1e-4} (an absolute distance, as in the reference).
 *
 * <p>Deliberate difference: scikit-dimension slices the wrong axis when dropping distances below
 * {@code epsilon} ({@code dists[nDeps:]} on a 1 x k array), so one such distance zeroes the whole
 * last sum; here only the distances below {@code epsilon} are left out. Identical when no neighbour
 * distance is below {@code epsilon}. Points with {@code r = 0} (the reference raises an error) are skipped.
 */
public final class TleEstimator implements IdEstimator {

    /**
     * @param k           number of neighbours (at least 2)
     * @param epsilon     absolute threshold below which measurements are dropped
     * @param combination mean or median of the pointwise estimates
     */
    public record Options(int k, double epsilon, Combination combination) {
        public Options {
            if (!(k >= 2)) {
                throw InvalidInputException.of("tle: k = %d neighbours, expected at least 2", k);
            }
            if (!(epsilon >= 0 && Double.isFinite(epsilon))) {
                throw InvalidInputException.of("tle: epsilon = %s, expected a finite value >= 0", epsilon);
            }
            if (combination == null || combination == Combination.MLE) {
                throw InvalidInputException.of("tle: combination %s, expected mean or median", combination);
            }
        }

        /** k = 20, epsilon = 1e-4, mean (scikit-dimension defaults). */
        public static Options defaults() {
            return new Options(20, 1e-4, Combination.MEAN);
        }

        public Options withK(int newK) {
            return new Options(newK, epsilon, combination);
        }
    }

    private final Options options;
    private final boolean referenceSlicing;

    private TleEstimator(Options options, boolean referenceSlicing) {
        this.options = options;
        this.referenceSlicing = referenceSlicing;
    }

    public static TleEstimator of(Options options) {
        return new TleEstimator(options, false);
    }

    /**
     * For tests only: reproduces scikit-dimension's slicing (a single neighbour distance below
     * {@code epsilon} zeroes the sum of {@code log(d_j/r)}) to show that it is the only difference.
     */
    static TleEstimator withReferenceSlicing(Options options) {
        return new TleEstimator(options, true);
    }

    public static TleEstimator withDefaults() {
        return of(Options.defaults());
    }

    @Override
    public String name() {
        return "tle";
    }

    @Override
    public Map<String, Object> parameters() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("k", options.k());
        p.put("epsilon", options.epsilon());
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
        PointCloud x = ctx.points();
        Metric metric = ctx.metric();
        double[] local = new double[usable.length];
        double eps = options.epsilon() * ctx.scale(); // epsilon is in the input's units
        checkNotAllBelowEpsilon(ctx, g, usable, eps);
        IntStream.range(0, usable.length).parallel().forEach(u -> local[u] = pointwise(x, metric, g, usable[u], eps));
        Combination comb = options.combination();
        return Estimate.perPoint(g, k, usable, local, rows -> comb.combine(local, rows));
    }

    /**
     * Data whose diameter ({@code <= 2 sqrt(dim) max|x|}) is below {@code epsilon}: every measurement would be dropped.
     */
    @Override
    public String inapplicable(IdContext ctx) {
        double largest = Magnitudes.largest(ctx.points()) / ctx.scale(); // in the input's units
        double diameter = 2 * Math.sqrt(ctx.dim()) * largest;
        if (diameter < options.epsilon()) {
            return String.format(Locale.ROOT, "every distance of these data (largest |x| = %s) is below epsilon = %s, "
                    + "the absolute distance below which TLE drops measurements: multiply the data by a power of ten",
                    largest, options.epsilon());
        }
        return null;
    }

    /**
     * Refuses data whose every neighbourhood lies within {@code epsilon}: all measurements would be dropped and the
     * estimate be 0/0. {@code epsilon} is an absolute distance (the reference's), so TLE is the one estimator here that
     * is not scale-invariant: data of magnitude 1e-200 met this.
     */
    private void checkNotAllBelowEpsilon(IdContext ctx, NeighborGraph g, int[] usable, double eps) {
        for (int i : usable) {
            if (!(g.distance(i, options.k() - 1) < eps)) {
                return;
            }
        }
        if (usable.length > 0) {
            throw InvalidInputException.of("tle: on %s every point's %d-th neighbour is closer than epsilon = %s, an absolute "
                    + "distance below which TLE drops measurements (largest |x| = %s): multiply the data by a power of ten, "
                    + "or use another estimator", ctx.input().source(), options.k(), options.epsilon(),
                    Magnitudes.largest(ctx.points()) / ctx.scale());
        }
    }

    private double pointwise(PointCloud x, Metric metric, NeighborGraph g, int i, double eps) {
        int k = options.k();
        int dim = x.dim();
        double[] v = x.values();
        double[] dist = new double[k];
        int[] nb = new int[k];
        for (int j = 0; j < k; j++) {
            dist[j] = g.distance(i, j);
            nb[j] = g.index(i, j);
        }
        double r = dist[k - 1];
        double r2 = r * r;
        double sumT = 0;
        double sumS = 0;
        int nV0 = 0;
        int nEps = 0;
        for (int j = 0; j < k; j++) {
            double di = dist[j];
            double di2 = di * di;
            for (int l = 0; l < k; l++) {
                if (l == j) {
                    continue;
                }
                double dl = dist[l];
                double dl2 = dl * dl;
                double vv = metric.distance(v, nb[j] * dim, v, nb[l] * dim, dim);
                double v2 = vv * vv;
                double z2 = 2 * di2 + 2 * dl2 - v2;
                double s;
                double t;
                // boundary cases in the order the reference applies them (later ones override)
                if (vv == 0) {
                    s = r;
                    t = r;
                    nV0++;
                } else if (dl == 0) {
                    s = r * vv / (r + vv);
                    t = s;
                } else if (di == 0) {
                    s = dl;
                    t = dl;
                } else if (di == r) {
                    s = r * v2 / (r2 + v2 - dl2);
                    t = r * z2 / (r2 + z2 - dl2);
                } else {
                    double a = di2 + v2 - dl2;
                    s = r * (Math.sqrt(a * a + 4 * v2 * (r2 - di2)) - a) / (2 * (r2 - di2));
                    double b = di2 + z2 - dl2;
                    t = r * (Math.sqrt(b * b + 4 * z2 * (r2 - di2)) - b) / (2 * (r2 - di2));
                }
                if (t < eps || s < eps) {
                    s = r;
                    t = r;
                    nEps++;
                }
                sumT += Math.log(t / r);
                sumS += Math.log(s / r);
            }
        }
        int nD = 0;
        double s2 = 0;
        for (int j = 0; j < k; j++) {
            if (dist[j] < eps) {
                nD++;
            } else {
                s2 += Math.log(dist[j] / r);
            }
        }
        if (referenceSlicing && nD > 0) {
            s2 = 0;
        }
        return -2.0 * (k * k - nEps - nD - nV0) / (sumT + sumS + 2 * s2);
    }
}
