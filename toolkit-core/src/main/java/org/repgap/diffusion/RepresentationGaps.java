package org.repgap.diffusion;

import org.repgap.gap.RepresentationGap;

import java.util.ArrayList;
import java.util.List;
import org.repgap.InvalidInputException;
import org.repgap.data.PointCloud;
import org.repgap.neighbors.Metric;
import org.repgap.neighbors.NeighborGraph;
import org.repgap.neighbors.NeighborSearch;

/**
 * The trainer's Representation Gap quantities (THEORY.md section 3), through orbit-metric neighbour
 * search ({@code NeighborSearch.auto(group.orbitMetric(dim), dim)}):
 * {@code RG = mean_x min_i d_G(x, x_i)^2}, the ideal curve {@code RG_k^G} over prefixes of a pool, the
 * effective size {@code n_eff} (log-log interpolation on that curve) and the memorisation fraction.
 *
 * The gap itself is the {@code gap} package's {@link RepresentationGap}.
 */
public final class RepresentationGaps {
    private RepresentationGaps() {
    }

    /** {@code mean over queries q of min_i d(q, data_i)^2}: {@link RepresentationGap#withTestSet} with the automatic exact search. */
    public static double meanMinSquared(PointCloud data, PointCloud queries, Metric metric) {
        return RepresentationGap.withTestSet(data, queries, NeighborSearch.auto(metric, data.dim())).value();
    }

    /**
     * Fraction of samples whose nearest training point (under {@code metric}) is closer than a third of
     * the second nearest: {@code d_1 < d_2 / 3}. Needs at least two training points.
     */
    public static double memorizationFraction(PointCloud train, PointCloud samples, Metric metric) {
        if (train.n() < 2) {
            throw InvalidInputException.of("memorisation fraction: need at least 2 training points, got %d", train.n());
        }
        NeighborGraph g = NeighborSearch.auto(metric, train.dim()).query(train, samples, 2);
        int c = 0;
        for (int i = 0; i < samples.n(); i++) {
            if (g.distance(i, 0) < g.distance(i, 1) / 3) {
                c++;
            }
        }
        return c / (double) samples.n();
    }

    /** The ideal curve: sizes and {@code RG_k^G} for the first {@code k} points of {@code pool}. */
    public record Curve(int[] sizes, double[] gaps) {
        public Curve {
            sizes = sizes.clone();
            gaps = gaps.clone();
        }

        @Override
        public int[] sizes() {
            return sizes.clone();
        }

        @Override
        public double[] gaps() {
            return gaps.clone();
        }
    }

    /** {@code RG_k^G} for {@code k = 1, 2, 4, ...} up to the pool size (always including {@code extra} and the pool size). */
    public static Curve idealCurve(PointCloud pool, PointCloud test, Metric metric, int extra) {
        List<Integer> ks = new ArrayList<>();
        for (int k = 1; k < pool.n(); k *= 2) {
            ks.add(k);
        }
        ks.add(pool.n());
        if (extra >= 1 && extra <= pool.n() && !ks.contains(extra)) {
            ks.add(extra);
        }
        ks.sort(null);
        int[] sizes = ks.stream().mapToInt(Integer::intValue).toArray();
        double[] gaps = new double[sizes.length];
        for (int i = 0; i < sizes.length; i++) {
            gaps[i] = meanMinSquared(pool.head(sizes[i]), test, metric);
        }
        return new Curve(sizes, gaps);
    }

    /**
     * The effective size {@code n_eff} with {@code RG_(n_eff) = rg} on the curve, by linear interpolation of
     * {@code log RG} against {@code log k}; beyond the largest size, the last segment's slope extrapolates.
     * Returns 1 if {@code rg} exceeds {@code RG_1}, {@code NaN} if {@code rg} is not positive.
     */
    public static double effectiveSize(Curve curve, double rg) {
        int[] k = curve.sizes;
        double[] g = curve.gaps;
        if (!(rg > 0)) {
            return Double.NaN;
        }
        if (rg >= g[0]) {
            return k[0];
        }
        for (int i = 1; i < k.length; i++) {
            if (rg >= g[i] && g[i] < g[i - 1]) {
                return interpolate(k[i - 1], g[i - 1], k[i], g[i], rg);
            }
        }
        int last = k.length - 1;
        int prev = last - 1;
        while (prev >= 0 && !(g[prev] > g[last])) {
            prev--;
        }
        if (prev < 0 || !(g[last] > 0)) {
            return Double.NaN;
        }
        return interpolate(k[prev], g[prev], k[last], g[last], rg);
    }

    private static double interpolate(double k0, double g0, double k1, double g1, double rg) {
        double t = (Math.log(rg) - Math.log(g0)) / (Math.log(g1) - Math.log(g0));
        return Math.exp(Math.log(k0) + t * (Math.log(k1) - Math.log(k0)));
    }
}
