package org.repgap.fit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.repgap.InvalidInputException;
import org.repgap.progress.Progress;
import org.repgap.stats.Bootstrap;

/**
 * Fits several laws to a learning curve and reports, for each, the estimates, bootstrap intervals,
 * the implied dimension {@code d = 2 / alpha} (THEORY section 6), information criteria and the
 * extrapolation error on held-out larger {@code x}; results ranked by AICc.
 *
 * <p>Information criteria use the Gaussian likelihood of the fit-space residuals,
 * {@code n log(RSS / n) + 2k + 2k(k+1)/(n-k-1)} (AICc, Hurvich & Tsai 1989,
 * doi:10.1093/biomet/76.2.297) and {@code n log(RSS / n) + k log n} (BIC, Schwarz 1978), with
 * {@code RSS} the weighted sum of squared residuals and {@code k} the free parameters, also when
 * the fit used the Huber loss (a comparison device, not a likelihood of the Huber model).
 *
 * <p>Bootstrap: each replicate resamples seeds within points (or points, with one seed each),
 * refits from the full-data optimum and up to {@code extraStarts} other local optima of the full
 * multi-start fit, and the shared {@link Bootstrap} gives percentile intervals and standard errors.
 */
public final class FitAnalysis {

    /**
     * @param fit            loss and optimiser
     * @param weightBySpread weight points by the inverse variance of their seed mean
     * @param bootstrap      bootstrap replicates (0: none)
     * @param level          confidence level of the intervals
     * @param holdout        fraction of the smallest distinct x to fit on, in (0, 1), or a cut value
     *                       (fit on {@code x <= cut}) when {@code >= 1}; NaN for no extrapolation check
     * @param seed           seed of the bootstrap
     * @param extraStarts    local optima of the full fit used as extra bootstrap starts
     */
    public record Options(CurveFitter.Options fit, boolean weightBySpread, int bootstrap, double level, double holdout,
                          long seed, int extraStarts) {
        public Options {
            Objects.requireNonNull(fit, "fit");
            if (bootstrap < 0) {
                throw InvalidInputException.of("--bootstrap %d: must be >= 0", bootstrap);
            }
            if (!(level > 0 && level < 1)) {
                throw InvalidInputException.of("--level %s: must be in (0, 1)", level);
            }
            if (bootstrap > 0 && bootstrap < minimumReplicates(level)) {
                throw InvalidInputException.of("--bootstrap %d: a %s%% percentile interval needs at least %d replicates "
                        + "(each tail, (1 - level)/2 of them, must hold at least one)", bootstrap,
                        new java.math.BigDecimal(Double.toString(100 * level)).stripTrailingZeros().toPlainString(), minimumReplicates(level));
            }
            if (!Double.isNaN(holdout) && !(holdout > 0 && Double.isFinite(holdout))) {
                throw InvalidInputException.of("--holdout %s: give a fraction in (0, 1) or a cut value >= 1 on the first x column", holdout);
            }
            if (extraStarts < 0) {
                throw new IllegalArgumentException("extraStarts < 0");
            }
        }

        /**
         * The fewest replicates whose percentile interval at {@code level} rests on data:
         * {@code ceil(2 / (1 - level))}, so that each tail of {@code (1 - level)/2} holds at least one
         * replicate (40 at 95 %, 20 at 90 %); fewer would give bounds set by one or two replicates
         * by interpolation, or an interval that excludes the estimate.
         */
        public static int minimumReplicates(double level) {
            return (int) Math.ceil(2 / (1 - level) - 1e-9);
        }

        /** Defaults: least squares on log residuals, no weights, no bootstrap, 95 %, no holdout, seed 0, 4 extra starts. */
        public static Options defaults() {
            return new Options(CurveFitter.Options.defaults(), false, 0, 0.95, Double.NaN, 0, 4);
        }

        public Options withBootstrap(int b, long s) {
            return new Options(fit, weightBySpread, b, level, holdout, s, extraStarts);
        }

        public Options withHoldout(double h) {
            return new Options(fit, weightBySpread, bootstrap, level, h, seed, extraStarts);
        }

        public Options withFit(CurveFitter.Options f) {
            return new Options(f, weightBySpread, bootstrap, level, holdout, seed, extraStarts);
        }
    }

    private FitAnalysis() {
    }

    /** Fits every law; reports ranked by AICc (undefined last), then by name. */
    public static List<LawReport> analyse(List<Law> laws, LearningCurve curve, Map<String, String> group, Options o,
                                          Progress progress) {
        List<LawReport> out = new ArrayList<>();
        for (Law law : laws) {
            out.add(analyse(law, curve, group, o, progress));
        }
        out.sort(FitReport.RANKING);
        return out;
    }

