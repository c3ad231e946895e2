package org.repgap.diffusion.tasks;

import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.repgap.stats.Shuffle;
import org.repgap.InvalidInputException;
import org.repgap.data.PointCloud;

/**
 * The trainer's symmetric tasks, by spec:
 * <ul>
 * <li>{@code rotated-clouds[:m[:k]]} (default 4 points, k = 2): {@code m} points of the plane
 * {@code P = R_theta pi(P_0 + 0.5 sum_a u_a M_a)}, {@code u ~ U(-1,1)^k}, a uniform rotation {@code theta} and a
 * uniform permutation {@code pi} of the points; invariant under {@code so2} and {@code perm:m};
 * {@code d = k + 1}, {@code d_task = k} for {@code so2};</li>
 * <li>{@code shifted-signals[:D[:k]]} (default 16, k = 2): a periodic signal
 * {@code f_0 + 0.5 sum_a u_a m_a} (smooth random Fourier profiles) shifted by a uniform cyclic shift;
 * invariant under {@code cyclic}; {@code d = k};</li>
 * <li>{@code sign-vectors[:D[:k]]} (default 4, k = 2): {@code eps * (c + A u)} with independent random signs
 * {@code eps}; invariant under {@code signs}; {@code d = k}.</li>
 * </ul>
 * The template ({@code P_0}, modes, offsets) comes from a fixed structural seed so that a spec always
 * names the same distribution.
 */
public final class Tasks {
    private static final long STRUCTURE_SEED = 20260127L;

    private Tasks() {
    }

    /** The known task names. */
    public static List<String> names() {
        return List.of("rotated-clouds", "shifted-signals", "sign-vectors");
    }

    /** True if {@code spec} names one of the trainer's tasks. */
    public static boolean isTask(String spec) {
        return names().contains(spec.trim().toLowerCase(Locale.ROOT).split(":")[0]);
    }

    /**
     * Parses a task spec.
     *
     * @throws InvalidInputException for an unknown name or bad parameters
     */
    public static SymmetricTask parse(String spec) {
        String[] parts = spec.trim().toLowerCase(Locale.ROOT).split(":");
        int a = parts.length > 1 ? parseInt(spec, parts[1]) : -1;
        int k = parts.length > 2 ? parseInt(spec, parts[2]) : 2;
        if (parts.length > 3) {
            throw InvalidInputException.of("task %s: expected NAME[:SIZE[:K]]", spec);
        }
        return switch (parts[0]) {
            case "rotated-clouds" -> new Template(spec, Kind.CLOUDS, a < 0 ? 4 : a, k);
            case "shifted-signals" -> new Template(spec, Kind.SIGNALS, a < 0 ? 16 : a, k);
            case "sign-vectors" -> new Template(spec, Kind.SIGNS, a < 0 ? 4 : a, k);
            default -> throw InvalidInputException.of("task %s: unknown (known: %s)", spec, String.join(", ", names()));
        };
    }

