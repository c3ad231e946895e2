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

        /** Huber (delta 1e-3) on log residuals, L-BFGS, parallel starts. */
        public static Options defaults() {
            return new Options(Loss.huberLog(1e-3), Method.LBFGS, Lbfgs.Options.defaults(), true);
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

    /** Fits from the given starts (natural parameter vectors); fixed parameters of the law are imposed. */
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
                    : LevenbergMarquardt.minimize(obj, data.size(), u0, o.lbfgs().maxIterations(), o.lbfgs().relativeTolerance());
        });
        int best = -1;
        int converged = 0;
        for (int i = 0; i < s; i++) {
            if (results[i].converged()) {
                converged++;
            }
            if (Double.isFinite(results[i].value()) && (best < 0 || results[i].value() < results[best].value())) {
                best = i;
            }
        }
        if (best < 0) {
            throw InvalidInputException.of("law %s: the objective is not finite at any of %d starts (the law is undefined "
                    + "for these data, e.g. a non-positive prediction in a log-space fit)", law.name(), s);
        }
        Objective obj = new Objective(law, data, o.loss(), fixed);
        double[] p = obj.toNatural(results[best].x());
        Integer[] order = IntStream.range(0, s).boxed().filter(i -> Double.isFinite(results[i].value()))
                .sorted(java.util.Comparator.comparingDouble((Integer i) -> results[i].value()).thenComparingInt(i -> i))
                .toArray(Integer[]::new);
        List<double[]> alternatives = new ArrayList<>();
        List<double[]> seen = new ArrayList<>();
        seen.add(results[best].x());
        for (int i : order) {
            if (alternatives.size() >= 8) {
                break;
            }
            double[] u = results[i].x();
            boolean distinct = seen.stream().allMatch(v -> distance(u, v) > 1e-3);
            if (distinct) {
                seen.add(u);
                alternatives.add(obj.toNatural(u));
            }
        }
        return new FitResult(law, p, results[best].value(), results[best].converged(), results[best].message(), s, converged,
                alternatives);
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
     * Rejects data that cannot identify the law, with a message naming the problem: fewer points
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
            throw InvalidInputException.of("law %s has %d free parameters but only %d point(s) remain: "
                    + "fewer points than parameters cannot determine the fit", law.name(), k, n);
        }
        long distinct = java.util.Arrays.stream(data.x()).map(java.util.Arrays::toString).distinct().count();
        if (distinct < 2) {
            throw InvalidInputException.of("law %s: all %d point(s) share the same x; a curve needs at least two distinct x", law.name(), n);
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
