package org.repgap.bench.group;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.repgap.group.Groups;
import org.repgap.neighbors.Metric;

/**
 * Orbit distances per second against the plain Euclidean kernel measured in the same run (interleaved
 * rounds, median of per-round ratios, so that load from other processes cancels out as far as possible).
 *
 * <p>Cases: {@code so2} at D = 64 (the closed form is one pass computing |x|^2, |y|^2, sum x_j.y_j and
 * sum x_j x y_j: target within 2x of Euclidean); {@code perm:8} with points of R^2 (D = 16, Hungarian
 * assignment); {@code cyclic} at several D (direct correlation up to 64, FFT beyond) against a naive
 * O(D^2) correlation written here, to check the crossover. Run:
 *
 * <pre>
 * mvn -B -q -o -pl benchmarks -am package -DskipTests
 * java -cp 'benchmarks/target/classes:benchmarks/target/lib/*' org.repgap.bench.group.OrbitDistanceBenchmark
 * </pre>
 */
public final class OrbitDistanceBenchmark {
    private static final int POINTS = 256;
    private static final int ROUNDS = 7;

    private OrbitDistanceBenchmark() {
    }

    /** A distance kernel on slices of one flat array. */
    interface Kernel {
        double distance(double[] a, int aOffset, double[] b, int bOffset, int dim);
    }

    public static void main(String[] args) {
        System.out.println("# orbit distances per second vs Euclidean (same run, median of " + ROUNDS + " interleaved rounds)");
        System.out.println("case                          D   euclid Mdist/s   orbit Mdist/s   orbit/euclid time ratio");
        compare("so2", 64, Groups.so2().orbitMetric(64)::distance);
        compare("perm:8 (points in R^2)", 16, Groups.perm(8).orbitMetric(16)::distance);
        compare("translation:2xso2", 64, Groups.parse("translation:2xso2").orbitMetric(64)::distance);
        compare("so3", 63, Groups.so3().orbitMetric(63)::distance);
        compare("perm:8xso2 (approximate)", 16, Groups.parse("perm:8xso2").orbitMetric(16)::distance);
        System.out.println();
        System.out.println("# cyclic: library (direct up to D = 64, FFT beyond) vs naive O(D^2) correlation");
        System.out.println("D      library us/dist   naive us/dist   library/naive");
        for (int dim : new int[] {16, 32, 64, 128, 256, 1024}) {
            Kernel lib = Groups.cyclic().orbitMetric(dim)::distance;
            double[] data = data(64, dim);
            double[] libT = new double[ROUNDS];
            double[] naiveT = new double[ROUNDS];
            for (int r = 0; r < ROUNDS; r++) {
                libT[r] = nanosPerDistance(lib, data, dim, 64);
                naiveT[r] = nanosPerDistance(OrbitDistanceBenchmark::naiveCyclic, data, dim, 64);
            }
            System.out.printf(Locale.ROOT, "%-6d %15.2f %15.2f %15.2f%n", dim, median(libT) / 1e3, median(naiveT) / 1e3,
                    median(libT) / median(naiveT));
        }
    }

    private static void compare(String name, int dim, Kernel orbit) {
        double[] data = data(POINTS, dim);
        Kernel euclid = Metric.euclidean()::distance;
        List<Double> ratios = new ArrayList<>();
        double[] e = new double[ROUNDS];
        double[] o = new double[ROUNDS];
        int points = name.contains("approximate") ? 48 : POINTS;
        for (int r = 0; r < ROUNDS; r++) {
            e[r] = nanosPerDistance(euclid, data, dim, POINTS);
            o[r] = nanosPerDistance(orbit, data, dim, points);
            ratios.add(o[r] / e[r]);
        }
        double ratio = median(ratios.stream().mapToDouble(Double::doubleValue).toArray());
        System.out.printf(Locale.ROOT, "%-26s %4d %15.1f %15.2f %15.2f%n", name, dim, 1e3 / median(e), 1e3 / median(o), ratio);
    }

    private static double[] data(int n, int dim) {
        SplittableRandom rng = new SplittableRandom(42);
        double[] v = new double[n * dim];
        for (int i = 0; i < v.length; i++) {
            v[i] = rng.nextDouble() * 2 - 1;
        }
        return v;
    }

    /** All ordered pairs of the first {@code n} points, repeated until at least 0.2 s has passed. */
    private static double nanosPerDistance(Kernel k, double[] data, int dim, int n) {
        long count = 0;
        double sink = 0;
        long start = System.nanoTime();
        long elapsed;
        do {
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    sink += k.distance(data, i * dim, data, j * dim, dim);
                }
            }
            count += (long) n * n;
            elapsed = System.nanoTime() - start;
        } while (elapsed < 200_000_000L);
        if (sink == 42) {
            System.out.print("");
        }
        return (double) elapsed / count;
    }

    private static double naiveCyclic(double[] a, int ao, double[] b, int bo, int dim) {
        double best = Double.NEGATIVE_INFINITY;
        double xx = 0;
        double yy = 0;
        for (int i = 0; i < dim; i++) {
            xx += a[ao + i] * a[ao + i];
            yy += b[bo + i] * b[bo + i];
        }
        for (int s = 0; s < dim; s++) {
            double c = 0;
            for (int i = 0; i < dim; i++) {
                int j = i - s < 0 ? i - s + dim : i - s;
                c += a[ao + i] * b[bo + j];
            }
            best = Math.max(best, c);
        }
        return Math.sqrt(Math.max(0, xx + yy - 2 * best));
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }
}
