package org.repgap.compare;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.repgap.InvalidInputException;
import org.repgap.data.PointCloud;
import org.repgap.gap.AsymptoticLaw;
import org.repgap.gap.GapAnalysis;
import org.repgap.gap.RepresentationGapCurve;
import org.repgap.gap.SlopeFit;
import org.repgap.group.SymmetryGroup;
import org.repgap.id.IdContext;
import org.repgap.id.IdEstimation;
import org.repgap.id.IdEstimators;
import org.repgap.id.IdResult;
import org.repgap.neighbors.NeighborSearch;
import org.repgap.progress.Progress;
import org.repgap.provenance.Provenance;

/**
 * The question the toolkit answers, on one data set: how much does a symmetry group lower the
 * task's intrinsic dimension, and so the number of samples a memorising model needs? For each
 * group (typically {@code none} and the task's symmetry) it estimates {@code d_task} by TwoNN and
 * MLE on the orbit metric (THEORY.md section 5), measures the leave-one-out Representation Gap
 * curve, fits its log-log slope ({@code -2/d_task}) and evaluates the asymptotic law
 * {@code C n^(-2/d)} with {@code d} from TwoNN (section 4); then it solves for the sample size
 * at which the symmetric model's fitted curve reaches the gap the first group's curve has at the
 * largest size ({@link #equivalentSize()}).
 *
 * @param n            points in the data
 * @param ambientDim   ambient dimension
 * @param rows         one row per group, in the order given
 * @param equivalentSize for the last group: the {@code n} at which its fitted curve
 *                     {@code exp(intercept) n^slope} equals the first group's measured gap at the
 *                     largest size; {@code null} with a single group
 * @param provenance   how to rebuild it
 */
public record SymmetryComparison(int n, int ambientDim, List<Row> rows, Double equivalentSize, Provenance provenance) {

    public SymmetryComparison {
        rows = List.copyOf(rows);
    }

    /**
     * One group's results.
     *
     * @param group      group spec
     * @param estimates  TwoNN and MLE estimates of {@code d_task} on the orbit metric, with bootstrap intervals
     * @param gap        learning curve, slope fit and law (law dimension from TwoNN)
     */
    public record Row(String group, List<IdResult> estimates, GapAnalysis.Result gap) {
        public Row {
            estimates = List.copyOf(estimates);
        }

        /** The estimate of the named estimator. */
        public IdResult estimate(String estimator) {
            return estimates.stream().filter(e -> e.estimator().equals(estimator)).findFirst().orElseThrow();
        }

        /** The measured mean gap at the largest size of the curve. */
        public double largestSizeGap() {
            return gap.curve().get(gap.curve().size() - 1).rgMean();
        }
    }

    /**
     * Settings.
     *
     * @param sizes      training-set sizes of the curves (increasing, each at most the data size)
     * @param seeds      subsamples per size
     * @param seed       seed of the subsamples and the bootstraps
     * @param bootstrap  bootstrap replicates of the ID estimates
     */
    public record Options(int[] sizes, int seeds, long seed, int bootstrap) {
        public Options {
            sizes = sizes.clone();
            if (sizes.length < 2) {
                throw InvalidInputException.of("--sizes: need at least two sizes for a slope, got %d", sizes.length);
            }
            if (seeds < 1) {
                throw InvalidInputException.of("--seeds %d: must be at least 1", seeds);
            }
        }

        @Override
        public int[] sizes() {
            return sizes.clone();
        }
    }

