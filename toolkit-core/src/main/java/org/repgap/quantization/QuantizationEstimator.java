package org.repgap.quantization;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.repgap.stats.Shuffle;
import org.repgap.InvalidInputException;
import org.repgap.data.PointCloud;
import org.repgap.progress.Progress;
import org.repgap.provenance.Provenance;
import org.repgap.stats.Bootstrap;
import org.repgap.stats.LeastSquaresLine;

/**
 * The optimal-quantization estimator of intrinsic dimension (THEORY.md section 5; Raginsky &
 * Lazebnik, "Estimation of intrinsic dimensionality using high-rate vector quantization",
 * NeurIPS 2005). By Zador's theorem the error of the optimal {@code k}-point quantizer of a
 * {@code d}-dimensional law falls as {@code e_k ~ Q_d k^(-2/d) (integral f^(d/(d+2)))^((d+2)/d)}
 * (Graf & Luschgy 2000), so the slope of {@code log e_k} against {@code log k} is {@code -2/d}.
 *
 * <p>Procedure: the points are shuffled with the seed and split into a training part (codebooks
 * by {@link KMeans}, k-means++ start, best of {@code restarts} by training distortion) and a
 * held-out part on which {@code e_k = mean min_j |x - c_j|^2} is measured (the training distortion
 * would be optimistic for large {@code k}); {@code k} runs over a geometric grid; the line
 * {@code log e_k = a + b log k} is fitted by least squares and {@code d = -2/b}.
 *
 * <p>Interval: the shared {@link Bootstrap} resamples the held-out points (with the codebooks
 * fixed) and refits the line; the percentile interval of {@code d} is reported. It ignores the
 * randomness of the codebooks, so it is a lower bound on the true uncertainty.
 *
 * <p>Scale: the estimate refers to the range of {@code k} (cells of diameter about
 * {@code k^(-1/d)} of the data's extent), reported in the result. Default range: {@code k} from
 * {@code max(2, kMax/16)} to {@code kMax = min(1024, nTrain/20)}, eight values. The upper end keeps
 * about 20 training points per cell: the held-out distortion of a codebook estimated from
 * {@code m} points per cell exceeds the optimal one by roughly a factor {@code 1 + c/m}, which
 * flattens the slope and inflates {@code d} (by 4% at {@code d = 1} with 10 points per cell).
 *
 * <p>Known bias, measured on 4,000 uniform points (see the tests): the law is asymptotic in
 * {@code k^(1/d)}, the number of cells along each intrinsic direction, which stays small for
 * {@code d >= 4} at feasible {@code k}. Boundaries (cubes) pull the estimate down, curvature at
 * the scale of the cells (spheres, and above all the flat torus embedded as a product of circles)
 * pushes it up: within 10% for cubes of {@code d <= 5}, up to about +15% on spheres, and up to
 * +60% on the embedded 5-torus. Use it at low {@code d} or with many points, and read it with
 * its range of {@code k}.
 */
public final class QuantizationEstimator {
    /** Name under which the toolkit lists this estimator. */
    public static final String NAME = "quantization";

    private QuantizationEstimator() {
    }

    /**
     * Settings, validated on construction.
     *
     * @param kMin          smallest {@code k}, or {@code null} for the default
     * @param kMax          largest {@code k}, or {@code null} for the default
     * @param kCount        number of {@code k} values on the geometric grid (at least 2; duplicates after rounding dropped)
     * @param trainFraction fraction of points used to fit codebooks, in (0, 1)
     * @param restarts      k-means runs per {@code k} (best training distortion kept), at least 1
     * @param kmeans        k-means settings
     * @param bootstrap     bootstrap replicates over held-out points (at least 1)
     * @param level         confidence level in (0, 1)
     * @param seed          seed of the split, the seeding and the bootstrap
     */
    public record Options(Integer kMin, Integer kMax, int kCount, double trainFraction, int restarts, KMeans.Options kmeans,
                          int bootstrap, double level, long seed) {
        public Options {
            if (kMin != null && kMin < 1) {
                throw InvalidInputException.of("--k-min %d must be at least 1", kMin);
            }
            if (kMin != null && kMax != null && kMax <= kMin) {
                throw InvalidInputException.of("--k-max %d must exceed --k-min %d", kMax, kMin);
            }
            if (kCount < 2) {
                throw InvalidInputException.of("--k-count %d: a slope needs at least 2 values of k", kCount);
            }
            if (!(trainFraction > 0 && trainFraction < 1)) {
                throw InvalidInputException.of("--train-fraction %s must be strictly between 0 and 1", trainFraction);
            }
            if (restarts < 1) {
                throw InvalidInputException.of("--restarts %d must be at least 1", restarts);
            }
            if (kmeans == null) {
                throw new NullPointerException("kmeans");
            }
            if (bootstrap < 1) {
                throw InvalidInputException.of("--bootstrap %d must be at least 1", bootstrap);
            }
            if (!(level > 0 && level < 1)) {
                throw InvalidInputException.of("--level %s must be strictly between 0 and 1", level);
            }
        }

        /** Default range, 8 values of k, half for training, 1 restart, 200 bootstrap replicates, 95%. */
        public static Options defaults(long seed) {
            return new Options(null, null, 8, 0.5, 1, KMeans.Options.defaults(), 200, 0.95, seed);
        }

        /** The same settings with a range of {@code k}. */
        public Options withRange(int min, int max) {
            return new Options(min, max, kCount, trainFraction, restarts, kmeans, bootstrap, level, seed);
        }
    }