    /**
     * Fits every law to every group (a {@code --group-by} fit): a law that cannot be fitted to a
     * group is reported through {@code warnings} with its reason (a group none of whose laws fits is
     * reported as skipped), and the others are still fitted; the warnings are given once, after
     * the fits (when nothing fits they form the exception's message instead). Reports are ranked by AICc within each
     * group, groups in the given order.
     *
     * @param groups group values (empty map without grouping) to curve
     * @throws InvalidInputException when nothing could be fitted (without grouping and with one law:
     *     that fit's own message, naming the law); a reason several laws share is given once, naming them
     */
    public static List<LawReport> analyseGroups(List<Law> laws, Map<Map<String, String>, LearningCurve> groups, Options o,
                                                Progress progress, java.util.function.Consumer<String> warnings) {
        List<LawReport> out = new ArrayList<>();
        List<String> reasons = new ArrayList<>();
        for (Map.Entry<Map<String, String>, LearningCurve> g : groups.entrySet()) {
            String prefix = g.getKey().isEmpty() ? "" : "group " + g.getKey() + ": ";
            List<LawReport> rs = new ArrayList<>();
            // reason to the laws that failed with it, so that a reason shared by several laws is given once
            Map<String, List<String>> failed = new LinkedHashMap<>();
            for (Law law : laws) {
                try {
                    rs.add(analyse(law, g.getValue(), g.getKey(), o, progress));
                } catch (InvalidInputException e) {
                    if (laws.size() == 1 && groups.size() == 1 && g.getKey().isEmpty()) {
                        throw e.getMessage().startsWith("law " + law.name()) ? e
                                : InvalidInputException.of("law %s: %s", law.name(), e.getMessage());
                    }
                    failed.computeIfAbsent(e.getMessage(), m -> new ArrayList<>()).add(law.name());
                }
            }
            if (rs.isEmpty()) {
                List<String> all = new ArrayList<>();
                failed.forEach((reason, names) -> all.add(lawsFailing(names, reason, "")));
                reasons.add(prefix.isEmpty() ? String.join("; ", all)
                        : "group " + g.getKey() + " skipped: " + String.join("; ", all));
            } else {
                failed.forEach((reason, names) -> reasons.add(prefix + lawsFailing(names, reason, " skipped")));
            }
            rs.sort(FitReport.RANKING);
            out.addAll(rs);
        }
        if (out.isEmpty()) {
            throw InvalidInputException.of("no law could be fitted: %s", String.join("; ", reasons));
        }
        reasons.forEach(warnings);
        return out;
    }

    /**
     * {@code "law A: reason"}, or {@code "laws A, B: reason"} for a reason several laws share (issue 12, defect 11: a
     * constant curve gave the same reason once per law, three times in one line); {@code verb} follows the names. A
     * reason that begins by naming its law ({@code "law A has 3 free parameters ..."}) is not given the name twice.
     */
    private static String lawsFailing(List<String> names, String reason, String verb) {
        String own = "law " + names.get(0);
        if (names.size() == 1 && (reason.startsWith(own + " ") || reason.startsWith(own + ":"))) {
            String rest = reason.substring(own.length());
            return own + verb + (verb.isEmpty() || rest.startsWith(":") ? rest : ":" + rest);
        }
        return (names.size() == 1 ? "law " : "laws ") + String.join(", ", names) + verb + ": " + reason;
    }

