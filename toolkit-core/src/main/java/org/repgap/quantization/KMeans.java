package org.repgap.quantization;

import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.repgap.InvalidInputException;
import org.repgap.data.PointCloud;

/**
 * Seeded k-means: k-means++ seeding (Arthur & Vassilvitskii, SODA 2007) followed by Lloyd
 * iterations, with the assignment step parallel over points (common fork-join pool).
 *
 * <p>Why our own and not Smile's {@code smile.clustering.KMeans}: Smile 3.1.1 draws its k-means++
 * seeds from a global generator ({@code smile.math.MathEx.setSeed}, thread-local), with no seed
 * argument, which breaks the toolkit's rule of explicit seeds and makes concurrent fits
 * non-reproducible. Here every random choice comes from the {@link SplittableRandom} passed in,
 * and the reduction steps run in point order, so a seed gives bit-identical codebooks whatever the
 * number of threads.
 *
 * <p>Minimises the distortion {@code (1/n) sum_i min_j |x_i - c_j|^2} (totals over coordinates).
 * Ties in the assignment go to the lowest centre index. A centre that loses all its points is moved
 * to the point farthest from its centre (deterministic), so every codebook has {@code k} used centres
 * when {@code n >= k} distinct points allow.
 */
public final class KMeans {
    private KMeans() {
    }

    /**
     * Settings.
     *
     * @param maxIterations at most this many Lloyd iterations (at least 1)
     * @param tolerance     stop when the relative decrease of the distortion falls below this (at least 0)
     */
    public record Options(int maxIterations, double tolerance) {
        public Options {
            if (maxIterations < 1) {
                throw InvalidInputException.of("--max-iterations %d must be at least 1", maxIterations);
            }
            if (!(tolerance >= 0)) {
                throw InvalidInputException.of("--tolerance %s must be non-negative", tolerance);
            }
        }

        /** 100 iterations, relative tolerance 1e-6. */
        public static Options defaults() {
            return new Options(100, 1e-6);
        }
    }

    /**
     * A fitted codebook.
     *
     * @param k          number of centres
     * @param dim        dimension
     * @param centers    row-major {@code k x dim} centres (a copy)
     * @param distortion training distortion {@code (1/n) sum_i min_j |x_i - c_j|^2}
     * @param iterations Lloyd iterations run
     * @param converged  whether the tolerance was reached before {@code maxIterations}
     */
    public record Codebook(int k, int dim, double[] centers, double distortion, int iterations, boolean converged) {
        public Codebook {
            centers = centers.clone();
        }

        @Override
        public double[] centers() {
            return centers.clone();
        }

        /** {@code min_j |x_i - c_j|^2} for every point of {@code x} (parallel over points). */
        public double[] squaredErrors(PointCloud x) {
            if (x.dim() != dim) {
                throw InvalidInputException.of("%s has dimension %d but the codebook has %d", x.source(), x.dim(), dim);
            }
            double[] out = new double[x.n()];
            double[] v = x.values();
            IntStream.range(0, x.n()).parallel().forEach(i -> out[i] = nearest(v, i * dim, centers, k, dim, null, i));
            return out;
        }
    }

    /**
     * Fits {@code k} centres to {@code x}.
     *
     * @throws InvalidInputException if {@code k < 1} or {@code k > n}
     */
    public static Codebook fit(PointCloud x, int k, Options options, SplittableRandom rng) {
        int n = x.n();
        int dim = x.dim();
        if (k < 1 || k > n) {
            throw InvalidInputException.of("%s: k-means with k = %d needs 1 <= k <= n = %d points", x.source(), k, n);
        }
        double[] v = x.values();
        double[] c = seed(v, n, dim, k, rng);
        int[] assign = new int[n];
        double[] err = new double[n];
        double previous = Double.POSITIVE_INFINITY;
        double distortion = assignAll(v, n, dim, c, k, assign, err);
        int it = 0;
        boolean converged = false;
        while (it < options.maxIterations()) {
            it++;
            update(v, n, dim, c, k, assign, err);
            previous = distortion;
            distortion = assignAll(v, n, dim, c, k, assign, err);
            if (!(previous - distortion > options.tolerance() * previous)) {
                converged = true;
                break;
            }
        }
        return new Codebook(k, dim, c, distortion, it, converged);
    }

