package org.repgap.fit;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.IntStream;
import org.repgap.InvalidInputException;

/**
 * Fits a {@link Law} to {@link CurvePoints} from many starts and keeps the lowest objective
 * (ties: the earliest start, so the result does not depend on thread scheduling).
 * Checks the data first and explains what cannot be fitted (too few points, non-positive values
 * for a log-space fit, a flat curve, inputs outside the law's domain).
 */
public final class CurveFitter {

    /** The optimiser. */
    public enum Method { LBFGS, LEVENBERG_MARQUARDT }

    /**
     * @param loss     the loss
     * @param method   the optimiser ({@code LEVENBERG_MARQUARDT} only with {@link Loss.Kind#L2})
     * @param lbfgs    L-BFGS settings (the iteration cap and relative tolerance also bound LM)
     * @param parallel run starts in parallel
     */
    public record Options(Loss loss, Method method, Lbfgs.Options lbfgs, boolean parallel) {
        public Options {
            Objects.requireNonNull(loss, "loss");
            Objects.requireNonNull(method, "method");
            Objects.requireNonNull(lbfgs, "lbfgs");
            if (method == Method.LEVENBERG_MARQUARDT && loss.kind() != Loss.Kind.L2) {
                throw InvalidInputException.of("--optimizer lm: Levenberg-Marquardt solves least squares; use --loss l2 or --optimizer lbfgs");
            }
        }

        /**
         * Least squares on log residuals, L-BFGS, parallel starts. Least squares has a unique
         * optimum where the law is identifiable (for {@code rg} and {@code power} it is a linear
         * regression in log space), so laws of one family give the same parameters. Huber with
         * {@code delta = 1e-3} (Besiroglu et al.'s Chinchilla setting, {@link #chinchilla()}) is
         * L1-like on ordinary learning curves, whose log residuals are far above {@code 1e-3}: its
         * optimum is then a flat set, not a point.
         */
        public static Options defaults() {
            return new Options(Loss.leastSquares(Loss.Space.LOG), Method.LBFGS, Lbfgs.Options.defaults(), true);
        }

        /** Besiroglu et al. 2024's setting: Huber with {@code delta = 1e-3} on log residuals, L-BFGS. */
        public static Options chinchilla() {
            return defaults().withLoss(Loss.huberLog(1e-3));
        }

        public Options withLoss(Loss l) {
            return new Options(l, method, lbfgs, parallel);
        }

        public Options withMethod(Method m) {
            return new Options(loss, m, lbfgs, parallel);
        }

        public Options withParallel(boolean p) {
            return new Options(loss, method, lbfgs, p);
        }
    }

    private CurveFitter() {
    }

    /** Fits from the law's own starts. */
    public static FitResult fit(Law law, CurvePoints data, Options o) {
        check(law, data, o.loss());
        List<double[]> starts = law.starts(data);
        if (starts.isEmpty()) {
            throw InvalidInputException.of("law %s: no usable starting point for these data (the law is undefined at every start; "
                    + "check the range of x)", law.name());
        }
        return fitFrom(law, data, starts, o);
    }

    /** Distinct best local optima polished by Levenberg-Marquardt after the first optimiser. */
    public static final int POLISHED = 3;

    /** Relative objective difference within which two runs count as agreeing on the optimum. */
    public static final double AGREEMENT = 1e-6;

    /** Relative tolerance of the polishing run (cost and parameters), near double precision. */
    static final double POLISH_TOLERANCE = 1e-15;

    /** Iteration cap of a polishing run. */
    static final int POLISH_ITERATIONS = 5000;