    /** Fits one law. */
    public static LawReport analyse(Law law, LearningCurve curve, Map<String, String> group, Options o, Progress progress) {
        Loss.Space space = o.fit().loss().space();
        CurvePoints data = curve.points(o.weightBySpread(), space);
        FitResult fit = CurveFitter.fit(law, data, o.fit());
        List<String> warnings = new ArrayList<>();
        if (!fit.converged()) {
            warnings.add("optimiser did not converge: " + fit.message());
        }
        if (fit.convergence().agreeingStarts() < 2 && fit.starts() > 1) {
            warnings.add(String.format(Locale.ROOT, "only 1 of %d starts reached the best objective (%.6g): "
                    + "no other start confirms that this optimum is the global one", fit.starts(), fit.objective()));
        }
        List<Parameter> ps = law.parameters();
        double[] p = fit.params();
        Map<String, Double> params = new LinkedHashMap<>();
        for (int k = 0; k < ps.size(); k++) {
            params.put(ps.get(k).name(), p[k]);
            if (!ps.get(k).inRange(p[k])) {
                warnings.add(String.format(Locale.ROOT, "%s = %.6g is outside its meaningful range [%s, %s]",
                        ps.get(k).name(), p[k], ps.get(k).lower(), ps.get(k).upper()));
            }
        }
        Double d = law.hasExponent() && Double.isFinite(law.impliedDimension(p)) ? law.impliedDimension(p) : null;

        int n = data.size();
        int k = CurveFitter.freeParameters(law);
        double rss = new Objective(law, data, o.fit().loss(), law.fixedValues()).residualSumOfSquares(p);
        Double aicc = null;
        Double bic = null;
        if (rss > 0 && Double.isFinite(rss)) {
            double base = n * Math.log(rss / n);
            bic = base + k * Math.log(n);
            if (n - k - 1 > 0) {
                aicc = base + 2.0 * k + 2.0 * k * (k + 1) / (n - k - 1);
            }
        }

        Map<String, double[]> ci = new LinkedHashMap<>();
        Map<String, Double> se = new LinkedHashMap<>();
        double[] dCi = null;
        int replicates = 0;
        if (o.bootstrap() > 0) {
            double[][] reps = replicates(law, curve, o, fit, progress);
            replicates = reps.length;
            if (replicates < o.bootstrap()) {
                warnings.add(String.format(Locale.ROOT, "%d of %d bootstrap replicates could not be fitted and were dropped",
                        o.bootstrap() - replicates, o.bootstrap()));
            }
            int minimum = Options.minimumReplicates(o.level());
            if (n <= k) {
                warnings.add(String.format(Locale.ROOT, "no bootstrap intervals: %d point(s) for %d free parameters leave no "
                        + "residual, so every replicate that can be fitted reproduces its points exactly and the spread of the "
                        + "replicates says nothing about the uncertainty", n, k));
            } else if (replicates < minimum) {
                warnings.add(String.format(Locale.ROOT, "no bootstrap intervals: only %d replicate(s) could be fitted, fewer "
                        + "than the %d a %.0f%% interval needs", replicates, minimum, 100 * o.level()));
            } else {
                List<String> flat = new ArrayList<>();
                for (int j = 0; j < ps.size(); j++) {
                    Bootstrap.Interval iv = Bootstrap.percentile(reps, j, o.level());
                    if (fixedParameter(law, j)) {
                        continue;
                    }
                    if (!(iv.high() > iv.low())) {
                        flat.add(ps.get(j).name());
                        continue;
                    }
                    ci.put(ps.get(j).name(), new double[] {iv.low(), iv.high()});
                    se.put(ps.get(j).name(), Bootstrap.standardError(reps, j));
                }
                if (!flat.isEmpty()) {
                    warnings.add("no bootstrap interval for " + String.join(", ", flat) + ": every replicate gave the same "
                            + "value, so the resamples carry no information on its uncertainty");
                }
                if (d != null) {
                    Bootstrap.Interval iv = Bootstrap.percentile(reps, ps.size(), o.level());
                    if (iv.high() > iv.low()) {
                        dCi = new double[] {iv.low(), iv.high()};
                    }
                }
            }
        }

        LawReport.HoldoutFit held = Double.isNaN(o.holdout()) ? null : holdout(law, curve, o, warnings);
        Double holdoutError = held == null ? null : held.error();
        return new LawReport(law.name(), law.formula(), group, params, ci, se, d, dCi, fit.objective(), aicc, bic,
                holdoutError, fit.converged(), n, replicates, warnings, fit.convergence(), held);
    }

    private static boolean fixedParameter(Law law, int j) {
        double[] fixed = law.fixedValues();
        return fixed != null && !Double.isNaN(fixed[j]);
    }

    /**
     * Bootstrap replicates of the fit: rows {@code (parameters..., implied d)}, replicates that could
     * not be fitted dropped. Deterministic for given options, so {@link #band} sees the replicates
     * behind {@link #analyse}'s intervals.
     */
    private static double[][] replicates(Law law, LearningCurve curve, Options o, FitResult fit, Progress progress) {
        Loss.Space space = o.fit().loss().space();
        int k = law.parameters().size();
        List<double[]> starts = new ArrayList<>();
        starts.add(fit.params());
        starts.addAll(fit.alternatives().subList(0, Math.min(o.extraStarts(), fit.alternatives().size())));
        CurveFitter.Options serial = o.fit().withParallel(false);
        return Bootstrap.replicate(o.bootstrap(), o.seed(), rng -> {
            CurvePoints sample = curve.resample(rng, o.weightBySpread(), space);
            try {
                CurveFitter.check(law, sample, o.fit().loss());
                FitResult r = CurveFitter.fitFrom(law, sample, starts, serial);
                double[] row = Arrays.copyOf(r.params(), k + 1);
                row[k] = law.hasExponent() ? law.impliedDimension(r.params()) : Double.NaN;
                return row;
            } catch (InvalidInputException e) {
                return null;
            }
        }, progress);
    }