    /** k-means++: first centre uniform, then each next one with probability proportional to the squared distance to the chosen. */
    private static double[] seed(double[] v, int n, int dim, int k, SplittableRandom rng) {
        double[] c = new double[k * dim];
        int first = rng.nextInt(n);
        System.arraycopy(v, first * dim, c, 0, dim);
        double[] d2 = new double[n];
        IntStream.range(0, n).parallel().forEach(i -> d2[i] = squared(v, i * dim, c, 0, dim));
        for (int j = 1; j < k; j++) {
            double total = 0;
            for (int i = 0; i < n; i++) {
                total += d2[i];
            }
            int pick;
            if (total > 0) {
                double u = rng.nextDouble() * total;
                double acc = 0;
                pick = n - 1;
                for (int i = 0; i < n; i++) {
                    acc += d2[i];
                    if (acc > u) {
                        pick = i;
                        break;
                    }
                }
            } else {
                pick = rng.nextInt(n); // all points coincide with centres: any point
            }
            int off = j * dim;
            System.arraycopy(v, pick * dim, c, off, dim);
            IntStream.range(0, n).parallel().forEach(i -> d2[i] = Math.min(d2[i], squared(v, i * dim, c, off, dim)));
        }
        return c;
    }

    private static double assignAll(double[] v, int n, int dim, double[] c, int k, int[] assign, double[] err) {
        IntStream.range(0, n).parallel().forEach(i -> err[i] = nearest(v, i * dim, c, k, dim, assign, i));
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += err[i];
        }
        return s / n;
    }

    /** Squared distance to the nearest centre; records its index in {@code assign[i]} when {@code assign} is given. */
    static double nearest(double[] v, int off, double[] c, int k, int dim, int[] assign, int i) {
        double best = Double.POSITIVE_INFINITY;
        int arg = 0;
        for (int j = 0; j < k; j++) {
            double s = 0;
            int co = j * dim;
            for (int t = 0; t < dim && s < best; t++) {
                double u = v[off + t] - c[co + t];
                s += u * u;
            }
            if (s < best) {
                best = s;
                arg = j;
            }
        }
        if (assign != null) {
            assign[i] = arg;
        }
        return best;
    }

    private static void update(double[] v, int n, int dim, double[] c, int k, int[] assign, double[] err) {
        double[] sum = new double[k * dim];
        int[] count = new int[k];
        for (int i = 0; i < n; i++) {
            int j = assign[i];
            count[j]++;
            int so = j * dim;
            int vo = i * dim;
            for (int t = 0; t < dim; t++) {
                sum[so + t] += v[vo + t];
            }
        }
        boolean[] taken = null;
        for (int j = 0; j < k; j++) {
            if (count[j] > 0) {
                for (int t = 0; t < dim; t++) {
                    c[j * dim + t] = sum[j * dim + t] / count[j];
                }
            } else {
                // empty cluster: move it to the worst-served point not yet used for this purpose
                if (taken == null) {
                    taken = new boolean[n];
                }
                int far = -1;
                for (int i = 0; i < n; i++) {
                    if (!taken[i] && (far < 0 || err[i] > err[far])) {
                        far = i;
                    }
                }
                taken[far] = true;
                err[far] = 0;
                System.arraycopy(v, far * dim, c, j * dim, dim);
            }
        }
    }

    private static double squared(double[] a, int ao, double[] b, int bo, int dim) {
        double s = 0;
        for (int t = 0; t < dim; t++) {
            double u = a[ao + t] - b[bo + t];
            s += u * u;
        }
        return s;
    }
}
