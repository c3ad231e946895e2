package org.repgap.gap;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.repgap.stats.Shuffle;
import org.repgap.InvalidInputException;
import org.repgap.data.PointCloud;
import org.repgap.neighbors.NeighborSearch;
import org.repgap.progress.Progress;
import org.repgap.provenance.Provenance;

/**
 * A Representation Gap learning curve: {@code RG_n^G} (THEORY.md section 3) over a grid of
 * training-set sizes {@code n}, for several seeds, with the mean and spread at each {@code n}.
 *
 * <p>For every seed the data are shuffled with that seed's own stream (split from
 * {@link Options#seed()} in seed order, so the output depends only on the seed). With
 * {@link Evaluation#TEST_SET} the first {@code round(testFraction N)} shuffled points are the test
 * set and the rest the pool; with {@link Evaluation#LEAVE_ONE_OUT} the pool is all {@code N}
 * points and the leave-one-out value of a subsample of {@code n} points estimates
 * {@code RG_(n-1)} ({@link CurvePoint#gapSize()} says which size the value refers to; the law and
 * the slope fit use it). Training sets are the first {@code n} points of the shuffled pool
 * ({@link Subsampling#NESTED}, curves smooth in {@code n}) or a fresh subsample for each
 * {@code n} ({@link Subsampling#INDEPENDENT}, points independent across
 * {@code n}).
 */
public final class RepresentationGapCurve {
    private RepresentationGapCurve() {
    }

    /** How the gap is measured at each training-set size. */
    public enum Evaluation {
        /** Held-out test set: unbiased for {@code RG_n}. */
        TEST_SET,
        /** Leave-one-out on the training subsample: estimates {@code RG_(n-1)} without a test set. */
        LEAVE_ONE_OUT
    }

    /** How training subsamples relate across sizes. */
    public enum Subsampling {
        /** One shuffle per seed, training set = its first {@code n} points (sets grow). */
        NESTED,
        /** A fresh random subsample of the pool for every {@code n}. */
        INDEPENDENT
    }

    /**
     * Settings, validated on construction.
     *
     * @param sizes        training-set sizes, strictly increasing, each at least 2 (a copy is kept)
     * @param seeds        number of seeds (repetitions) per size, at least 1
     * @param seed         root seed of every random choice
     * @param evaluation   test set or leave-one-out
     * @param testFraction fraction of the data held out as test set, in (0, 1); ignored for leave-one-out
     * @param subsampling  nested or independent subsamples
     */
    public record Options(int[] sizes, int seeds, long seed, Evaluation evaluation, double testFraction,
                          Subsampling subsampling) {
        public Options {
            if (sizes == null || sizes.length == 0) {
                throw InvalidInputException.of("--sizes: give at least one training-set size");
            }
            sizes = sizes.clone();
            for (int j = 0; j < sizes.length; j++) {
                if (sizes[j] < 2) {
                    throw InvalidInputException.of("--sizes: size %d must be at least 2", sizes[j]);
                }
                if (j > 0 && sizes[j] <= sizes[j - 1]) {
                    throw InvalidInputException.of("--sizes: sizes must be strictly increasing (%d after %d)", sizes[j], sizes[j - 1]);
                }
            }
            if (seeds < 1) {
                throw InvalidInputException.of("--seeds %d: the number of seeds must be at least 1", seeds);
            }
            if (evaluation == null || subsampling == null) {
                throw new NullPointerException("evaluation and subsampling are required");
            }
            if (evaluation == Evaluation.TEST_SET && !(testFraction > 0 && testFraction < 1)) {
                throw InvalidInputException.of("--test-fraction %s must be strictly between 0 and 1", testFraction);
            }
        }

        /** Leave-one-out, nested subsamples. */
        public static Options leaveOneOut(int[] sizes, int seeds, long seed) {
            return new Options(sizes, seeds, seed, Evaluation.LEAVE_ONE_OUT, 0.2, Subsampling.NESTED);
        }

        /** A held-out test set of the given fraction, nested subsamples. */
        public static Options testSet(int[] sizes, int seeds, long seed, double testFraction) {
            return new Options(sizes, seeds, seed, Evaluation.TEST_SET, testFraction, Subsampling.NESTED);
        }

        /** The same settings with another subsampling scheme. */
        public Options withSubsampling(Subsampling s) {
            return new Options(sizes, seeds, seed, evaluation, testFraction, s);
        }

        @Override
        public int[] sizes() {
            return sizes.clone();
        }

        /** A geometric grid of {@code count} sizes from {@code min} to {@code max}, rounded and deduplicated. */
        public static int[] geometricSizes(int min, int max, int count) {
            if (min < 2 || max < min || count < 1) {
                throw InvalidInputException.of("size grid %d..%d with %d sizes: need 2 <= min <= max and count >= 1", min, max, count);
            }
            int[] out = new int[count];
            int m = 0;
            for (int j = 0; j < count; j++) {
                double t = count == 1 ? 1 : (double) j / (count - 1);
                int v = (int) Math.round(min * Math.pow((double) max / min, t));
                if (m == 0 || v > out[m - 1]) {
                    out[m++] = v;
                }
            }
            return Arrays.copyOf(out, m);
        }
    }

    /**
     * The curve at one size.
     *
     * @param n       training-set size (the subsample size)
     * @param gapSize the {@code n'} of {@code RG_(n')} estimated: {@code n} with a test set, {@code n - 1} for leave-one-out
     * @param rgMean  mean over seeds
     * @param rgSd    sample standard deviation over seeds ({@code null} with one seed)
     * @param seeds   number of seeds
     * @param rgValues the value of every seed, in seed order (a copy)
     * @param zeroDistances the largest number, over seeds, of evaluation points at distance 0 from their nearest
     *                  training point (duplicates under the orbit metric; kept, they count as a gap of 0)
     */
    public record CurvePoint(int n, int gapSize, double rgMean, Double rgSd, int seeds, double[] rgValues, int zeroDistances) {
        public CurvePoint {
            rgValues = rgValues.clone();
        }