    private static int parseInt(String spec, String s) {
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            throw InvalidInputException.of("task %s: '%s' is not an integer", spec, s);
        }
    }

    private enum Kind { CLOUDS, SIGNALS, SIGNS }

    private static final class Template implements SymmetricTask {
        private final String spec;
        private final Kind kind;
        private final int size;
        private final int k;
        private final int dim;
        private final double[] base;
        private final double[][] modes;

        Template(String spec, Kind kind, int size, int k) {
            int minSize = kind == Kind.CLOUDS ? 2 : 2;
            if (size < minSize || size > 4096 || k < 1 || k > 64) {
                throw InvalidInputException.of("task %s: need size between %d and 4096 (got %d) and 1 <= k <= 64 (got %d)",
                        spec, minSize, size, k);
            }
            this.kind = kind;
            this.size = size;
            this.k = k;
            this.dim = kind == Kind.CLOUDS ? 2 * size : size;
            String name = switch (kind) {
                case CLOUDS -> "rotated-clouds";
                case SIGNALS -> "shifted-signals";
                case SIGNS -> "sign-vectors";
            };
            this.spec = name + ":" + size + ":" + k;
            SplittableRandom rng = new SplittableRandom(STRUCTURE_SEED + kind.ordinal());
            base = new double[dim];
            modes = new double[k][dim];
            switch (kind) {
                case CLOUDS -> {
                    for (int p = 0; p < size; p++) {
                        double ang = 2 * Math.PI * p / size + 0.3 * rng.nextGaussian();
                        double r = 0.6 + 0.4 * rng.nextDouble();
                        base[2 * p] = r * Math.cos(ang);
                        base[2 * p + 1] = r * Math.sin(ang);
                    }
                    for (double[] m : modes) {
                        gaussianUnit(m, rng, 0.5);
                    }
                }
                case SIGNALS -> {
                    smooth(base, rng);
                    for (double[] m : modes) {
                        smooth(m, rng);
                        scale(m, 0.5);
                    }
                }
                case SIGNS -> {
                    for (int j = 0; j < dim; j++) {
                        base[j] = 1 + rng.nextDouble();
                    }
                    for (double[] m : modes) {
                        gaussianUnit(m, rng, 0.5);
                    }
                }
                default -> throw new IllegalStateException();
            }
        }

        private static void gaussianUnit(double[] v, SplittableRandom rng, double norm) {
            double s = 0;
            for (int j = 0; j < v.length; j++) {
                v[j] = rng.nextGaussian();
                s += v[j] * v[j];
            }
            scale(v, norm * Math.sqrt(v.length) / Math.sqrt(s));
        }

        private static void scale(double[] v, double f) {
            for (int j = 0; j < v.length; j++) {
                v[j] *= f;
            }
        }

        /** A random low-frequency periodic profile with unit RMS. */
        private static void smooth(double[] v, SplittableRandom rng) {
            int n = v.length;
            for (int f = 1; f <= Math.min(3, n / 2); f++) {
                double a = rng.nextGaussian() / f;
                double b = rng.nextGaussian() / f;
                for (int j = 0; j < n; j++) {
                    double t = 2 * Math.PI * f * j / n;
                    v[j] += a * Math.cos(t) + b * Math.sin(t);
                }
            }
            double s = 0;
            for (double x : v) {
                s += x * x;
            }
            scale(v, Math.sqrt(n / s));
        }

        @Override
        public String spec() {
            return spec;
        }

        @Override
        public int dim() {
            return dim;
        }

        @Override
        public int intrinsicDim() {
            return kind == Kind.CLOUDS ? k + 1 : k;
        }

        @Override
        public String group() {
            return switch (kind) {
                case CLOUDS -> "so2";
                case SIGNALS -> "cyclic";
                case SIGNS -> "signs";
            };
        }

        @Override
        public PointCloud sample(int n, SplittableRandom rng) {
            double[] out = new double[Math.multiplyExact(n, dim)];
            double[] shape = new double[dim];
            for (int i = 0; i < n; i++) {
                System.arraycopy(base, 0, shape, 0, dim);
                for (double[] m : modes) {
                    double u = 2 * rng.nextDouble() - 1;
                    for (int j = 0; j < dim; j++) {
                        shape[j] += u * m[j];
                    }
                }
                int o = i * dim;
                switch (kind) {
                    case CLOUDS -> {
                        double th = 2 * Math.PI * rng.nextDouble();
                        double c = Math.cos(th);
                        double s = Math.sin(th);
                        int[] perm = Shuffle.permutation(size, rng);
                        for (int p = 0; p < size; p++) {
                            double px = shape[2 * perm[p]];
                            double py = shape[2 * perm[p] + 1];
                            out[o + 2 * p] = c * px - s * py;
                            out[o + 2 * p + 1] = s * px + c * py;
                        }
                    }
                    case SIGNALS -> {
                        int shift = rng.nextInt(dim);
                        for (int j = 0; j < dim; j++) {
                            out[o + (j + shift) % dim] = shape[j];
                        }
                    }
                    case SIGNS -> {
                        for (int j = 0; j < dim; j++) {
                            out[o + j] = rng.nextBoolean() ? shape[j] : -shape[j];
                        }
                    }
                    default -> throw new IllegalStateException();
                }
            }
            return PointCloud.wrap(n, dim, out, spec);
        }
    }
}
