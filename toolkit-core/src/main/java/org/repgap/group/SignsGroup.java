package org.repgap.group;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.repgap.InvalidInputException;

/**
 * {@code signs}: an independent sign flip of every coordinate, {@code {+-1}^D}. Closed form
 * (THEORY.md section 1): {@code d^2 = sum_i (|x_i| - |y_i|)^2}, attained by {@code s_i = sgn(x_i) sgn(y_i)}.
 *
 * <p>Embedding {@code phi(x) = (|x_i|)_i}, which is isometric for this metric.
 * Canonical pose {@code s_i = sgn(x_i)} (1 for zero), so the canonical vector is {@code |x|}.
 */
final class SignsGroup extends FiniteGroup {
    static final SignsGroup INSTANCE = new SignsGroup();
    /** {@code 2^16} elements at most in {@link #elements}. */
    static final int MAX_LISTED_DIM = 16;

    private SignsGroup() {
    }

    @Override
    Kind kind() {
        return Kind.SIGNS;
    }

    @Override
    public String spec() {
        return "signs";
    }

    /** {@code 2^dim}, saturating at {@link Long#MAX_VALUE} for {@code dim >= 63}. */
    @Override
    public long order(int dim) {
        return dim >= 63 ? Long.MAX_VALUE : 1L << dim;
    }

    @Override
    public List<GroupElement> elements(int dim, int resolution) {
        checkDimension(dim);
        if (dim > MAX_LISTED_DIM) {
            throw InvalidInputException.of("--group signs: dimension %d gives 2^%d sign vectors, too many to list "
                    + "(at most dimension %d)", dim, dim, MAX_LISTED_DIM);
        }
        List<GroupElement> out = new ArrayList<>(1 << dim);
        for (int mask = 0; mask < (1 << dim); mask++) {
            double[] s = new double[dim];
            for (int i = 0; i < dim; i++) {
                s[i] = ((mask >> i) & 1) == 0 ? 1 : -1;
            }
            out.add(new Elements.SignVector(s));
        }
        return out;
    }

    @Override
    public GroupElement random(int dim, SplittableRandom rng) {
        double[] s = new double[dim];
        for (int i = 0; i < dim; i++) {
            s[i] = rng.nextBoolean() ? 1 : -1;
        }
        return new Elements.SignVector(s);
    }

    @Override
    public GroupElement canonicalPose(double[] x) {
        double[] s = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            s[i] = x[i] < 0 ? -1 : 1;
        }
        return new Elements.SignVector(s);
    }

    @Override
    Alignment alignVectors(double[] x, double[] y) {
        double[] s = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            s[i] = (x[i] < 0) == (y[i] < 0) ? 1 : -1;
        }
        return new Alignment(new Elements.SignVector(s), distanceVectors(x, y), true);
    }

    @Override
    double distanceVectors(double[] x, double[] y) {
        return distanceSlices(x, 0, y, 0, x.length);
    }

    @Override
    double distanceSlices(double[] a, int aOffset, double[] b, int bOffset, int dim) {
        double s = 0;
        for (int c = 0; c < dim; c++) {
            double t = Math.abs(a[aOffset + c]) - Math.abs(b[bOffset + c]);
            s += t * t;
        }
        return Math.sqrt(s);
    }

    @Override
    double[] embedding(double[] x) {
        return Vectors.abs(x);
    }
}
