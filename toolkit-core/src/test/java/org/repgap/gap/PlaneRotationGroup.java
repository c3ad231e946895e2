package org.repgap.gap;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.repgap.group.GroupElement;
import org.repgap.group.SymmetryGroup;
import org.repgap.neighbors.Metric;

/**
 * Test-only stand-in for {@code so2} (the real one belongs to the group package): {@code x} is
 * {@code D/2} points of {@code R^2} rotated together. Orbit distance by the 2-D Procrustes closed
 * form of THEORY.md section 1, {@code |x|^2 + |y|^2 - 2 |(sum_j x_j . y_j, sum_j x_j x y_j)|}.
 */
final class PlaneRotationGroup implements SymmetryGroup {
    static final PlaneRotationGroup INSTANCE = new PlaneRotationGroup();

    private record Rotation(double angle) implements GroupElement {
        @Override
        public double[] apply(double[] x) {
            double c = Math.cos(angle);
            double s = Math.sin(angle);
            double[] y = new double[x.length];
            for (int j = 0; j < x.length; j += 2) {
                y[j] = c * x[j] - s * x[j + 1];
                y[j + 1] = s * x[j] + c * x[j + 1];
            }
            return y;
        }

        @Override
        public GroupElement inverse() {
            return new Rotation(-angle);
        }
    }

    private static final Metric ORBIT = new Metric() {
        @Override
        public String name() {
            return "orbit[test-so2]";
        }

        @Override
        public double distance(double[] x, double[] y) {
            return distance(x, 0, y, 0, x.length);
        }

        @Override
        public double distance(double[] a, int ao, double[] b, int bo, int dim) {
            double xx = 0;
            double yy = 0;
            double dot = 0;
            double cross = 0;
            for (int j = 0; j < dim; j += 2) {
                double x1 = a[ao + j];
                double x2 = a[ao + j + 1];
                double y1 = b[bo + j];
                double y2 = b[bo + j + 1];
                xx += x1 * x1 + x2 * x2;
                yy += y1 * y1 + y2 * y2;
                dot += x1 * y1 + x2 * y2;
                cross += x1 * y2 - x2 * y1;
            }
            return Math.sqrt(Math.max(0, xx + yy - 2 * Math.hypot(dot, cross)));
        }
    };

    @Override
    public String spec() {
        return "test-so2";
    }

    @Override
    public void checkDimension(int dim) {
        if (dim % 2 != 0) {
            throw new IllegalArgumentException("odd dimension " + dim);
        }
    }

    @Override
    public boolean isFinite() {
        return false;
    }

    @Override
    public int lieDimension(int dim) {
        return 1;
    }

    @Override
    public long order(int dim) {
        return -1;
    }

    @Override
    public List<GroupElement> elements(int dim, int resolution) {
        List<GroupElement> out = new ArrayList<>();
        for (int k = 0; k < resolution; k++) {
            out.add(new Rotation(2 * Math.PI * k / resolution));
        }
        return out;
    }

    @Override
    public GroupElement random(int dim, SplittableRandom rng) {
        return new Rotation(2 * Math.PI * rng.nextDouble());
    }

    @Override
    public GroupElement canonicalPose(double[] x) {
        return new Rotation(-Math.atan2(x[1], x[0]));
    }

    @Override
    public Metric orbitMetric(int dim) {
        return ORBIT;
    }

    /**
     * The example of the brief: {@code x = (u, v)}, {@code u} on the unit circle at angle {@code t},
     * {@code v} at radius {@code 1 + r} and angle {@code t + p}; {@code t, p} uniform angles,
     * {@code r} uniform in [0, 1]. A 3-manifold in {@code R^4}; modulo a common rotation, 2-dimensional.
     */
    static org.repgap.data.PointCloud example(int n, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[] v = new double[4 * n];
        for (int i = 0; i < n; i++) {
            double t = 2 * Math.PI * rng.nextDouble();
            double p = 2 * Math.PI * rng.nextDouble();
            double r = rng.nextDouble();
            v[4 * i] = Math.cos(t);
            v[4 * i + 1] = Math.sin(t);
            v[4 * i + 2] = (1 + r) * Math.cos(t + p);
            v[4 * i + 3] = (1 + r) * Math.sin(t + p);
        }
        return org.repgap.data.PointCloud.wrap(n, 4, v, "so2-example");
    }
}
