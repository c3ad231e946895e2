package org.repgap.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.repgap.InvalidInputException;
import org.repgap.fit.CurveFitter;
import org.repgap.fit.FitAnalysis;
import org.repgap.fit.Lbfgs;
import org.repgap.fit.Law;
import org.repgap.fit.LawReport;
import org.repgap.fit.Laws;
import org.repgap.fit.Loss;
import org.repgap.json.Json;
import org.repgap.plots.ChartKind;
import org.repgap.provenance.Provenance;
import org.repgap.runs.CurveExtraction;
import org.repgap.runs.ReadOptions;
import org.repgap.runs.Reduce;
import org.repgap.runs.RunFormat;
import org.repgap.runs.RunInputs;
import org.repgap.runs.Table;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code repgap fit}: scaling-law fits to saved runs. */
@Command(name = "fit",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
                "Fits scaling laws to learning curves from saved runs and reports exponents with bootstrap intervals,",
                "the implied dimension d = 2/alpha, AICc/BIC and the extrapolation error on held-out larger x.",
                "",
                "Inputs: tidy CSV/TSV or JSON Lines (one row per run or point; rows with equal x are seeds and are",
                "averaged), W&B history exports, MLflow mlruns/ directories, Lightning CSVLogger metrics.csv and",
                "TensorBoard event files (one point per run: its last value, or --reduce; --x step fits one run's curve).",
                "",
                "Laws: rg (C n^(-2/d)), power (A n^-alpha), power+offset (E + A n^-alpha), broken (Caballero et al. 2022),",
                "the LCDB families pow2 pow3 pow4 pow4vl log2 ilog2 exp3 expd3 exp4 vap3 logpower3 mmf4 wbl4 janoschek4,",
                "and chinchilla (E + A/N^alpha + B/D^beta, two --x columns).",
                "",
                "Example (the Chinchilla replication of Besiroglu et al. 2024):",
                "  repgap fit --input svg_extracted_data.csv --derive 'D=Training FLOP/(6*Model Size)' \\",
                "     --x 'Model Size,D' --y loss --drop-top 5 --law chinchilla --loss huber --delta 1e-3 --bootstrap 200",
                "",
                "With --plot FILE: the points (mean +- sd over seeds) against the first --x column, each fitted law",
                "that has a closed form here (rg, power, power+offset) with its pointwise bootstrap band when --bootstrap B",
                "is given (the replicates are refitted for the figure), the --holdout region in grey; a panel per group.",
                "  repgap fit --input runs.csv --x n --y test_loss --holdout 0.75 --plot fit.pdf",
                ""},
        footer = {"", "Exit codes: 0 success, 2 bad input or option (one line on stderr), 1 internal error."})
public final class FitCommand implements Callable<Integer> {

    @Option(names = "--input", required = true, paramLabel = "PATH", description = "File or run directory.")
    Path input;

    @Option(names = "--format-in", defaultValue = "auto", paramLabel = "FMT",
            description = "auto|csv|jsonl|wandb|mlflow|lightning|tensorboard (default: ${DEFAULT-VALUE}).")
    String formatIn;

    @Option(names = "--x", paramLabel = "COL[,COL]",
            description = "Input column(s): one, or two comma-separated for a two-variable law; 'step' for a run's curve."
                    + " Required, except for a sweep of 'repgap train' (DIR or DIR/runs.csv), whose law checks are printed.")
    String x;

    @Option(names = "--y", paramLabel = "COL", description = "Response column (loss, error). Required with --x.")
    String y;

    @Option(names = "--sigma-factor", defaultValue = "0.5", paramLabel = "F",
            description = "Law checks of a sweep: the noise level of GG(sigma), as a multiple of sigma_data (default: ${DEFAULT-VALUE}).")
    double sigmaFactor;

    @Option(names = "--derive", paramLabel = "NAME=EXPR",
            description = "Derived column by arithmetic (+ - * / ^, parentheses, log exp sqrt abs) over columns; "
                    + "names may contain spaces or be `backquoted`. Repeatable.")
    List<String> derive = new ArrayList<>();

    @Option(names = "--where", paramLabel = "EXPR", description = "Keep rows where EXPR holds, e.g. 'n>=100 && seed!=3'.")
    String where;

    @Option(names = "--drop-top", defaultValue = "0", paramLabel = "K", description = "Drop the K rows of largest y (per group).")
    int dropTop;