    /**
     * Runs the comparison. Neighbour searches are the automatic exact ones
     * ({@link NeighborSearch#auto}).
     *
     * @throws InvalidInputException if a group cannot act on the data or a size exceeds the data
     */
    public static SymmetryComparison run(PointCloud x, List<SymmetryGroup> groups, Options options, Progress progress) {
        Objects.requireNonNull(x, "x");
        if (groups.isEmpty()) {
            throw InvalidInputException.of("--group: give at least one group");
        }
        List<Row> rows = new ArrayList<>();
        for (SymmetryGroup g : groups) {
            g.checkDimension(x.dim());
            IdContext ctx = IdContext.of(x, g.orbitMetric(x.dim()));
            IdEstimation.Options idOptions = IdEstimation.Options.defaults().withBootstrap(options.bootstrap(), options.seed());
            List<IdResult> estimates = new ArrayList<>();
            for (String name : List.of("twonn", "mle")) {
                estimates.add(IdEstimation.run(IdEstimators.create(name), ctx, idOptions));
            }
            Double twoNn = estimates.get(0).dimension();
            GapAnalysis.Options gapOptions = new GapAnalysis.Options(
                    RepresentationGapCurve.Options.leaveOneOut(options.sizes(), options.seeds(), options.seed()),
                    SlopeFit.Options.defaults(), null, "twonn", 5, null);
            GapAnalysis.DimensionEstimator d = (data, group) -> {
                if (twoNn == null) {
                    throw InvalidInputException.of("TwoNN gave no finite dimension modulo %s", group.spec());
                }
                return twoNn;
            };
            GapAnalysis.Result gap = GapAnalysis.run(x, g, metric -> NeighborSearch.auto(metric, x.dim()), gapOptions, d, progress);
            rows.add(new Row(g.spec(), estimates, gap));
        }
        Double equivalent = null;
        if (rows.size() > 1) {
            double target = rows.get(0).largestSizeGap();
            SlopeFit fit = rows.get(rows.size() - 1).gap().fit();
            // exp(intercept) n^slope = target  =>  n = exp((log target - intercept) / slope)
            double nEq = Math.exp((Math.log(target) - fit.intercept()) / fit.slope());
            equivalent = Double.isFinite(nEq) ? nEq : null;
        }
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("groups", groups.stream().map(SymmetryGroup::spec).toList());
        params.put("sizes", options.sizes());
        params.put("seeds", options.seeds());
        params.put("bootstrap", options.bootstrap());
        return new SymmetryComparison(x.n(), x.dim(), rows, equivalent,
                Provenance.of("SymmetryComparison", params, x.sha256(), options.seed()));
    }

    /**
     * The sample-size saving of the last group over the first, with an interval: the size {@code n'} at which the
     * last group's fitted line {@code log RG = a + b log n} reaches the first group's measured gap at its largest
     * size {@code N}, and the factor {@code N / n'}. The interval varies the slope over its confidence interval
     * with the line pivoting on the centroid {@code (mean log n, a + b mean log n)} of the fitted sizes (where the
     * line's value is best determined): {@code n' = exp(xbar + (log target - ybar) / b)}. It leaves out the
     * uncertainty of the target (the first group's seed spread at {@code N}) and of the intercept beyond the pivot.
     *
     * @param targetN       {@code N}
     * @param targetGap     the first group's measured gap at {@code N}
     * @param equivalentN   {@code n'} with its interval (null bounds without a slope interval)
     * @param factor        {@code N / n'} with its interval
     * @param extrapolated  whether {@code n'} lies below the smallest fitted size
     */
    public record Saving(int targetN, double targetGap, Interval equivalentN, Interval factor, boolean extrapolated) {
    }

    /** A value with its interval ({@code null} bounds when none is available). */
    public record Interval(double value, Double low, Double high) {
    }

    /** The saving of the last group over the first; {@code null} with a single group or a non-decreasing fit. */
    public Saving saving() {
        if (rows.size() < 2 || equivalentSize == null) {
            return null;
        }
        Row base = rows.get(0);
        Row last = rows.get(rows.size() - 1);
        int targetN = base.gap().curve().get(base.gap().curve().size() - 1).n();
        double target = base.largestSizeGap();
        SlopeFit fit = last.gap().fit();
        double xbar = last.gap().curve().stream().mapToDouble(p -> Math.log(p.n())).average().orElseThrow();
        double ybar = fit.intercept() + fit.slope() * xbar;
        java.util.function.DoubleUnaryOperator at = b -> Math.exp(xbar + (Math.log(target) - ybar) / b);
        double nEq = at.applyAsDouble(fit.slope());
        Double lo = null;
        Double hi = null;
        if (fit.slopeCiLow() != null && fit.slopeCiHigh() != null && fit.slopeCiHigh() < 0) {
            double a = at.applyAsDouble(fit.slopeCiLow());
            double b = at.applyAsDouble(fit.slopeCiHigh());
            lo = Math.min(a, b);
            hi = Math.max(a, b);
        }
        Interval n = new Interval(nEq, lo, hi);
        Interval f = new Interval(targetN / nEq, hi == null ? null : targetN / hi, lo == null ? null : targetN / lo);
        return new Saving(targetN, target, n, f, nEq < last.gap().curve().get(0).n());
    }

    /** The law of a row, for convenience. */
    public static AsymptoticLaw law(Row row) {
        return row.gap().law();
    }
}
