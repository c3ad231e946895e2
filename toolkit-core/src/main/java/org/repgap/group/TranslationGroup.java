package org.repgap.group;

import java.util.List;
import java.util.SplittableRandom;

/**
 * {@code translation:k}: {@code x} is {@code D/k} points of {@code R^k} (consecutive blocks) and a common
 * translation {@code t in R^k} acts, {@code x_j -> x_j + t}. Not compact.
 *
 * <p>Orbit distance (THEORY.md section 1): centre both, {@code d = |c(x) - c(y)|} with {@code c} the
 * subtraction of the mean point, attained by {@code t = mean(x) - mean(y)}. The embedding {@code c(x)}
 * is invariant and isometric for {@code d}. Canonical pose: the translation by {@code -mean(x)}.
 */
final class TranslationGroup extends ContinuousGroup {
    private final int k;

    TranslationGroup(int k) {
        this.k = k;
    }

    int pointDimension() {
        return k;
    }

    @Override
    Kind kind() {
        return Kind.TRANSLATION;
    }

    @Override
    public String spec() {
        return "translation:" + k;
    }

    @Override
    int dimensionMultiple() {
        return k;
    }

    @Override
    public int lieDimension(int dim) {
        return k;
    }

    /** @throws UnsupportedOperationException always: translations are not compact and have no finite quadrature */
    @Override
    public List<GroupElement> elements(int dim, int resolution) {
        throw new UnsupportedOperationException("--group " + spec()
                + ": translations are not compact, so they have no finite list or quadrature of elements; "
                + "use the orbit distance (centring) or canonicalPose instead");
    }

    /** A translation by a standard normal vector of {@code R^k} (there is no uniform law on {@code R^k}). */
    @Override
    public GroupElement random(int dim, SplittableRandom rng) {
        double[] t = new double[k];
        for (int c = 0; c < k; c++) {
            t[c] = Gaussian.next(rng);
        }
        return new Elements.Translation(t);
    }

    @Override
    public GroupElement canonicalPose(double[] x) {
        double[] m = Vectors.blockMean(x, k);
        for (int c = 0; c < k; c++) {
            m[c] = -m[c];
        }
        return new Elements.Translation(m);
    }

    @Override
    Alignment alignVectors(double[] x, double[] y) {
        double[] mx = Vectors.blockMean(x, k);
        double[] my = Vectors.blockMean(y, k);
        double[] t = new double[k];
        for (int c = 0; c < k; c++) {
            t[c] = mx[c] - my[c];
        }
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            double d = (x[i] - mx[i % k]) - (y[i] - my[i % k]);
            s += d * d;
        }
        return new Alignment(new Elements.Translation(t), Math.sqrt(s), true);
    }

    @Override
    double[] embedding(double[] x) {
        return Vectors.centre(x, k);
    }
}
