package org.repgap.group;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * {@code cyclic}: the {@code D} cyclic shifts {@code (T_s x)_i = x_{(i - s) mod D}} of a periodic 1-D
 * signal; {@code dihedral}: shifts and reversals {@code T_s R}, {@code (R x)_i = x_{(-i) mod D}}.
 *
 * <p>Orbit distance (THEORY.md section 1): {@code d^2 = |x|^2 + |y|^2 - 2 max_s c_s} with the circular
 * cross-correlation {@code c_s = sum_i x_i y_{i-s}} (and the circular convolution
 * {@code sum_i x_i y_{s-i}} for the reversals). For {@code D <= }{@value #DIRECT_MAX_DIM} the correlation
 * is summed directly in {@code O(D^2)}; beyond, through the FFT, {@code c = IDFT(X conj(Y))} and
 * {@code IDFT(X Y)}, in {@code O(D log D)}. The FFT only picks the maximising element; the distance is
 * then recomputed as {@code |x - g y|} directly, so it carries no FFT rounding.
 *
 * <p>Embedding {@code phi(x)_k = |X_k| / sqrt(D)} for {@code k = 0..floor(D/2)}, the bins with a distinct
 * partner {@code D - k} weighted by {@code sqrt(2)}. A shift multiplies {@code X_k} by a unit phase and a
 * reversal conjugates it (for real {@code x}), so {@code phi} is invariant; since the weighted half
 * spectrum has the norm of the full one, {@code |phi(x) - phi(y)| <= |X - Y| / sqrt(D) = |x - y|}
 * (Parseval; {@code ||a| - |b|| <= |a - b|} bin-wise), so it is 1-Lipschitz.
 *
 * <p>Canonical pose (THEORY.md section 7): the shift that moves the first maximal coordinate to index 0;
 * for {@code dihedral}, then the reversal about index 0 if it makes the vector lexicographically larger.
 */
final class CyclicGroup extends FiniteGroup {
    static final CyclicGroup CYCLIC = new CyclicGroup(false);
    static final CyclicGroup DIHEDRAL = new CyclicGroup(true);
    /** Largest dimension for the direct {@code O(D^2)} correlation (a benchmarked crossover, see benchmarks/README-groups.md). */
    static final int DIRECT_MAX_DIM = 64;

    private final boolean dihedral;

    private CyclicGroup(boolean dihedral) {
        this.dihedral = dihedral;
    }

    @Override
    Kind kind() {
        return dihedral ? Kind.DIHEDRAL : Kind.CYCLIC;
    }

    @Override
    public String spec() {
        return dihedral ? "dihedral" : "cyclic";
    }

    /** Reversal reduces to a shift for {@code D <= 2}, so the dihedral group then has {@code D} elements. */
    private boolean reflections(int dim) {
        return dihedral && dim > 2;
    }

    @Override
    public long order(int dim) {
        return reflections(dim) ? 2L * dim : dim;
    }

    @Override
    public List<GroupElement> elements(int dim, int resolution) {
        checkDimension(dim);
        List<GroupElement> out = new ArrayList<>();
        for (int s = 0; s < dim; s++) {
            out.add(new Elements.Shift(s, false, dim));
        }
        if (reflections(dim)) {
            for (int s = 0; s < dim; s++) {
                out.add(new Elements.Shift(s, true, dim));
            }
        }
        return out;
    }

    @Override
    public GroupElement random(int dim, SplittableRandom rng) {
        return new Elements.Shift(rng.nextInt(dim), reflections(dim) && rng.nextBoolean(), dim);
    }

    @Override
    public GroupElement canonicalPose(double[] x) {
        int dim = x.length;
        int a = 0;
        for (int i = 1; i < dim; i++) {
            if (x[i] > x[a]) {
                a = i;
            }
        }
        Elements.Shift shift = new Elements.Shift(-a, false, dim);
        if (!reflections(dim)) {
            return shift;
        }
        // R T_{-a} = T_a R, which also maps x_a to index 0; keep the lexicographically larger image.
        Elements.Shift reflected = new Elements.Shift(a, true, dim);
        for (int i = 1; i < dim; i++) {
            double p = x[shift.source(i)];
            double q = x[reflected.source(i)];
            if (p != q) {
                return q > p ? reflected : shift;
            }
        }
        return shift;
    }

    @Override
    Alignment alignVectors(double[] x, double[] y) {
        int dim = x.length;
        Elements.Shift g = dim <= DIRECT_MAX_DIM ? bestDirect(x, y) : bestFft(x, y);
        return new Alignment(g, distanceTo(x, y, g), true);
    }

    /** {@code |x - g y|}, with the index arithmetic split into wrap-free runs. */
    private static double distanceTo(double[] x, double[] y, Elements.Shift g) {
        int dim = x.length;
        int s = g.shift();
        double sum = 0;
        if (!g.reflect()) {
            // (g y)_i = y_{i - s}
            for (int i = s; i < dim; i++) {
                double t = x[i] - y[i - s];
                sum += t * t;
            }
            for (int i = 0; i < s; i++) {
                double t = x[i] - y[i - s + dim];
                sum += t * t;
            }
        } else {
            // (g y)_i = y_{s - i}
            for (int i = 0; i <= s; i++) {
                double t = x[i] - y[s - i];
                sum += t * t;
            }
            for (int i = s + 1; i < dim; i++) {
                double t = x[i] - y[s - i + dim];
                sum += t * t;
            }
        }
        return Math.sqrt(sum);
    }

    @Override
    double distanceVectors(double[] x, double[] y) {
        return distanceTo(x, y, x.length <= DIRECT_MAX_DIM ? bestDirect(x, y) : bestFft(x, y));
    }

    private Elements.Shift bestDirect(double[] x, double[] y) {
        int dim = x.length;
        double best = Double.NEGATIVE_INFINITY;
        int bestShift = 0;
        boolean bestReflect = false;
        for (int s = 0; s < dim; s++) {
            double c = 0;
            // sum_i x_i y_{i-s}: i < s wraps around.
            for (int i = s; i < dim; i++) {
                c += x[i] * y[i - s];
            }
            for (int i = 0; i < s; i++) {
                c += x[i] * y[i - s + dim];
            }
            if (c > best) {
                best = c;
                bestShift = s;
                bestReflect = false;
            }
        }
        if (reflections(dim)) {
            for (int s = 0; s < dim; s++) {
                double c = 0;
                // sum_i x_i y_{s-i}: i > s wraps around.
                for (int i = 0; i <= s; i++) {
                    c += x[i] * y[s - i];
                }
                for (int i = s + 1; i < dim; i++) {
                    c += x[i] * y[s - i + dim];
                }
                if (c > best) {
                    best = c;
                    bestShift = s;
                    bestReflect = true;
                }
            }
        }
        return new Elements.Shift(bestShift, bestReflect, dim);
    }

    private Elements.Shift bestFft(double[] x, double[] y) {
        int dim = x.length;
        Fft fft = Fft.of(dim);
        double[] xr = x.clone();
        double[] xi = new double[dim];
        double[] yr = y.clone();
        double[] yi = new double[dim];
        fft.transform(xr, xi);
        fft.transform(yr, yi);
        double[] cr = new double[dim];
        double[] ci = new double[dim];
        for (int k = 0; k < dim; k++) {
            // X conj(Y)
            cr[k] = xr[k] * yr[k] + xi[k] * yi[k];
            ci[k] = xi[k] * yr[k] - xr[k] * yi[k];
        }
        fft.inverse(cr, ci);
        double best = Double.NEGATIVE_INFINITY;
        int bestShift = 0;
        boolean bestReflect = false;
        for (int s = 0; s < dim; s++) {
            if (cr[s] > best) {
                best = cr[s];
                bestShift = s;
            }
        }
        if (reflections(dim)) {
            for (int k = 0; k < dim; k++) {
                // X Y
                cr[k] = xr[k] * yr[k] - xi[k] * yi[k];
                ci[k] = xr[k] * yi[k] + xi[k] * yr[k];
            }
            fft.inverse(cr, ci);
            for (int s = 0; s < dim; s++) {
                if (cr[s] > best) {
                    best = cr[s];
                    bestShift = s;
                    bestReflect = true;
                }
            }
        }
        return new Elements.Shift(bestShift, bestReflect, dim);
    }

    @Override
    double[] embedding(double[] x) {
        int dim = x.length;
        double[] re = x.clone();
        double[] im = new double[dim];
        Fft.of(dim).transform(re, im);
        int half = dim / 2;
        double[] phi = new double[half + 1];
        double scale = 1 / Math.sqrt(dim);
        for (int k = 0; k <= half; k++) {
            boolean paired = k != 0 && 2 * k != dim;
            phi[k] = Math.hypot(re[k], im[k]) * scale * (paired ? Math.sqrt(2) : 1);
        }
        return phi;
    }
}
