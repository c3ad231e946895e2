package org.repgap.fit;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import org.repgap.InvalidInputException;
import org.repgap.progress.Progress;
import org.repgap.provenance.Provenance;

/**
 * The result of fitting laws to one or several learning curves ({@code repgap fit}): the curves as
 * fitted (mean and spread over seeds at each x), every law fitted to every curve ranked by AICc,
 * and, when asked for, each law's pointwise bootstrap band. It is what {@code repgap fit --format
 * json} writes and what its figure is drawn from, so a figure read back from the JSON is the one
 * the command drew.
 *
 * <pre>{@code
 * FitReport r = FitReport.run(List.of(Laws.power()), List.of(new FitReport.Input(Map.of(), curve)),
 *         FitAnalysis.Options.defaults(), new FitReport.Settings("n", "loss", null, 1, true), provenance,
 *         w -> {}, Progress.NONE);
 * r.fits().get(0).dimension();              // 2 / alpha of the best law
 * }</pre>
 *
 * <p>Names follow the toolkit's one convention ({@code docs/results.md}): {@code dimension},
 * {@code dimension_ci_low}/{@code dimension_ci_high}, {@code ci_low}/{@code ci_high},
 * {@code standard_error}; undefined values are {@code null}.
 *
 * @param xLabel     the x column of the curves (the first, for a two-input law)
 * @param yLabel     the response column
 * @param fixedD     {@code d} held fixed in the {@code rg} law, {@code null} when fitted
 * @param breaks     breaks of the {@code broken} law
 * @param ciLevel    level of every bootstrap interval and band, {@code null} without bootstrap
 * @param curves     one curve per group
 * @param fits       every law on every curve: by group in curve order, within a group ranked by {@link #RANKING}
 * @param warnings   laws skipped and what the readers warned about
 * @param provenance settings, input hash and seed
 */