    @Option(names = "--group-by", split = ",", paramLabel = "COL", description = "Fit each group of these columns separately.")
    List<String> groupBy = new ArrayList<>();

    @Option(names = "--reduce", defaultValue = "last", paramLabel = "RULE",
            description = "Runs to points: last|min|mean-last-K of the --y metric (default: ${DEFAULT-VALUE}).")
    String reduce;

    @Option(names = "--skip-bad", description = "Warn about corrupt records or malformed lines and keep what was read, instead of failing.")
    boolean skipBad;

    @Option(names = "--include-deleted", description = "Keep MLflow runs marked deleted (lifecycle_stage: deleted); skipped by default.")
    boolean includeDeleted;

    @Option(names = "--include-unfinished", description = "Keep W&B runs-table rows whose State is not finished; skipped by default.")
    boolean includeUnfinished;

    @Option(names = "--law", defaultValue = "rg,power,power+offset", paramLabel = "LAWS",
            description = "Comma-separated laws, or all (default: ${DEFAULT-VALUE}).")
    String law;

    @Option(names = "--d", paramLabel = "D", description = "Fix d of the rg law (default: fitted).")
    Double fixedD;

    @Option(names = "--breaks", defaultValue = "1", paramLabel = "K", description = "Breaks of the broken power law (default: ${DEFAULT-VALUE}).")
    int breaks;

    @Option(names = "--loss", defaultValue = "l2", paramLabel = "LOSS",
            description = "l2|huber (default: ${DEFAULT-VALUE}; the Chinchilla replication uses --loss huber --delta 1e-3).")
    String loss;

    @Option(names = "--space", defaultValue = "log", paramLabel = "SPACE", description = "Residual space: log|linear (default: ${DEFAULT-VALUE}).")
    String space;

    @Option(names = "--delta", defaultValue = "1e-3", paramLabel = "D", description = "Huber threshold, with --loss huber (default: ${DEFAULT-VALUE}).")
    double delta;

    @Option(names = "--optimizer", defaultValue = "lbfgs", paramLabel = "OPT",
            description = "lbfgs|lm (Levenberg-Marquardt, least squares only) (default: ${DEFAULT-VALUE}).")
    String optimizer;

    @Option(names = "--weights", defaultValue = "none", paramLabel = "W",
            description = "none|spread (inverse variance of each point's seed mean) (default: ${DEFAULT-VALUE}).")
    String weights;

    @Option(names = "--bootstrap", defaultValue = "0", paramLabel = "B", description = "Bootstrap replicates for intervals (default: ${DEFAULT-VALUE}).")
    int bootstrap;

    @Option(names = "--level", defaultValue = "0.95", paramLabel = "L", description = "Confidence level (default: ${DEFAULT-VALUE}).")
    double level;

    @Option(names = "--holdout", paramLabel = "F",
            description = "Extrapolation check: fit on the smallest fraction F in (0,1) of distinct x (first --x column), "
                    + "or on x <= F when F >= 1; report the RMS error on the rest.")
    Double holdout;

    @Option(names = "--seed", defaultValue = "0", paramLabel = "S", description = "Bootstrap seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--format", defaultValue = "text", paramLabel = "FMT", description = "text|json|csv (default: ${DEFAULT-VALUE}).")
    Output.Format format;

    @Option(names = "--output", paramLabel = "FILE", description = "Write here (atomically) instead of stdout.")
    Path output;

    /**
     * {@code --plot FILE}: the data (mean and sd over seeds) with each fitted law (rg, power,
     * power+offset) and the held-out region of {@code --holdout} in grey; one panel per group.
     */
    @Mixin
    PlotOption plot;

