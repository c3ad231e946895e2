package org.repgap.group;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * {@code so2}: {@code x} is {@code D/2} points of {@code R^2} (consecutive pairs) rotated by one common
 * rotation {@code R_theta}.
 *
 * <p>Orbit distance (2-D Procrustes, THEORY.md section 1): with {@code a = sum_j x_j . y_j} and
 * {@code b = sum_j x_j x y_j} (the 2-D cross product {@code x_j1 y_j2 - x_j2 y_j1}),
 * {@code sum_j x_j . R_theta y_j = a cos(theta) - b sin(theta)}, maximal {@code = sqrt(a^2 + b^2)} at
 * {@code (cos, sin) = (a, -b) / sqrt(a^2 + b^2)}, so {@code d^2 = |x|^2 + |y|^2 - 2 sqrt(a^2 + b^2)}: one
 * pass over the data, like a Euclidean distance. That expansion loses relative accuracy when
 * {@code d^2} is tiny against {@code |x|^2 + |y|^2}; below a relative {@value #REFINE_BELOW} the distance
 * is recomputed as {@code |x - R y|} directly (a second pass, only for near-coincident orbits).
 *
 * <p>Embedding: the {@code D/2} point norms {@code |x_j|}, rotation-invariant and 1-Lipschitz since
 * {@code ||x_j| - |y_j|| <= |x_j - y_j|} point-wise.
 *
 * <p>Canonical pose (THEORY.md section 7): the rotation that puts a reference vector {@code v} on the
 * positive x axis, {@code v} being the first non-negligible (norm above {@code 1e-9} times the RMS point
 * norm) of: the mean point; the norm-weighted mean {@code sum |x_j|^2 x_j / sum |x_j|^2} (useful after
 * centring); the first point. All are rotation-equivariant and the first two also permutation-invariant,
 * so the pose also serves products with {@code perm} and {@code translation}.
 *
 * <p>{@link #elements}: {@code resolution} equally spaced angles {@code 2 pi k / resolution}, an exact
 * quadrature for trigonometric polynomials of degree below {@code resolution}.
 */
final class So2Group extends ContinuousGroup {
    static final So2Group INSTANCE = new So2Group();
    static final double REFINE_BELOW = 1e-6;
    /** Relative size below which a reference vector counts as zero. */
    static final double NEGLIGIBLE = 1e-9;

    private So2Group() {
    }

    @Override
    Kind kind() {
        return Kind.SO2;
    }

    @Override
    public String spec() {
        return "so2";
    }

    @Override
    int dimensionMultiple() {
        return 2;
    }

    @Override
    public int lieDimension(int dim) {
        return 1;
    }

    @Override
    public List<GroupElement> elements(int dim, int resolution) {
        checkDimension(dim);
        if (resolution < 1) {
            throw new IllegalArgumentException("so2 quadrature needs at least 1 angle, got " + resolution);
        }
        List<GroupElement> out = new ArrayList<>(resolution);
        for (int k = 0; k < resolution; k++) {
            out.add(Elements.Rotation2.ofAngle(2 * Math.PI * k / resolution));
        }
        return out;
    }

    @Override
    public GroupElement random(int dim, SplittableRandom rng) {
        return Elements.Rotation2.ofAngle(2 * Math.PI * rng.nextDouble());
    }

    @Override
    public GroupElement canonicalPose(double[] x) {
        double[] v = referenceVector(x);
        double r = Math.hypot(v[0], v[1]);
        return r > 0 ? new Elements.Rotation2(v[0] / r, -v[1] / r) : Elements.Identity.INSTANCE;
    }

    /** The reference vector of the canonical pose (see the class comment); zero for {@code x = 0}. */
    static double[] referenceVector(double[] x) {
        int points = x.length / 2;
        double mx = 0;
        double my = 0;
        double wx = 0;
        double wy = 0;
        double sq = 0;
        for (int j = 0; j < x.length; j += 2) {
            double a = x[j];
            double b = x[j + 1];
            double n2 = a * a + b * b;
            mx += a;
            my += b;
            wx += n2 * a;
            wy += n2 * b;
            sq += n2;
        }
        if (sq == 0) {
            return new double[] {0, 0};
        }
        double rms = Math.sqrt(sq / points);
        double tol = NEGLIGIBLE * rms;
        if (Math.hypot(mx, my) / points > tol) {
            return new double[] {mx, my};
        }
        if (Math.hypot(wx, wy) / sq > tol) {
            return new double[] {wx, wy};
        }
        for (int j = 0; j < x.length; j += 2) {
            if (Math.hypot(x[j], x[j + 1]) > tol) {
                return new double[] {x[j], x[j + 1]};
            }
        }
        return new double[] {0, 0};
    }

    @Override
    Alignment alignVectors(double[] x, double[] y) {
        double a = 0;
        double b = 0;
        for (int j = 0; j < x.length; j += 2) {
            a += x[j] * y[j] + x[j + 1] * y[j + 1];
            b += x[j] * y[j + 1] - x[j + 1] * y[j];
        }
        double r = Math.hypot(a, b);
        GroupElement g = r > 0 ? new Elements.Rotation2(a / r, -b / r) : Elements.Identity.INSTANCE;
        return new Alignment(g, Vectors.distance(x, g.apply(y)), true);
    }

    @Override
    double distanceVectors(double[] x, double[] y) {
        return distanceSlices(x, 0, y, 0, x.length);
    }

    @Override
    double distanceSlices(double[] p, int pOffset, double[] q, int qOffset, int dim) {
        double xx = 0;
        double yy = 0;
        double a = 0;
        double b = 0;
        for (int j = 0; j < dim; j += 2) {
            double x1 = p[pOffset + j];
            double x2 = p[pOffset + j + 1];
            double y1 = q[qOffset + j];
            double y2 = q[qOffset + j + 1];
            xx += x1 * x1 + x2 * x2;
            yy += y1 * y1 + y2 * y2;
            a += x1 * y1 + x2 * y2;
            b += x1 * y2 - x2 * y1;
        }
        double r = Math.sqrt(a * a + b * b);
        double d2 = xx + yy - 2 * r;
        if (d2 > REFINE_BELOW * (xx + yy)) {
            return Math.sqrt(d2);
        }
        if (r == 0) {
            return Math.sqrt(xx + yy);
        }
        double c = a / r;
        double s = -b / r;
        double sum = 0;
        for (int j = 0; j < dim; j += 2) {
            double y1 = q[qOffset + j];
            double y2 = q[qOffset + j + 1];
            double t1 = p[pOffset + j] - (c * y1 - s * y2);
            double t2 = p[pOffset + j + 1] - (s * y1 + c * y2);
            sum += t1 * t1 + t2 * t2;
        }
        return Math.sqrt(sum);
    }

    /**
     * {@code translation:2xso2} in one pass: the centred sums follow from the raw ones,
     * {@code sum (x_j - mx).(y_j - my) = sum x_j.y_j - Sx.Sy / N} and likewise for the cross product and the
     * squared norms ({@code Sx = sum x_j}, {@code N = D/2}). Returns NaN when the result is below the refinement
     * threshold (relative to the uncentred norms, which also covers the cancellation of large offsets):
     * the caller then centres and aligns explicitly.
     */
    static double centredDistanceOrNaN(double[] p, int pOffset, double[] q, int qOffset, int dim) {
        double xx = 0;
        double yy = 0;
        double a = 0;
        double b = 0;
        double sx1 = 0;
        double sx2 = 0;
        double sy1 = 0;
        double sy2 = 0;
        for (int j = 0; j < dim; j += 2) {
            double x1 = p[pOffset + j];
            double x2 = p[pOffset + j + 1];
            double y1 = q[qOffset + j];
            double y2 = q[qOffset + j + 1];
            xx += x1 * x1 + x2 * x2;
            yy += y1 * y1 + y2 * y2;
            a += x1 * y1 + x2 * y2;
            b += x1 * y2 - x2 * y1;
            sx1 += x1;
            sx2 += x2;
            sy1 += y1;
            sy2 += y2;
        }
        double n = dim / 2;
        double ac = a - (sx1 * sy1 + sx2 * sy2) / n;
        double bc = b - (sx1 * sy2 - sx2 * sy1) / n;
        double d2 = xx - (sx1 * sx1 + sx2 * sx2) / n + yy - (sy1 * sy1 + sy2 * sy2) / n - 2 * Math.sqrt(ac * ac + bc * bc);
        return d2 > REFINE_BELOW * (xx + yy) ? Math.sqrt(d2) : Double.NaN;
    }

    @Override
    double[] embedding(double[] x) {
        return Vectors.blockNorms(x, 2);
    }
}
