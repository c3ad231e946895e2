package org.repgap.gap;

import java.util.List;
import java.util.SplittableRandom;
import org.repgap.group.GroupElement;
import org.repgap.group.SymmetryGroup;
import org.repgap.neighbors.Metric;

/**
 * Test-only group {@code {x, -x}} of order 2 (the real {@code sign} group belongs to the group
 * package): free on the sphere (antipodal map), orbit distance {@code min(|x - y|, |x + y|)}.
 */
final class SignFlipGroup implements SymmetryGroup {
    static final SignFlipGroup INSTANCE = new SignFlipGroup();

    private static final GroupElement IDENTITY = new GroupElement() {
        @Override
        public double[] apply(double[] x) {
            return x.clone();
        }

        @Override
        public GroupElement inverse() {
            return this;
        }
    };

    private static final GroupElement FLIP = new GroupElement() {
        @Override
        public double[] apply(double[] x) {
            double[] y = new double[x.length];
            for (int i = 0; i < x.length; i++) {
                y[i] = -x[i];
            }
            return y;
        }

        @Override
        public GroupElement inverse() {
            return this;
        }
    };

    private static final Metric ORBIT = new Metric() {
        @Override
        public String name() {
            return "orbit[test-sign]";
        }

        @Override
        public double distance(double[] x, double[] y) {
            return distance(x, 0, y, 0, x.length);
        }

        @Override
        public double distance(double[] a, int ao, double[] b, int bo, int dim) {
            double s = 0;
            double t = 0;
            for (int c = 0; c < dim; c++) {
                double u = a[ao + c] - b[bo + c];
                double v = a[ao + c] + b[bo + c];
                s += u * u;
                t += v * v;
            }
            return Math.sqrt(Math.min(s, t));
        }
    };

    @Override
    public String spec() {
        return "test-sign";
    }

    @Override
    public void checkDimension(int dim) {
    }

    @Override
    public boolean isFinite() {
        return true;
    }

    @Override
    public int lieDimension(int dim) {
        return 0;
    }

    @Override
    public long order(int dim) {
        return 2;
    }

    @Override
    public List<GroupElement> elements(int dim, int resolution) {
        return List.of(IDENTITY, FLIP);
    }

    @Override
    public GroupElement random(int dim, SplittableRandom rng) {
        return rng.nextBoolean() ? IDENTITY : FLIP;
    }

    @Override
    public GroupElement canonicalPose(double[] x) {
        return x[0] >= 0 ? IDENTITY : FLIP;
    }

    @Override
    public Metric orbitMetric(int dim) {
        return ORBIT;
    }
}
