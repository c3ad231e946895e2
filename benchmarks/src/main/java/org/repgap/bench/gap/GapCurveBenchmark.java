package org.repgap.bench.gap;

import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;
import org.repgap.stats.Shuffle;
import java.util.stream.IntStream;
import org.repgap.data.PointCloud;
import org.repgap.gap.RepresentationGapCurve;
import org.repgap.neighbors.Metric;
import org.repgap.neighbors.NeighborSearch;
import org.repgap.progress.Progress;

/**
 * Throughput of the Representation Gap learning curve (leave-one-out, nested subsamples, the
 * injected exact search) against the plain Euclidean kernel measured in the same run: a direct
 * double loop over the same subsamples computing {@code min_{j != i} |x_i - x_j|^2}, parallel over
 * {@code i} like the search. Both count {@code n (n - 1)} distance evaluations per size.
 *
 * <p>Data: a smooth 4-dimensional manifold in {@code R^64} (four angles mapped through random
 * Fourier features), so the curve is the one the law predicts. Usage:
 * <pre>
 *   java -cp 'benchmarks/target/benchmarks-0.1.0-SNAPSHOT.jar:benchmarks/target/lib/*' \
 *       org.repgap.bench.gap.GapCurveBenchmark [maxN=50000] [dim=64] [sizes=5] [repeats=1]
 * </pre>
 * Prints one line per size and the total ratio (curve time / kernel time; 1.0 means no overhead).
 */
public final class GapCurveBenchmark {
    private GapCurveBenchmark() {
    }

    public static void main(String[] args) {
        int maxN = args.length > 0 ? Integer.parseInt(args[0]) : 50_000;
        int dim = args.length > 1 ? Integer.parseInt(args[1]) : 64;
        int count = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        int repeats = args.length > 3 ? Integer.parseInt(args[3]) : 1;
        PointCloud x = manifold(maxN, dim, 4, 1);
        int[] sizes = RepresentationGapCurve.Options.geometricSizes(Math.max(2, maxN >> (count - 1)), maxN, count);
        System.out.printf(Locale.ROOT, "# gap curve benchmark: n up to %d in R^%d, sizes %s, %d cores, Java %s%n", maxN, dim,
                Arrays.toString(sizes), Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
        NeighborSearch search = NeighborSearch.bruteForce(Metric.euclidean());
        // warm-up on a small prefix so both paths are compiled before timing
        RepresentationGapCurve.compute(x.head(Math.min(maxN, 3000)), search, RepresentationGapCurve.Options.leaveOneOut(new int[] {1000, 3000 > maxN ? maxN : 3000}, 1, 0), Progress.NONE);
        kernel(x.head(Math.min(maxN, 3000)));
        int[] perm = Shuffle.permutation(maxN, new SplittableRandom(0).split());
        double totalCurve = 0;
        double totalKernel = 0;
        System.out.printf(Locale.ROOT, "%8s %12s %12s %14s %14s %8s %12s%n", "n", "curve_s", "kernel_s", "curve_pairs/s", "kernel_pairs/s",
                "ratio", "rg");
        for (int n : sizes) {
            double best = Double.POSITIVE_INFINITY;
            double bestK = Double.POSITIVE_INFINITY;
            double rg = 0;
            double rgK = 0;
            for (int r = 0; r < repeats; r++) {
                long t0 = System.nanoTime();
                // the curve at one size: same shuffle (seed 0, first split) as the kernel's subsample
                RepresentationGapCurve.Result c = RepresentationGapCurve.compute(x, search, RepresentationGapCurve.Options.leaveOneOut(new int[] {n}, 1, 0), Progress.NONE);
                best = Math.min(best, (System.nanoTime() - t0) / 1e9);
                rg = c.points().get(0).rgMean();
                PointCloud sub = x.select(Arrays.copyOf(perm, n));
                long t1 = System.nanoTime();
                rgK = kernel(sub);
                bestK = Math.min(bestK, (System.nanoTime() - t1) / 1e9);
            }
            if (Math.abs(rg - rgK) > 1e-9 * rgK) {
                throw new IllegalStateException("curve and kernel disagree at n=" + n + ": " + rg + " vs " + rgK);
            }
            double pairs = (double) n * (n - 1);
            totalCurve += best;
            totalKernel += bestK;
            System.out.printf(Locale.ROOT, "%8d %12.3f %12.3f %14.4g %14.4g %8.3f %12.5g%n", n, best, bestK, pairs / best, pairs / bestK,
                    best / bestK, rg);
        }
        System.out.printf(Locale.ROOT, "# total: curve %.2f s, kernel %.2f s, ratio %.3f%n", totalCurve, totalKernel, totalCurve / totalKernel);
    }

    /** The plain kernel: parallel over i, direct differences, running minimum. Returns the leave-one-out gap. */
    static double kernel(PointCloud x) {
        int n = x.n();
        int dim = x.dim();
        double[] v = x.values();
        double[] best = new double[n];
        IntStream.range(0, n).parallel().forEach(i -> {
            double m = Double.POSITIVE_INFINITY;
            int a = i * dim;
            for (int j = 0; j < n; j++) {
                if (j == i) {
                    continue;
                }
                double s = 0;
                int b = j * dim;
                for (int c = 0; c < dim; c++) {
                    double t = v[a + c] - v[b + c];
                    s += t * t;
                }
                if (s < m) {
                    m = s;
                }
            }
            best[i] = m;
        });
        double s = 0;
        for (double b : best) {
            s += b;
        }
        return s / n;
    }

    /** {@code n} points of a smooth {@code d}-manifold in {@code R^dim}: angles through random Fourier features. */
    static PointCloud manifold(int n, int dim, int d, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        int[][] freq = new int[dim][d];
        double[] phase = new double[dim];
        for (int c = 0; c < dim; c++) {
            for (int k = 0; k < d; k++) {
                freq[c][k] = rng.nextInt(3) - 1;
            }
            phase[c] = 2 * Math.PI * rng.nextDouble();
        }
        double[] v = new double[n * dim];
        double[] t = new double[d];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < d; k++) {
                t[k] = 2 * Math.PI * rng.nextDouble();
            }
            for (int c = 0; c < dim; c++) {
                double a = phase[c];
                for (int k = 0; k < d; k++) {
                    a += freq[c][k] * t[k];
                }
                v[i * dim + c] = Math.cos(a) / Math.sqrt(dim);
            }
        }
        return PointCloud.wrap(n, dim, v, "bench-manifold");
    }

}