        @Override
        public double[] rgValues() {
            return rgValues.clone();
        }
    }

    /**
     * A learning curve.
     *
     * @param points     one per size, increasing {@code n}
     * @param evaluation how the gap was measured
     * @param subsampling nested or independent
     * @param testPoints size of the test set (0 for leave-one-out)
     * @param metric     name of the metric (orbit distance of the group)
     * @param provenance how to rebuild it
     */
    public record Result(List<CurvePoint> points, Evaluation evaluation, Subsampling subsampling, int testPoints,
                         String metric, Provenance provenance) {
        public Result {
            points = List.copyOf(points);
        }

        /** The sizes {@code n}. */
        public int[] sizes() {
            return points.stream().mapToInt(CurvePoint::n).toArray();
        }

        /** {@code values[s][j]}: the gap of seed {@code s} at size {@code j}. */
        public double[][] valuesBySeed() {
            int seeds = points.get(0).seeds();
            double[][] v = new double[seeds][points.size()];
            for (int j = 0; j < points.size(); j++) {
                double[] col = points.get(j).rgValues;
                for (int s = 0; s < seeds; s++) {
                    v[s][j] = col[s];
                }
            }
            return v;
        }
    }

    /**
     * Computes the curve.
     *
     * @param data     the whole data set (pool and, with a test set, the test points)
     * @param search   exact neighbour search whose metric is the orbit distance of the group
     * @param options  sizes, seeds, evaluation and subsampling
     * @param progress receives one unit per (seed, size)
     * @throws InvalidInputException if a size exceeds the pool (naming {@code --sizes} and the pool size)
     */
    public static Result compute(PointCloud data, NeighborSearch search, Options options, Progress progress) {
        int total = data.n();
        int testPoints = options.evaluation() == Evaluation.TEST_SET
                ? (int) Math.round(options.testFraction() * total) : 0;
        int pool = total - testPoints;
        int[] sizes = options.sizes;
        if (options.evaluation() == Evaluation.TEST_SET && testPoints < 1) {
            throw InvalidInputException.of("--test-fraction %s of %d points leaves no test point", options.testFraction(), total);
        }
        if (sizes[sizes.length - 1] > pool) {
            throw InvalidInputException.of("--sizes: largest size %d exceeds the %d points available for training (%s)",
                    sizes[sizes.length - 1], pool,
                    testPoints > 0 ? String.format(Locale.ROOT, "%d of %d held out for testing", testPoints, total)
                            : "leave-one-out uses all points");
        }
        double[][] values = new double[sizes.length][options.seeds()];
        int[] zeros = new int[sizes.length];
        SplittableRandom root = new SplittableRandom(options.seed());
        long units = (long) options.seeds() * sizes.length;
        long done = 0;
        for (int s = 0; s < options.seeds(); s++) {
            SplittableRandom rng = root.split();
            int[] perm = Shuffle.permutation(total, rng);
            PointCloud test = testPoints > 0 ? data.select(Arrays.copyOfRange(perm, 0, testPoints)) : null;
            int[] poolIdx = Arrays.copyOfRange(perm, testPoints, total);
            for (int j = 0; j < sizes.length; j++) {
                SplittableRandom sizeRng = rng.split();
                int[] chosen = options.subsampling() == Subsampling.NESTED
                        ? Arrays.copyOf(poolIdx, sizes[j])
                        : Arrays.copyOf(shuffled(poolIdx, sizeRng), sizes[j]);
                PointCloud train = data.select(chosen);
                GapEstimate e = test != null
                        ? RepresentationGap.withTestSet(train, test, search)
                        : RepresentationGap.leaveOneOut(train, search);
                values[j][s] = e.value();
                zeros[j] = Math.max(zeros[j], e.zeroDistances());
                progress.update("Representation Gap curve", ++done, units);
            }
        }
        List<CurvePoint> points = new ArrayList<>();
        for (int j = 0; j < sizes.length; j++) {
            double[] v = values[j];
            double mean = Arrays.stream(v).average().orElse(Double.NaN);
            Double sd = null;
            if (v.length > 1) {
                double ss = 0;
                for (double x : v) {
                    ss += (x - mean) * (x - mean);
                }
                sd = Math.sqrt(ss / (v.length - 1));
            }
            int gapSize = options.evaluation() == Evaluation.TEST_SET ? sizes[j] : sizes[j] - 1;
            points.add(new CurvePoint(sizes[j], gapSize, mean, sd, v.length, v, zeros[j]));
        }
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("sizes", sizes.clone());
        params.put("seeds", options.seeds());
        params.put("evaluation", options.evaluation().name().toLowerCase(Locale.ROOT));
        params.put("test_fraction", options.evaluation() == Evaluation.TEST_SET ? options.testFraction() : null);
        params.put("subsampling", options.subsampling().name().toLowerCase(Locale.ROOT));
        params.put("metric", search.metric().name());
        params.put("search", search.name());
        Provenance prov = Provenance.of("RepresentationGapCurve", params, data.sha256(), options.seed());
        return new Result(points, options.evaluation(), options.subsampling(), testPoints, search.metric().name(), prov);
    }

    private static int[] shuffled(int[] a, SplittableRandom rng) {
        int[] c = a.clone();
        Shuffle.inPlace(c, rng);
        return c;
    }
}