    /**
     * Distortion at one codebook size.
     *
     * @param k                number of centres
     * @param distortion       held-out distortion {@code e_k}
     * @param trainDistortion  training distortion
     * @param iterations       Lloyd iterations of the kept run
     * @param converged        whether the kept run converged
     */
    public record Distortion(int k, double distortion, double trainDistortion, int iterations, boolean converged) {
    }

    /**
     * Fits the estimator.
     *
     * @throws InvalidInputException for too few points for the range of {@code k}
     */
    public static QuantizationResult estimate(PointCloud x, Options options) {
        return estimate(x, options, Progress.NONE);
    }

    /** As {@link #estimate(PointCloud, Options)}, reporting one unit per {@code k}. */
    public static QuantizationResult estimate(PointCloud x, Options options, Progress progress) {
        int n = x.n();
        int nTrain = (int) Math.round(options.trainFraction() * n);
        int nTest = n - nTrain;
        if (nTrain < 4 || nTest < 2) {
            throw InvalidInputException.of("%s: %d points give %d training and %d held-out points; the quantization estimator "
                    + "needs at least 4 and 2", x.source(), n, nTrain, nTest);
        }
        int kMax = options.kMax() != null ? options.kMax() : Math.min(1024, nTrain / 20);
        int kMin = options.kMin() != null ? options.kMin() : Math.max(2, kMax / 16);
        if (kMax > nTrain) {
            throw InvalidInputException.of("--k-max %d exceeds the %d training points of %s", kMax, nTrain, x.source());
        }
        if (kMax <= kMin) {
            throw InvalidInputException.of("%s: %d training points are too few for a range of k (k-max %d <= k-min %d); "
                    + "give more points or --k-min/--k-max", x.source(), nTrain, kMax, kMin);
        }
        int[] ks = grid(kMin, kMax, options.kCount());
        SplittableRandom root = new SplittableRandom(options.seed());
        int[] perm = Shuffle.permutation(n, root.split());
        PointCloud train = x.select(Arrays.copyOfRange(perm, 0, nTrain));
        PointCloud test = x.select(Arrays.copyOfRange(perm, nTrain, n));
        double[][] perPoint = new double[ks.length][];
        List<Distortion> rows = new ArrayList<>();
        double[] logK = new double[ks.length];
        double[] logE = new double[ks.length];
        for (int j = 0; j < ks.length; j++) {
            SplittableRandom kRng = root.split();
            KMeans.Codebook best = null;
            for (int r = 0; r < options.restarts(); r++) {
                KMeans.Codebook c = KMeans.fit(train, ks[j], options.kmeans(), kRng.split());
                if (best == null || c.distortion() < best.distortion()) {
                    best = c;
                }
            }
            perPoint[j] = best.squaredErrors(test);
            double e = mean(perPoint[j], null);
            if (!(e > 0)) {
                throw InvalidInputException.of("%s: held-out distortion is 0 at k = %d (duplicated points?): no slope", x.source(), ks[j]);
            }
            rows.add(new Distortion(ks[j], e, best.distortion(), best.iterations(), best.converged()));
            logK[j] = Math.log(ks[j]);
            logE[j] = Math.log(e);
            progress.update("quantization", j + 1, ks.length);
        }
        LeastSquaresLine line = LeastSquaresLine.fit(logK, logE);
        double[][] reps = Bootstrap.replicate(options.bootstrap(), root.nextLong(), rng -> {
            int[] idx = Bootstrap.resample(nTest, rng);
            double[] y = new double[ks.length];
            for (int j = 0; j < ks.length; j++) {
                y[j] = Math.log(mean(perPoint[j], idx));
            }
            double b = LeastSquaresLine.fit(logK, y).slope();
            return new double[] {b < 0 ? -2 / b : Double.NaN};
        }, Progress.NONE);
        Bootstrap.Interval ci = Bootstrap.percentile(reps, 0, options.level());
        double slope = line.slope();
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("k_min", kMin);
        params.put("k_max", kMax);
        params.put("k_count", options.kCount());
        params.put("train_fraction", options.trainFraction());
        params.put("restarts", options.restarts());
        params.put("max_iterations", options.kmeans().maxIterations());
        params.put("tolerance", options.kmeans().tolerance());
        params.put("bootstrap", options.bootstrap());
        params.put("level", options.level());
        Provenance prov = Provenance.of("QuantizationEstimator", params, x.sha256(), options.seed());
        return new QuantizationResult(slope < 0 ? -2 / slope : null, finite(ci.low()), finite(ci.high()), options.level(),
                slope, line.intercept(), kMin, kMax, rows, nTrain, nTest, prov);
    }

    private static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }

    private static double mean(double[] v, int[] idx) {
        double s = 0;
        if (idx == null) {
            for (double t : v) {
                s += t;
            }
            return s / v.length;
        }
        for (int i : idx) {
            s += v[i];
        }
        return s / idx.length;
    }

    /** A geometric grid from {@code min} to {@code max}, rounded, strictly increasing. */
    static int[] grid(int min, int max, int count) {
        int[] out = new int[count];
        int m = 0;
        for (int j = 0; j < count; j++) {
            int v = (int) Math.round(min * Math.pow((double) max / min, (double) j / (count - 1)));
            if (m == 0 || v > out[m - 1]) {
                out[m++] = v;
            }
        }
        return Arrays.copyOf(out, m);
    }

}
