package org.repgap.fit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.repgap.InvalidInputException;

/**
 * A learning curve with replicates: the distinct inputs {@code x_j} and, for each, the responses
 * of its seeds. Rows with the same inputs are replicates (seeds) of one point; a fit uses their
 * mean, and the bootstrap resamples seeds within each point (or, when every point has a single
 * seed, resamples the points).
 */
public final class LearningCurve {
    private final double[][] x;
    private final double[][] replicates;

    private LearningCurve(double[][] x, double[][] replicates) {
        this.x = x;
        this.replicates = replicates;
    }

    /** Groups rows by identical inputs (order of first appearance). */
    public static LearningCurve of(double[][] xs, double[] ys) {
        if (xs.length != ys.length) {
            throw new IllegalArgumentException("x and y lengths differ");
        }
        Map<String, Integer> index = new LinkedHashMap<>();
        List<double[]> keys = new ArrayList<>();
        List<List<Double>> values = new ArrayList<>();
        for (int i = 0; i < ys.length; i++) {
            for (double v : xs[i]) {
                if (!Double.isFinite(v)) {
                    throw InvalidInputException.of("row %d: x = %s is not a finite number", i + 1, v);
                }
            }
            if (!Double.isFinite(ys[i])) {
                throw InvalidInputException.of("row %d: y = %s is not a finite number", i + 1, ys[i]);
            }
            String key = Arrays.toString(xs[i]);
            Integer j = index.get(key);
            if (j == null) {
                j = keys.size();
                index.put(key, j);
                keys.add(xs[i].clone());
                values.add(new ArrayList<>());
            }
            values.get(j).add(ys[i]);
        }
        double[][] reps = new double[keys.size()][];
        for (int j = 0; j < reps.length; j++) {
            reps[j] = values.get(j).stream().mapToDouble(Double::doubleValue).toArray();
        }
        return new LearningCurve(keys.toArray(new double[0][]), reps);
    }

    /** One-input curve. */
    public static LearningCurve ofColumn(double[] x, double[] y) {
        double[][] xs = new double[x.length][];
        for (int i = 0; i < x.length; i++) {
            xs[i] = new double[] {x[i]};
        }
        return of(xs, y);
    }

    /** Number of distinct points. */
    public int size() {
        return x.length;
    }

    /** Total number of rows (seeds summed over points). */
    public int rows() {
        return Arrays.stream(replicates).mapToInt(r -> r.length).sum();
    }

    /** Whether some point has more than one seed. */
    public boolean hasReplicates() {
        return Arrays.stream(replicates).anyMatch(r -> r.length > 1);
    }

    /** Inputs of point {@code j} (copy). */
    public double[] x(int j) {
        return x[j].clone();
    }

    /** The seed values (replicates) of point {@code j} (copy). */
    public double[] values(int j) {
        return replicates[j].clone();
    }

    /**
     * The points to fit: the mean over seeds at each input, with weights all 1, or (when
     * {@code weightBySpread}) proportional to the inverse variance of the mean in the fit space
     * (log or linear), normalised to mean 1; points with fewer than two seeds or zero spread get
     * the median variance of the others.
     */
    public CurvePoints points(boolean weightBySpread, Loss.Space space) {
        return build(replicates, weightBySpread, space, x);
    }

    private static CurvePoints build(double[][] reps, boolean weightBySpread, Loss.Space space, double[][] xs) {
        int n = reps.length;
        double[] y = new double[n];
        double[] w = new double[n];
        double[] var = new double[n];
        for (int j = 0; j < n; j++) {
            double[] r = reps[j];
            y[j] = Arrays.stream(r).average().orElse(Double.NaN);
            var[j] = Double.NaN;
            if (r.length > 1) {
                double mean = 0;
                double[] t = new double[r.length];
                for (int k = 0; k < r.length; k++) {
                    t[k] = space == Loss.Space.LOG ? Math.log(r[k]) : r[k];
                    mean += t[k] / r.length;
                }
                double ss = 0;
                for (double v : t) {
                    ss += (v - mean) * (v - mean);
                }
                double v = ss / (r.length - 1) / r.length;
                var[j] = v > 0 && Double.isFinite(v) ? v : Double.NaN;
            }
        }
        Arrays.fill(w, 1);
        if (weightBySpread) {
            double[] known = Arrays.stream(var).filter(Double::isFinite).sorted().toArray();
            if (known.length == 0) {
                throw InvalidInputException.of("--weights spread: no point has two or more seeds with different values, so there is no spread to weight by");
            }
            double median = known[known.length / 2];
            double sum = 0;
            for (int j = 0; j < n; j++) {
                w[j] = 1 / (Double.isFinite(var[j]) ? var[j] : median);
                sum += w[j];
            }
            for (int j = 0; j < n; j++) {
                w[j] *= n / sum;
            }
        }
        return CurvePoints.of(xs, y, w);
    }

    /**
     * A bootstrap replicate: seeds resampled with replacement within each point when some point
     * has replicates, otherwise points resampled with replacement.
     */
    public CurvePoints resample(SplittableRandom rng, boolean weightBySpread, Loss.Space space) {
        if (hasReplicates()) {
            double[][] reps = new double[replicates.length][];
            for (int j = 0; j < reps.length; j++) {
                double[] r = replicates[j];
                reps[j] = new double[r.length];
                for (int k = 0; k < r.length; k++) {
                    reps[j][k] = r[rng.nextInt(r.length)];
                }
            }
            return build(reps, weightBySpread, space, x);
        }
        int[] idx = org.repgap.stats.Bootstrap.resample(x.length, rng);
        return points(weightBySpread, space).subset(idx);
    }

    /** The sub-curve of the points whose index passes {@code keep}. */
    public LearningCurve select(java.util.function.IntPredicate keep) {
        List<double[]> xs = new ArrayList<>();
        List<double[]> rs = new ArrayList<>();
        for (int j = 0; j < x.length; j++) {
            if (keep.test(j)) {
                xs.add(x[j]);
                rs.add(replicates[j]);
            }
        }
        return new LearningCurve(xs.toArray(new double[0][]), rs.toArray(new double[0][]));
    }
}