@JsonIgnoreProperties(value = "schema", allowGetters = true)
public record FitReport(String xLabel, String yLabel, Double fixedD, int breaks, Double ciLevel, List<Curve> curves, List<LawFit> fits,
                        List<String> warnings, Provenance provenance) {

    /** The schema of the JSON form, {@code docs/results.md}. */
    public static final String SCHEMA = "repgap.fit/2";

    /** Laws by AICc, lower first, undefined last, then by name: the order of {@link #fits()} within a group. */
    public static final Comparator<LawReport> RANKING =
            Comparator.comparing((LawReport r) -> r.aicc() == null ? Double.POSITIVE_INFINITY : r.aicc())
                    .thenComparing(LawReport::law);

    public FitReport {
        curves = List.copyOf(curves);
        fits = List.copyOf(fits);
        warnings = List.copyOf(warnings);
    }

    /** The schema name written into the JSON. */
    @JsonProperty("schema")
    public String schema() {
        return SCHEMA;
    }

    /**
     * One measured point: x, the mean over seeds, and mean -+ one sample standard deviation over
     * seeds ({@code null} with one seed).
     */
    public record Point(double x, double y, Double yLow, Double yHigh) {
    }

    /**
     * One curve as fitted.
     *
     * @param group      values of the grouping columns (empty without grouping)
     * @param points     its points, in the curve's order
     * @param holdoutCut the largest first-column x fitted by the extrapolation check ({@link FitAnalysis#holdoutCut}),
     *                   {@code null} without one
     */
    public record Curve(Map<String, String> group, List<Point> points, Double holdoutCut) {
        public Curve {
            group = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(group));
            points = List.copyOf(points);
        }
    }

    /** A parameter estimate with its percentile bootstrap interval and bootstrap standard error (null without bootstrap). */
    public record Estimate(String name, Double value, Double ciLow, Double ciHigh, Double standardError) {
    }

    /** One row of a pointwise band: the law's {@code (1 -+ level)/2} quantiles over the replicates at x. */
    public record BandPoint(double x, double low, double high) {
    }

    /**
     * One law fitted to one curve ({@link LawReport} with non-finite numbers as {@code null}).
     *
     * @param parameters          the estimates in the law's parameter order
     * @param dimension           the implied dimension {@code d = 2/alpha} ({@code null} when the law has no exponent)
     * @param dimensionCiLow      its bootstrap interval
     * @param dimensionCiHigh     its bootstrap interval
     * @param convergence         how the optimiser stopped (gradient norm, objective change, agreeing starts)
     * @param holdoutFit          the extrapolation check's fit on the smaller x and its error on the rest ({@code null} without {@code --holdout})
     * @param band                pointwise bootstrap band at 40 log-spaced x, when computed ({@code null} otherwise)
     */
    public record LawFit(String law, String formula, Map<String, String> group, List<Estimate> parameters, Double dimension,
                         Double dimensionCiLow, Double dimensionCiHigh, Double objective, Double aicc, Double bic,
                         Double holdoutError, boolean converged, int points, int bootstrapReplicates, List<String> warnings,
                         FitResult.Convergence convergence,
                         @JsonInclude(JsonInclude.Include.NON_NULL) LawReport.HoldoutFit holdoutFit,
                         @JsonInclude(JsonInclude.Include.NON_NULL) List<BandPoint> band) {
        public LawFit {
            group = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(group));
            parameters = List.copyOf(parameters);
            warnings = List.copyOf(warnings);
            band = band == null ? null : List.copyOf(band);
        }

        /** The report as a record of finite numbers or nulls, with its band (or null). */
        public static LawFit of(LawReport r, List<BandPoint> band) {
            List<Estimate> ps = new ArrayList<>();
            for (Map.Entry<String, Double> p : r.params().entrySet()) {
                double[] ci = r.ci().get(p.getKey());
                ps.add(new Estimate(p.getKey(), finite(p.getValue()), ci == null ? null : finite(ci[0]),
                        ci == null ? null : finite(ci[1]), finite(r.standardErrors().get(p.getKey()))));
            }
            double[] dci = r.dimensionCi();
            return new LawFit(r.law(), r.formula(), r.group(), ps, finite(r.dimension()), dci == null ? null : finite(dci[0]),
                    dci == null ? null : finite(dci[1]), finite(r.objective()), finite(r.aicc()), finite(r.bic()),
                    finite(r.holdoutError()), r.converged(), r.points(), r.bootstrapReplicates(), r.warnings(),
                    r.convergence(), r.holdout(), band);
        }

        /** The parameter values in the law's order (NaN where undefined), for {@link Law#predict}. */
        public double[] values() {
            return parameters.stream().mapToDouble(e -> e.value() == null ? Double.NaN : e.value()).toArray();
        }
    }

    /** One curve to fit and the values of its grouping columns (empty without grouping). */
    public record Input(Map<String, String> group, LearningCurve curve) {
        public Input {
            Objects.requireNonNull(group, "group");
            Objects.requireNonNull(curve, "curve");
        }
    }

    /**
     * What the report records beside the fits.
     *
     * @param xLabel the x column
     * @param yLabel the response column
     * @param fixedD {@code d} of the {@code rg} law when fixed, {@code null} when fitted
     * @param breaks breaks of the {@code broken} law
     * @param bands  whether to compute each one-input law's bootstrap band (costs a second bootstrap per law)
     */
    public record Settings(String xLabel, String yLabel, Double fixedD, int breaks, boolean bands) {
    }

    /** Points of the bootstrap band. */
    public static final int BAND_POINTS = 40;

    /**
     * Fits every law to every curve ({@link FitAnalysis#analyseGroups}). A law that cannot be fitted to a
     * curve is skipped with a warning naming the group and the reason (passed to {@code warn} after the
     * fits and kept in the report); a single law on a single curve that cannot be fitted is an error.
     *
     * @throws InvalidInputException when no law could be fitted
     */
    public static FitReport run(List<Law> laws, List<Input> inputs, FitAnalysis.Options options, Settings settings,
                                Provenance provenance, Consumer<String> warn, Progress progress) {
        return run(laws, inputs, options, settings, provenance, new ArrayList<>(), warn, progress);
    }

    /** As {@link #run(List, List, FitAnalysis.Options, Settings, Provenance, Consumer, Progress)}, starting from the readers' warnings. */
    public static FitReport run(List<Law> laws, List<Input> inputs, FitAnalysis.Options options, Settings settings,
                                Provenance provenance, List<String> earlierWarnings, Consumer<String> warn, Progress progress) {
        List<String> warnings = new ArrayList<>(earlierWarnings);
        List<Curve> curves = new ArrayList<>();
        List<LawFit> fits = new ArrayList<>();
        Map<Map<String, String>, LearningCurve> groups = new java.util.LinkedHashMap<>();
        inputs.forEach(in -> groups.put(in.group(), in.curve()));
        List<LawReport> reports = FitAnalysis.analyseGroups(laws, groups, options, progress, w -> {
            warnings.add(w);
            warn.accept(w);
        });
        for (LawReport r : reports) {
            Law law = laws.stream().filter(l -> l.name().equals(r.law())).findFirst().orElseThrow();
            fits.add(LawFit.of(r, settings.bands() ? band(law, groups.get(r.group()), options, progress) : null));
        }
        for (Input in : inputs) {
            double cut = Double.isNaN(options.holdout()) ? Double.NaN : FitAnalysis.holdoutCut(in.curve(), options.holdout());
            curves.add(new Curve(in.group(), points(in.curve()), Double.isNaN(cut) ? null : cut));
        }
        return new FitReport(settings.xLabel(), settings.yLabel(), settings.fixedD(), settings.breaks(),
                options.bootstrap() > 0 ? options.level() : null, curves, fits,
                warnings, provenance);
    }

    /** The law a fit was made with, rebuilt from its name and the report's settings. */
    public Law law(LawFit fit) {
        return Laws.byName(fit.law(), fixedD == null ? Double.NaN : fixedD, breaks);
    }

    /** The fits made to {@code curve}, ranked. */
    public List<LawFit> fitsOf(Curve curve) {
        return fits.stream().filter(f -> f.group().equals(curve.group())).toList();
    }

    /** The curve's points: x its first input column, the mean over seeds, mean -+ the sample standard deviation. */
    static List<Point> points(LearningCurve c) {
        List<Point> out = new ArrayList<>();
        for (int j = 0; j < c.size(); j++) {
            double[] v = c.values(j);
            double mean = java.util.Arrays.stream(v).average().orElse(Double.NaN);
            Double lo = null;
            Double hi = null;
            if (v.length > 1) {
                double ss = 0;
                for (double t : v) {
                    ss += (t - mean) * (t - mean);
                }
                double sd = Math.sqrt(ss / (v.length - 1));
                lo = finite(mean - sd);
                hi = finite(mean + sd);
            }
            out.add(new Point(c.x(j)[0], mean, lo, hi));
        }
        return out;
    }

    /**
     * The bootstrap band ({@link FitAnalysis#band}) of a one-input law at {@link #BAND_POINTS}
     * log-spaced x over the curve's range, rows with a non-finite edge left out; null without
     * bootstrap, for a two-input law, or when fewer than two rows remain.
     */
    static List<BandPoint> band(Law law, LearningCurve curve, FitAnalysis.Options o, Progress progress) {
        if (o.bootstrap() <= 0 || law.inputs() != 1) {
            return null;
        }
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < curve.size(); j++) {
            lo = Math.min(lo, curve.x(j)[0]);
            hi = Math.max(hi, curve.x(j)[0]);
        }
        if (!(lo > 0) || !(hi > lo)) {
            return null;
        }
        double[] xs = new double[BAND_POINTS];
        for (int i = 0; i < xs.length; i++) {
            xs[i] = lo * Math.pow(hi / lo, i / (xs.length - 1.0));
        }
        double[][] b = FitAnalysis.band(law, curve, o, xs, progress);
        if (b == null) {
            return null;
        }
        List<BandPoint> rows = new ArrayList<>();
        for (int i = 0; i < xs.length; i++) {
            if (Double.isFinite(b[0][i]) && Double.isFinite(b[1][i])) {
                rows.add(new BandPoint(xs[i], b[0][i], b[1][i]));
            }
        }
        return rows.size() > 1 ? rows : null;
    }

    private static Double finite(Double v) {
        return v == null || !Double.isFinite(v) ? null : v;
    }
}