    /**
     * Pointwise percentile band of a one-input law at {@code xs}: the law evaluated with every
     * bootstrap replicate's parameters (the replicates of {@link #analyse} with the same options),
     * then the {@code (1 -+ level)/2} quantiles at each x (Efron and Tibshirani 1993, ch. 13).
     *
     * @return {@code {low, high}}, each of {@code xs.length}; null without bootstrap, for a
     *     two-input law, or when no replicate could be fitted
     */
    public static double[][] band(Law law, LearningCurve curve, Options o, double[] xs, Progress progress) {
        if (o.bootstrap() <= 0 || law.inputs() != 1) {
            return null;
        }
        FitResult fit = CurveFitter.fit(law, curve.points(o.weightBySpread(), o.fit().loss().space()), o.fit());
        double[][] reps = replicates(law, curve, o, fit, progress);
        if (reps.length == 0) {
            return null;
        }
        int k = law.parameters().size();
        double[][] pred = new double[reps.length][xs.length];
        for (int r = 0; r < reps.length; r++) {
            double[] p = Arrays.copyOf(reps[r], k);
            for (int i = 0; i < xs.length; i++) {
                pred[r][i] = law.evaluate(p, new double[] {xs[i]}, new double[] {Math.log(xs[i])}, null);
            }
        }
        double[][] out = new double[2][xs.length];
        for (int i = 0; i < xs.length; i++) {
            Bootstrap.Interval iv = Bootstrap.percentile(pred, i, o.level());
            out[0][i] = iv.low();
            out[1][i] = iv.high();
        }
        return out;
    }

    /**
     * The largest first-column x fitted by the extrapolation check {@code holdout}: for a fraction
     * in (0, 1), the {@code ceil(holdout m)}-th smallest of the {@code m} distinct x (NaN when that
     * keeps none or all of them); for {@code holdout >= 1}, the cut value itself. Points with larger
     * x are held out.
     */
    public static double holdoutCut(LearningCurve curve, double holdout) {
        if (!(holdout < 1)) {
            return holdout;
        }
        double[] sorted = new double[curve.size()];
        for (int j = 0; j < sorted.length; j++) {
            sorted[j] = curve.x(j)[0];
        }
        sorted = Arrays.stream(sorted).distinct().sorted().toArray();
        int keep = (int) Math.ceil(holdout * sorted.length);
        return keep < 1 || keep >= sorted.length ? Double.NaN : sorted[keep - 1];
    }

    /**
     * Fits on the smaller x (first input column) and returns that fit with its RMS prediction error
     * on the rest: of {@code log(pred / obs)} in log space, of {@code pred - obs} in linear space.
     * Null (with a warning) when there is nothing to hold out or the subset cannot be fitted.
     */
    static LawReport.HoldoutFit holdout(Law law, LearningCurve curve, Options o, List<String> warnings) {
        int m = curve.size();
        double[] firstX = new double[m];
        for (int j = 0; j < m; j++) {
            firstX[j] = curve.x(j)[0];
        }
        double cut = holdoutCut(curve, o.holdout());
        if (Double.isNaN(cut)) {
            long distinct = Arrays.stream(firstX).distinct().count();
            warnings.add(String.format(Locale.ROOT, "holdout %s keeps %d of %d distinct x for fitting: nothing to extrapolate to",
                    o.holdout(), (int) Math.ceil(o.holdout() * distinct), distinct));
            return null;
        }
        LearningCurve train = curve.select(j -> firstX[j] <= cut);
        LearningCurve test = curve.select(j -> firstX[j] > cut);
        if (test.size() == 0 || train.size() < CurveFitter.freeParameters(law)) {
            warnings.add(String.format(Locale.ROOT, "holdout at x <= %.6g leaves %d point(s) to fit and %d to predict: "
                    + "too few for law %s", cut, train.size(), test.size(), law.name()));
            return null;
        }
        Loss.Space space = o.fit().loss().space();
        FitResult fit;
        try {
            fit = CurveFitter.fit(law, train.points(o.weightBySpread(), space), o.fit());
        } catch (InvalidInputException e) {
            warnings.add("holdout fit failed: " + e.getMessage());
            return null;
        }
        CurvePoints held = test.points(false, space);
        double ss = 0;
        for (int i = 0; i < held.size(); i++) {
            double pred = law.evaluate(fit.params(), held.x()[i], held.logx()[i], null);
            double e = space == Loss.Space.LOG ? Math.log(pred) - held.logy()[i] : pred - held.y()[i];
            ss += e * e;
        }
        double rms = Math.sqrt(ss / held.size());
        Map<String, Double> params = new LinkedHashMap<>();
        double[] p = fit.params();
        for (int k = 0; k < p.length; k++) {
            params.put(law.parameterNames().get(k), p[k]);
        }
        return new LawReport.HoldoutFit(cut, train.size(), test.size(), params, Double.isFinite(rms) ? rms : null);
    }
}
