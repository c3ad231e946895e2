package org.repgap.stats;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.repgap.progress.Progress;

/**
 * The toolkit's one bootstrap: {@code B} replicates of a statistic, computed in parallel, each
 * with its own random stream split from the seed in replicate order, so the output depends only
 * on the seed (not on thread scheduling). Percentile intervals.
 *
 * <p>Reference: Efron & Tibshirani, An Introduction to the Bootstrap, 1993, ch. 13 (percentile interval).
 */
public final class Bootstrap {
    private Bootstrap() {
    }

    /** A two-sided interval at a confidence level. */
    public record Interval(double low, double high, double level) {
    }

    /**
     * Computes {@code statistic} on {@code replicates} independent random streams derived from {@code seed}.
     * The statistic returns a vector (one value per quantity); rows of the result are replicates.
     * A replicate may return {@code null} (e.g. a failed fit); it is dropped from the result.
     */
    public static double[][] replicate(int replicates, long seed, Function<SplittableRandom, double[]> statistic,
                                       Progress progress) {
        if (replicates < 1) {
            throw org.repgap.InvalidInputException.of("--bootstrap %d: the number of replicates must be at least 1", replicates);
        }
        SplittableRandom root = new SplittableRandom(seed);
        SplittableRandom[] streams = new SplittableRandom[replicates];
        for (int b = 0; b < replicates; b++) {
            streams[b] = root.split();
        }
        double[][] out = new double[replicates][];
        java.util.concurrent.atomic.AtomicLong done = new java.util.concurrent.atomic.AtomicLong();
        IntStream.range(0, replicates).parallel().forEach(b -> {
            out[b] = statistic.apply(streams[b]);
            progress.update("bootstrap", done.incrementAndGet(), replicates);
        });
        return Arrays.stream(out).filter(r -> r != null).toArray(double[][]::new);
    }

    /** {@code n} indices drawn uniformly with replacement from {@code 0..n-1}. */
    public static int[] resample(int n, SplittableRandom rng) {
        int[] idx = new int[n];
        for (int i = 0; i < n; i++) {
            idx[i] = rng.nextInt(n);
        }
        return idx;
    }

    /**
     * Percentile interval of the finite values of column {@code column}: the {@code (1-level)/2} and
     * {@code (1+level)/2} quantiles (linear interpolation between order statistics, numpy's default).
     * Returns NaN bounds when no replicate is finite.
     */
    public static Interval percentile(double[][] replicates, int column, double level) {
        double[] v = Arrays.stream(replicates).mapToDouble(r -> r[column]).filter(Double::isFinite).sorted().toArray();
        if (v.length == 0) {
            return new Interval(Double.NaN, Double.NaN, level);
        }
        return new Interval(quantile(v, (1 - level) / 2), quantile(v, (1 + level) / 2), level);
    }

    /** Quantile {@code q} of sorted values with linear interpolation (numpy {@code percentile} default). */
    public static double quantile(double[] sorted, double q) {
        double pos = q * (sorted.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
    }

    /** Sample standard deviation (denominator {@code m - 1}) of the finite values of a column. */
    public static double standardError(double[][] replicates, int column) {
        double[] v = Arrays.stream(replicates).mapToDouble(r -> r[column]).filter(Double::isFinite).toArray();
        if (v.length < 2) {
            return Double.NaN;
        }
        double mean = Arrays.stream(v).average().orElse(Double.NaN);
        double ss = 0;
        for (double x : v) {
            ss += (x - mean) * (x - mean);
        }
        return Math.sqrt(ss / (v.length - 1));
    }
}
