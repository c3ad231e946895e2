package org.repgap.diffusion;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.repgap.group.GroupElement;
import org.repgap.group.SymmetryGroup;
import org.repgap.neighbors.Metric;

/**
 * Test-only groups written against {@link SymmetryGroup} while the real implementations live with
 * another helper: {@code signs} (independent sign flips, closed-form orbit distance
 * {@code sqrt(sum (|x_i| - |y_i|)^2)}) and {@code cyclic} (cyclic shifts, orbit distance by trying all shifts).
 */
final class TestGroups {
    private TestGroups() {
    }

    /** Sign flips of every coordinate: {@code x -> s * x}, {@code s in {+-1}^D}. */
    static SymmetryGroup signs() {
        return new SymmetryGroup() {
            @Override
            public String spec() {
                return "signs";
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
                return 1L << dim;
            }

            @Override
            public List<GroupElement> elements(int dim, int resolution) {
                List<GroupElement> out = new ArrayList<>();
                for (int mask = 0; mask < (1 << dim); mask++) {
                    double[] s = new double[dim];
                    for (int j = 0; j < dim; j++) {
                        s[j] = ((mask >> j) & 1) == 1 ? -1 : 1;
                    }
                    out.add(flip(s));
                }
                return out;
            }

            @Override
            public GroupElement random(int dim, SplittableRandom rng) {
                double[] s = new double[dim];
                for (int j = 0; j < dim; j++) {
                    s[j] = rng.nextBoolean() ? -1 : 1;
                }
                return flip(s);
            }

            @Override
            public GroupElement canonicalPose(double[] x) {
                double[] s = new double[x.length];
                for (int j = 0; j < x.length; j++) {
                    s[j] = x[j] < 0 ? -1 : 1;
                }
                return flip(s);
            }

            @Override
            public Metric orbitMetric(int dim) {
                return new Metric() {
                    @Override
                    public String name() {
                        return "orbit[signs]";
                    }

                    @Override
                    public double distance(double[] x, double[] y) {
                        double s = 0;
                        for (int j = 0; j < x.length; j++) {
                            double t = Math.abs(x[j]) - Math.abs(y[j]);
                            s += t * t;
                        }
                        return Math.sqrt(s);
                    }
                };
            }
        };
    }

    private static GroupElement flip(double[] s) {
        return new GroupElement() {
            @Override
            public double[] apply(double[] x) {
                double[] y = new double[x.length];
                for (int j = 0; j < x.length; j++) {
                    y[j] = s[j] * x[j];
                }
                return y;
            }

            @Override
            public GroupElement inverse() {
                return this;
            }
        };
    }

    /**
     * One common rotation of the {@code D/2} points of the plane: canonical pose rotates the first point onto
     * the positive x axis; orbit distance by 2-D Procrustes,
     * {@code d^2 = |x|^2 + |y|^2 - 2 |sum_j (x_j . y_j, x_j x y_j)|}; quadrature of {@code resolution} angles.
     */
    static SymmetryGroup so2() {
        return new SymmetryGroup() {
            @Override
            public String spec() {
                return "so2";
            }

            @Override
            public void checkDimension(int dim) {
                if (dim % 2 != 0) {
                    throw new IllegalArgumentException("so2 needs an even dimension");
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
                    out.add(rotation(2 * Math.PI * k / resolution));
                }
                return out;
            }

            @Override
            public GroupElement random(int dim, SplittableRandom rng) {
                return rotation(2 * Math.PI * rng.nextDouble());
            }

            @Override
            public GroupElement canonicalPose(double[] x) {
                return rotation(-Math.atan2(x[1], x[0]));
            }

            @Override
            public Metric orbitMetric(int dim) {
                return new Metric() {
                    @Override
                    public String name() {
                        return "orbit[so2]";
                    }

                    @Override
                    public double distance(double[] x, double[] y) {
                        double nx = 0;
                        double ny = 0;
                        double dot = 0;
                        double cross = 0;
                        for (int j = 0; j < x.length; j += 2) {
                            nx += x[j] * x[j] + x[j + 1] * x[j + 1];
                            ny += y[j] * y[j] + y[j + 1] * y[j + 1];
                            dot += x[j] * y[j] + x[j + 1] * y[j + 1];
                            cross += x[j] * y[j + 1] - x[j + 1] * y[j];
                        }
                        return Math.sqrt(Math.max(0, nx + ny - 2 * Math.hypot(dot, cross)));
                    }
                };
            }
        };
    }

    private static GroupElement rotation(double angle) {
        double c = Math.cos(angle);
        double s = Math.sin(angle);
        return new GroupElement() {
            @Override
            public double[] apply(double[] x) {
                double[] y = new double[x.length];
                for (int j = 0; j < x.length; j += 2) {
                    y[j] = c * x[j] - s * x[j + 1];
                    y[j + 1] = s * x[j] + c * x[j + 1];
                }
                return y;
            }

            @Override
            public GroupElement inverse() {
                return rotation(-angle);
            }
        };
    }

    /** Cyclic shifts {@code (g_k x)_j = x_(j - k mod D)}. */
    static SymmetryGroup cyclic() {
        return new SymmetryGroup() {
            @Override
            public String spec() {
                return "cyclic";
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
                return dim;
            }

            @Override
            public List<GroupElement> elements(int dim, int resolution) {
                List<GroupElement> out = new ArrayList<>();
                for (int k = 0; k < dim; k++) {
                    out.add(shift(k, dim));
                }
                return out;
            }

            @Override
            public GroupElement random(int dim, SplittableRandom rng) {
                return shift(rng.nextInt(dim), dim);
            }

            @Override
            public GroupElement canonicalPose(double[] x) {
                int arg = 0;
                for (int j = 1; j < x.length; j++) {
                    if (x[j] > x[arg]) {
                        arg = j;
                    }
                }
                return shift((x.length - arg) % x.length, x.length);
            }

            @Override
            public Metric orbitMetric(int dim) {
                return new Metric() {
                    @Override
                    public String name() {
                        return "orbit[cyclic]";
                    }

                    @Override
                    public double distance(double[] x, double[] y) {
                        double best = Double.POSITIVE_INFINITY;
                        for (int k = 0; k < x.length; k++) {
                            double s = 0;
                            for (int j = 0; j < x.length; j++) {
                                double t = x[j] - y[(j + k) % x.length];
                                s += t * t;
                            }
                            best = Math.min(best, s);
                        }
                        return Math.sqrt(best);
                    }
                };
            }
        };
    }

    private static GroupElement shift(int k, int dim) {
        return new GroupElement() {
            @Override
            public double[] apply(double[] x) {
                double[] y = new double[x.length];
                for (int j = 0; j < x.length; j++) {
                    y[(j + k) % x.length] = x[j];
                }
                return y;
            }

            @Override
            public GroupElement inverse() {
                return shift((dim - k) % dim, dim);
            }
        };
    }
}