    @Override
    public Integer call() {
        Output.checkOutputs(input, output, plot.file());
        if (x == null && y == null) {
            Path dir = SweepReport.sweepDirectory(input);
            if (dir == null) {
                throw InvalidInputException.of("--x and --y are required (%s is not a sweep directory of 'repgap train')", input);
            }
            SweepReport.emit(dir, sigmaFactor, format, output, plot);
            return 0;
        }
        if (x == null || y == null) {
            throw InvalidInputException.of("--x and --y go together (got only %s)", x == null ? "--y" : "--x");
        }
        List<String> warnings = new ArrayList<>();
        List<String> xs = List.of(x.split(",")).stream().map(String::trim).filter(s -> !s.isEmpty()).toList();
        Loss lossSpec = new Loss(parseEnum(Loss.Kind.class, loss.equals("l2") ? "L2" : loss, "--loss", "huber|l2"),
                parseEnum(Loss.Space.class, space, "--space", "log|linear"), delta);
        CurveFitter.Method method = switch (optimizer.toLowerCase(Locale.ROOT)) {
            case "lbfgs", "l-bfgs" -> CurveFitter.Method.LBFGS;
            case "lm" -> CurveFitter.Method.LEVENBERG_MARQUARDT;
            default -> throw InvalidInputException.of("--optimizer %s: expected lbfgs or lm", optimizer);
        };
        boolean spread = switch (weights.toLowerCase(Locale.ROOT)) {
            case "none" -> false;
            case "spread" -> true;
            default -> throw InvalidInputException.of("--weights %s: expected none or spread", weights);
        };
        List<Law> laws = Laws.parse(law, xs.size(), fixedD == null ? Double.NaN : fixedD, breaks);
        for (Law l : laws) {
            if (l.inputs() != xs.size()) {
                throw InvalidInputException.of("--law %s takes %d --x column(s), got %d (%s)", l.name(), l.inputs(), xs.size(), x);
            }
        }
        CurveFitter.Options fitOptions = new CurveFitter.Options(lossSpec, method, Lbfgs.Options.defaults(), true);
        FitAnalysis.Options options = new FitAnalysis.Options(fitOptions, spread, bootstrap, level,
                holdout == null ? Double.NaN : holdout, seed, 4);
        ReadOptions read = new ReadOptions(skipBad, w -> {
            warnings.add(w);
            System.err.println("repgap: warning: " + w);
        }, includeDeleted, includeUnfinished);
        Table table = RunInputs.read(input, RunFormat.parse(formatIn), new RunInputs.Selection(xs, y, Reduce.parse(reduce), groupBy), read);
        CurveExtraction.Spec spec = new CurveExtraction.Spec(xs, y, derive, where, groupBy, dropTop);
        Table transformed = CurveExtraction.transform(table, spec);
        List<CurveExtraction.GroupCurve> curves = CurveExtraction.curves(transformed, spec, read.warnings());
        StderrProgress progress = new StderrProgress();
        Map<Map<String, String>, org.repgap.fit.LearningCurve> groups = new LinkedHashMap<>();
        curves.forEach(gc -> groups.put(gc.group(), gc.curve()));
        List<LawReport> reports;
        try {
            reports = FitAnalysis.analyseGroups(laws, groups, options, progress, read.warnings());
        } finally {
            progress.finish();
        }
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("input", input.toString());
        settings.put("format_in", formatIn);
        settings.put("x", xs);
        settings.put("y", y);
        settings.put("derive", derive);
        settings.put("where", where);
        settings.put("drop_top", dropTop);
        settings.put("group_by", groupBy);
        settings.put("reduce", reduce);
        settings.put("laws", laws.stream().map(Law::name).toList());
        settings.put("loss", lossSpec.toString());
        settings.put("optimizer", optimizer);
        settings.put("weights", weights);
        settings.put("bootstrap", bootstrap);
        settings.put("level", level);
        settings.put("holdout", holdout);
        Provenance prov = Provenance.of("repgap fit", settings, sha256(input), bootstrap > 0 ? seed : null);
        List<Map<String, Object>> data = data(curves, !groupBy.isEmpty());
        String text = switch (format) {
            case json -> json(reports, warnings, prov, data, xs.get(0), y);
            case csv -> csv(reports, groupBy);
            default -> text(reports, level, lossSpec, warnings);
        };
        Output.emit(output, text);
        if (plot.file() != null) {
            Map<String, Law> byName = new LinkedHashMap<>();
            laws.forEach(l -> byName.put(l.name(), l));
            StderrProgress bands = new StderrProgress();
            try {
                plot.renderPanels(panels(curves, reports, xs.get(0), y, holdout,
                        (r, c) -> bandJson(byName.get(r.law()), c, options, bands)), ChartKind.LEARNING_CURVE);
            } finally {
                bands.finish();
            }
        }
        return 0;
    }

