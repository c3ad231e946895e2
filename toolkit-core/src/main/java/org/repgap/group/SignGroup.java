package org.repgap.group;

import java.util.List;
import java.util.SplittableRandom;

/**
 * {@code sign}: {@code {x -> x, x -> -x}}. Orbit distance {@code min(|x - y|, |x + y|)}, both sums
 * in one pass.
 *
 * <p>Embedding {@code phi(x) = (|x_1|, ..., |x_D|)}: invariant under {@code x -> -x}, and
 * 1-Lipschitz since {@code ||x_i| - |y_i|| <= |x_i - y_i|} coordinate-wise.
 *
 * <p>Canonical pose: the sign that makes the first non-zero coordinate positive.
 */
final class SignGroup extends FiniteGroup {
    static final SignGroup INSTANCE = new SignGroup();

    private SignGroup() {
    }

    @Override
    Kind kind() {
        return Kind.SIGN;
    }

    @Override
    public String spec() {
        return "sign";
    }

    @Override
    public long order(int dim) {
        return 2;
    }

    @Override
    public List<GroupElement> elements(int dim, int resolution) {
        checkDimension(dim);
        return List.of(Elements.Identity.INSTANCE, Elements.Negation.INSTANCE);
    }

    @Override
    public GroupElement random(int dim, SplittableRandom rng) {
        return rng.nextBoolean() ? Elements.Negation.INSTANCE : Elements.Identity.INSTANCE;
    }

    @Override
    public GroupElement canonicalPose(double[] x) {
        for (double v : x) {
            if (v != 0) {
                return v < 0 ? Elements.Negation.INSTANCE : Elements.Identity.INSTANCE;
            }
        }
        return Elements.Identity.INSTANCE;
    }

    @Override
    Alignment alignVectors(double[] x, double[] y) {
        double plus = 0;
        double minus = 0;
        for (int i = 0; i < x.length; i++) {
            double d = x[i] - y[i];
            double s = x[i] + y[i];
            plus += d * d;
            minus += s * s;
        }
        return minus < plus ? new Alignment(Elements.Negation.INSTANCE, Math.sqrt(minus), true)
                : new Alignment(Elements.Identity.INSTANCE, Math.sqrt(plus), true);
    }

    @Override
    double[] embedding(double[] x) {
        return Vectors.abs(x);
    }
}