    /**
     * Fits from the given starts (natural parameter vectors); fixed parameters of the law are imposed.
     *
     * <p>Two local optimisers: every start runs the chosen one (L-BFGS by default); then the
     * {@link #POLISHED} best distinct optima are polished by Levenberg-Marquardt (when
     * Levenberg-Marquardt is the chosen optimiser, every run uses the polishing tolerance instead) on the loss written
     * as least squares ({@link Loss#root}) with relative tolerances of {@code 1e-15}. Gauss-Newton
     * steps keep converging where the gradient is already tiny but the valley is long and flat (a
     * break beyond the data, zero-residual curves), where a quasi-Newton run stops on its absolute
     * gradient tolerance. A polished point replaces the original only when its objective is lower.
     */
    public static FitResult fitFrom(Law law, CurvePoints data, List<double[]> starts, Options o) {
        double[] fixed = law.fixedValues();
        int s = starts.size();
        Lbfgs.Result[] results = new Lbfgs.Result[s];
        IntStream range = IntStream.range(0, s);
        (o.parallel() ? range.parallel() : range).forEach(i -> {
            Objective obj = new Objective(law, data, o.loss(), fixed);
            double[] u0 = obj.toInternal(starts.get(i));
            results[i] = o.method() == Method.LBFGS
                    ? Lbfgs.minimize(obj, u0, o.lbfgs())
                    : LevenbergMarquardt.minimize(obj, data.size(), u0, o.lbfgs().maxIterations(),
                            Math.min(o.lbfgs().relativeTolerance(), POLISH_TOLERANCE));
        });
        Integer[] order = ranked(results);
        if (order.length == 0) {
            throw InvalidInputException.of("law %s: the objective is not finite at any of %d starts (the law is undefined "
                    + "for these data, e.g. a non-positive prediction in a log-space fit)", law.name(), s);
        }
        // with Levenberg-Marquardt as the first optimiser every run already went to the polishing tolerance
        List<Integer> candidates = o.method() == Method.LBFGS ? distinctBest(results, order, POLISHED) : List.of();
        double[] before = new double[s];
        for (int i = 0; i < s; i++) {
            before[i] = results[i].value();
        }
        boolean[] polished = new boolean[s];
        (o.parallel() ? candidates.parallelStream() : candidates.stream()).forEach(i -> {
            Objective obj = new Objective(law, data, o.loss(), fixed);
            Lbfgs.Result p = LevenbergMarquardt.minimize(obj, data.size(), results[i].x(), POLISH_ITERATIONS, POLISH_TOLERANCE);
            if (Double.isFinite(p.value()) && p.value() < results[i].value()) {
                results[i] = new Lbfgs.Result(p.x(), p.value(), results[i].iterations() + p.iterations(),
                        results[i].evaluations() + p.evaluations(), p.converged(), p.message() + " (polish)");
                polished[i] = true;
            }
        });
        order = ranked(results);
        int best = order[0];
        int converged = 0;
        for (Lbfgs.Result r : results) {
            if (r.converged()) {
                converged++;
            }
        }
        Objective obj = new Objective(law, data, o.loss(), fixed);
        double fBest = results[best].value();
        int agreeing = 0;
        for (Lbfgs.Result r : results) {
            if (r.value() - fBest <= AGREEMENT * Math.abs(fBest) + 1e-28 * data.size()) {
                agreeing++;
            }
        }
        double[] g = new double[obj.dimension()];
        obj.valueAndGradient(results[best].x(), g);
        double gnorm = 0;
        for (double v : g) {
            gnorm = Math.max(gnorm, Math.abs(v));
        }
        double change = polished[best] ? (before[best] - fBest) / Math.max(Math.abs(before[best]), Double.MIN_NORMAL) : 0;
        double[] p = obj.toNatural(results[best].x());
        List<double[]> alternatives = new ArrayList<>();
        for (int i : distinctBest(results, order, 9)) {
            if (i != best) {
                alternatives.add(obj.toNatural(results[i].x()));
            }
        }
        return new FitResult(law, p, fBest, results[best].converged(), results[best].message(), s, converged,
                alternatives, new FitResult.Convergence(gnorm, change, agreeing, s, polished[best]));
    }

    /** Indices of the runs with a finite objective, lowest first (ties: the earliest start). */
    private static Integer[] ranked(Lbfgs.Result[] results) {
        return IntStream.range(0, results.length).boxed().filter(i -> Double.isFinite(results[i].value()))
                .sorted(java.util.Comparator.comparingDouble((Integer i) -> results[i].value()).thenComparingInt(i -> i))
                .toArray(Integer[]::new);
    }

    /** The first {@code limit} runs in {@code order} whose optimiser coordinates differ from every earlier one kept. */
    private static List<Integer> distinctBest(Lbfgs.Result[] results, Integer[] order, int limit) {
        List<Integer> kept = new ArrayList<>();
        for (int i : order) {
            if (kept.size() >= limit) {
                break;
            }
            if (kept.stream().allMatch(j -> distance(results[i].x(), results[j].x()) > 1e-3)) {
                kept.add(i);
            }
        }
        return kept;
    }

    private static double distance(double[] a, double[] b) {
        double m = 0;
        for (int i = 0; i < a.length; i++) {
            m = Math.max(m, Math.abs(a[i] - b[i]) / Math.max(1, Math.abs(b[i])));
        }
        return m;
    }

    /** Number of parameters the fit estimates. */
    public static int freeParameters(Law law) {
        double[] fixed = law.fixedValues();
        int k = 0;
        for (int j = 0; j < law.parameters().size(); j++) {
            if (fixed == null || Double.isNaN(fixed[j])) {
                k++;
            }
        }
        return k;
    }

    /**
     * Rejects data that cannot identify the law, with a message naming the problem (not the law, which callers name,
     * so that a problem several laws share reads once): fewer points
     * than free parameters, fewer than two distinct {@code x}, non-positive {@code y} in a log-space
     * fit, a constant {@code y}, or a wrong number of input columns.
     */
    public static void check(Law law, CurvePoints data, Loss loss) {
        int n = data.size();
        int k = freeParameters(law);
        if (n > 0 && data.inputs() != law.inputs()) {
            throw InvalidInputException.of("law %s takes %d input column(s) (--x), got %d", law.name(), law.inputs(), data.inputs());
        }
        if (n < k) {
            throw InvalidInputException.of("%d free parameters but only %d point(s) remain: "
                    + "fewer points than parameters cannot determine the fit", k, n);
        }
        long distinct = java.util.Arrays.stream(data.x()).map(java.util.Arrays::toString).distinct().count();
        if (distinct < 2) {
            throw InvalidInputException.of("all %d point(s) share the same x; a curve needs at least two distinct x", n);
        }
        if (loss.space() == Loss.Space.LOG) {
            for (int i = 0; i < n; i++) {
                if (!(data.y()[i] > 0)) {
                    throw InvalidInputException.of("point %d has y = %s: a log-space fit needs y > 0 "
                            + "(use --space linear, or drop such rows with --where)", i + 1, fmt(data.y()[i]));
                }
            }
        }
        double[] yr = data.yRange();
        if (!(yr[1] - yr[0] > 1e-12 * Math.max(Math.abs(yr[0]), Math.abs(yr[1])))) {
            throw InvalidInputException.of("y is constant (%s) over all %d points: a flat curve determines no scaling law",
                    fmt(yr[0]), n);
        }
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.6g", v);
    }
}