    /**
     * The fitted points as JSON rows {@code {x, y, y_low, y_high}}: x the first input column, y the
     * mean over seeds, the band mean -+ sd over seeds (absent with one seed), and the group's
     * columns when grouping.
     */
    static List<Map<String, Object>> data(List<CurveExtraction.GroupCurve> curves, boolean grouped) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (CurveExtraction.GroupCurve gc : curves) {
            org.repgap.fit.LearningCurve c = gc.curve();
            for (int j = 0; j < c.size(); j++) {
                double[] v = c.values(j);
                double mean = java.util.Arrays.stream(v).average().orElse(Double.NaN);
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("x", c.x(j)[0]);
                row.put("y", mean);
                if (v.length > 1) {
                    double ss = 0;
                    for (double t : v) {
                        ss += (t - mean) * (t - mean);
                    }
                    double sd = Math.sqrt(ss / (v.length - 1));
                    row.put("y_low", finite(mean - sd));
                    row.put("y_high", finite(mean + sd));
                }
                if (grouped) {
                    row.put("group", gc.group());
                }
                rows.add(row);
            }
        }
        return rows;
    }

    /**
     * The bootstrap band of a law the figure can draw, as {@code [{x, low, high}]} at 40 log-spaced x
     * over the curve's range; null without {@code --bootstrap} (or for a law drawn without a band).
     */
    private static List<Map<String, Double>> bandJson(Law law, org.repgap.fit.LearningCurve curve, FitAnalysis.Options o,
                                                      org.repgap.progress.Progress progress) {
        if (law == null || o.bootstrap() <= 0 || !org.repgap.plots.io.LawCurves.known(law.name())) {
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
        double[] xs = new double[40];
        for (int i = 0; i < xs.length; i++) {
            xs[i] = lo * Math.pow(hi / lo, i / (xs.length - 1.0));
        }
        double[][] b = FitAnalysis.band(law, curve, o, xs, progress);
        if (b == null) {
            return null;
        }
        List<Map<String, Double>> rows = new ArrayList<>();
        for (int i = 0; i < xs.length; i++) {
            if (Double.isFinite(b[0][i]) && Double.isFinite(b[1][i])) {
                Map<String, Double> row = new LinkedHashMap<>();
                row.put("x", xs[i]);
                row.put("low", b[0][i]);
                row.put("high", b[1][i]);
                rows.add(row);
            }
        }
        return rows.size() > 1 ? rows : null;
    }

    /**
     * One figure panel per group: its points, its fits and labels. With {@code --holdout}, each
     * fit's {@code points} is the count of points at or below the cut, so the figure greys the
     * held-out larger x (the fitted curves drawn are the fits to all points, as reported).
     */
    static List<Map<String, Object>> panels(List<CurveExtraction.GroupCurve> curves, List<LawReport> reports, String xLabel,
                                            String yLabel, Double holdout,
                                            java.util.function.BiFunction<LawReport, org.repgap.fit.LearningCurve, Object> band) {
        List<Map<String, Object>> panels = new ArrayList<>();
        for (CurveExtraction.GroupCurve gc : curves) {
            List<Map<String, Object>> fits = new ArrayList<>();
            double cut = holdout == null ? Double.NaN : FitAnalysis.holdoutCut(gc.curve(), holdout);
            int fitted = 0;
            for (int j = 0; j < gc.curve().size(); j++) {
                fitted += gc.curve().x(j)[0] <= cut ? 1 : 0;
            }
            for (LawReport r : reports) {
                if (r.group().equals(gc.group())) {
                    Map<String, Object> f = fitJson(r);
                    f.put("points", fitted > 0 ? fitted : r.points());
                    Object b = band.apply(r, gc.curve());
                    if (b != null) {
                        f.put("band", b);
                    }
                    fits.add(f);
                }
            }
            Map<String, Object> panel = new LinkedHashMap<>();
            panel.put("data", data(List.of(gc), false));
            panel.put("fits", fits);
            panel.put("x_label", xLabel);
            panel.put("y_label", gc.group().isEmpty() ? yLabel : yLabel + ", " + gc.group().entrySet().stream()
                    .map(e -> e.getKey() + " = " + e.getValue()).collect(java.util.stream.Collectors.joining(", ")));
            panels.add(panel);
        }
        return panels;
    }

    /** SHA-256 of the input file (null for a directory of runs). */
    private static String sha256(Path file) {
        if (!java.nio.file.Files.isRegularFile(file)) {
            return null;
        }
        try (java.io.InputStream in = java.nio.file.Files.newInputStream(file)) {
            java.security.MessageDigest md = java.security.MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[1 << 16];
            for (int r = in.read(buf); r > 0; r = in.read(buf)) {
                md.update(buf, 0, r);
            }
            return java.util.HexFormat.of().formatHex(md.digest());
        } catch (java.io.IOException | java.security.NoSuchAlgorithmException e) {
            return null;
        }
    }

    private static <E extends Enum<E>> E parseEnum(Class<E> type, String value, String option, String expected) {
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.of("%s %s: expected %s", option, value, expected);
        }
    }

    private static Double finite(Double v) {
        return v == null || !Double.isFinite(v) ? null : v;
    }

    private static List<Double> interval(double[] v) {
        if (v == null) {
            return null;
        }
        List<Double> out = new ArrayList<>();
        out.add(finite(v[0]));
        out.add(finite(v[1]));
        return out;
    }

    /** One entry of {@code fits}: a law report with non-finite numbers as null. */
    private static Map<String, Object> fitJson(LawReport r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("law", r.law());
        m.put("formula", r.formula());
        m.put("group", r.group());
        Map<String, Double> params = new LinkedHashMap<>();
        r.params().forEach((k, v) -> params.put(k, finite(v)));
        m.put("params", params);
        Map<String, List<Double>> ci = new LinkedHashMap<>();
        r.ci().forEach((k, v) -> ci.put(k, interval(v)));
        m.put("ci", ci);
        Map<String, Double> se = new LinkedHashMap<>();
        r.standardErrors().forEach((k, v) -> se.put(k, finite(v)));
        m.put("standard_errors", se);
        m.put("d_implied", finite(r.dImplied()));
        m.put("d_implied_ci", interval(r.dImpliedCi()));
        m.put("objective", finite(r.objective()));
        m.put("aicc", finite(r.aicc()));
        m.put("bic", finite(r.bic()));
        m.put("holdout_error", finite(r.holdoutError()));
        if (r.holdout() != null) {
            Map<String, Object> h = new LinkedHashMap<>();
            h.put("fit_on", "x <= " + r.holdout().cut());
            h.put("fitted_points", r.holdout().fittedPoints());
            h.put("held_out_points", r.holdout().heldOutPoints());
            Map<String, Double> hp = new LinkedHashMap<>();
            r.holdout().params().forEach((k, v) -> hp.put(k, finite(v)));
            h.put("params", hp);
            h.put("error", finite(r.holdout().error()));
            m.put("holdout_fit", h);
        }
        m.put("converged", r.converged());
        Map<String, Object> conv = new LinkedHashMap<>();
        conv.put("gradient_norm", finite(r.convergence().gradientNorm()));
        conv.put("objective_change", finite(r.convergence().objectiveChange()));
        conv.put("agreeing_starts", r.convergence().agreeingStarts());
        conv.put("starts", r.convergence().starts());
        conv.put("polished", r.convergence().polished());
        m.put("convergence", conv);
        m.put("points", r.points());
        m.put("bootstrap_replicates", r.bootstrapReplicates());
        m.put("warnings", r.warnings());
        return m;
    }

    /**
     * The JSON document: {@code x_label}, {@code y_label}, the fitted points {@code data}
     * ({@link #data}), {@code fits}, {@code warnings}, {@code provenance}; non-finite numbers as
     * null. {@code repgap plot} draws it as a learning curve.
     */
    static String json(List<LawReport> reports, List<String> warnings, Provenance prov, List<Map<String, Object>> data,
                       String xLabel, String yLabel) {
        List<Map<String, Object>> fits = new ArrayList<>();
        for (LawReport r : reports) {
            fits.add(fitJson(r));
        }
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("x_label", xLabel);
        doc.put("y_label", yLabel);
        doc.put("data", data);
        doc.put("fits", fits);
        doc.put("warnings", warnings);
        doc.put("provenance", prov);
        return Json.write(doc);
    }

    private static String num(Double v) {
        return v == null || !Double.isFinite(v) ? "" : String.format(Locale.ROOT, "%.6g", v);
    }

    /** One row per (group, law, parameter). */
    static String csv(List<LawReport> reports, List<String> groupBy) {
        StringBuilder sb = new StringBuilder();
        List<String> head = new ArrayList<>(groupBy);
        head.addAll(List.of("law", "param", "value", "ci_low", "ci_high", "se", "d_implied", "aicc", "bic", "holdout_error",
                "converged", "points"));
        sb.append(String.join(",", head.stream().map(FitCommand::csvCell).toList())).append('\n');
        for (LawReport r : reports) {
            for (Map.Entry<String, Double> p : r.params().entrySet()) {
                List<String> row = new ArrayList<>();
                for (String g : groupBy) {
                    row.add(csvCell(r.group().getOrDefault(g, "")));
                }
                double[] ci = r.ci().get(p.getKey());
                row.add(csvCell(r.law()));
                row.add(csvCell(p.getKey()));
                row.add(num(p.getValue()));
                row.add(ci == null ? "" : num(ci[0]));
                row.add(ci == null ? "" : num(ci[1]));
                row.add(num(r.standardErrors().get(p.getKey())));
                row.add(num(r.dImplied()));
                row.add(num(r.aicc()));
                row.add(num(r.bic()));
                row.add(num(r.holdoutError()));
                row.add(Boolean.toString(r.converged()));
                row.add(Integer.toString(r.points()));
                sb.append(String.join(",", row)).append('\n');
            }
        }
        return sb.toString();
    }

    private static String csvCell(String s) {
        return s.contains(",") || s.contains("\"") || s.contains("\n") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }

    /** A ranked table per group, then each law's parameters with intervals. */
    static String text(List<LawReport> reports, double level, Loss loss, List<String> warnings) {
        StringBuilder sb = new StringBuilder();
        sb.append("repgap fit: ").append(loss).append(", ranked by AICc (lower is better)\n");
        Map<Map<String, String>, List<LawReport>> byGroup = new LinkedHashMap<>();
        for (LawReport r : reports) {
            byGroup.computeIfAbsent(r.group(), k -> new ArrayList<>()).add(r);
        }
        for (Map.Entry<Map<String, String>, List<LawReport>> e : byGroup.entrySet()) {
            sb.append('\n');
            if (!e.getKey().isEmpty()) {
                sb.append("group ").append(e.getKey()).append('\n');
            }
            sb.append(String.format(Locale.ROOT, "%-4s %-14s %12s %12s %10s %10s %6s %6s%n", "rank", "law", "aicc", "bic",
                    "holdout", "d_implied", "conv", "points"));
            int rank = 1;
            for (LawReport r : e.getValue()) {
                sb.append(String.format(Locale.ROOT, "%-4d %-14s %12s %12s %10s %10s %6s %6d%n", rank++, r.law(), num(r.aicc()),
                        num(r.bic()), num(r.holdoutError()), num(r.dImplied()), r.converged() ? "yes" : "NO", r.points()));
            }
            for (LawReport r : e.getValue()) {
                sb.append('\n').append(r.law()).append(": ").append(r.formula()).append('\n');
                if (r.holdout() != null) {
                    sb.append("  full-data fit:\n");
                }
                for (Map.Entry<String, Double> p : r.params().entrySet()) {
                    double[] ci = r.ci().get(p.getKey());
                    sb.append(String.format(Locale.ROOT, "  %-8s = %-12s", p.getKey(), num(p.getValue())));
                    if (ci != null) {
                        sb.append(String.format(Locale.ROOT, " %.0f%% CI [%s, %s]", 100 * level, num(ci[0]), num(ci[1])));
                    }
                    sb.append('\n');
                }
                if (r.dImplied() != null) {
                    sb.append(String.format(Locale.ROOT, "  %-8s = %-12s", "d_implied", num(r.dImplied())));
                    if (r.dImpliedCi() != null) {
                        sb.append(String.format(Locale.ROOT, " CI [%s, %s]", num(r.dImpliedCi()[0]), num(r.dImpliedCi()[1])));
                    }
                    sb.append('\n');
                }
                if (r.holdout() != null) {
                    sb.append(String.format(Locale.ROOT, "  holdout fit (x <= %s, %d points; error %s on %d held-out points):%n",
                            num(r.holdout().cut()), r.holdout().fittedPoints(), num(r.holdout().error()), r.holdout().heldOutPoints()));
                    r.holdout().params().forEach((k, v) -> sb.append(String.format(Locale.ROOT, "  %-8s = %s%n", k, num(v))));
                }
                for (String w : r.warnings()) {
                    sb.append("  warning: ").append(w).append('\n');
                }
            }
        }
        if (!warnings.isEmpty()) {
            sb.append('\n');
            for (String w : warnings) {
                sb.append("warning: ").append(w).append('\n');
            }
        }
        return sb.toString();
    }
}
