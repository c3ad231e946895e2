package org.repgap.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.repgap.io.Csv;
import org.repgap.InvalidInputException;
import org.repgap.fit.CurveFitter;
import org.repgap.fit.FitAnalysis;
import org.repgap.fit.Lbfgs;
import org.repgap.fit.Law;
import org.repgap.fit.FitReport;
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

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write here (atomically) instead of stdout.")
    Path output;

    /**
     * {@code --plot FILE}: the data (mean and sd over seeds) with each fitted law (rg, power,
     * power+offset) and the held-out region of {@code --holdout} in grey; one panel per group.
     */
    @Mixin
    PlotOption plot;

    /** {@code -q/--quiet}: no progress on stderr. */
    @Mixin
    ProgressOption progressOption;

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
        Provenance prov = Provenance.of("repgap fit", settings, Provenance.sha256(input), bootstrap > 0 ? seed : null);
        List<FitReport.Input> inputs = curves.stream().map(gc -> new FitReport.Input(gc.group(), gc.curve())).toList();
        // the bands cost a second bootstrap per law: computed when the JSON or the figure shows them
        boolean bands = bootstrap > 0 && (format == Output.Format.json || plot.file() != null);
        StderrProgress progress = progressOption.progress();
        FitReport report;
        try {
            report = FitReport.run(laws, inputs, options, new FitReport.Settings(xs.get(0), y, fixedD, breaks, bands), prov,
                    warnings, w -> System.err.println("repgap: warning: " + w), progress);
        } finally {
            progress.finish();
        }
        String text = switch (format) {
            case json -> Json.write(report);
            case csv -> csv(report, groupBy);
            default -> text(report, level, lossSpec);
        };
        Output.emit(output, text);
        plot.render(report, ChartKind.LEARNING_CURVE);
        return 0;
    }

    private static <E extends Enum<E>> E parseEnum(Class<E> type, String value, String option, String expected) {
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.of("%s %s: expected %s", option, value, expected);
        }
    }

    private static String num(Double v) {
        return v == null || !Double.isFinite(v) ? "" : String.format(Locale.ROOT, "%.6g", v);
    }

    /** One row per (group, law, parameter). */
    static String csv(FitReport report, List<String> groupBy) {
        StringBuilder sb = new StringBuilder();
        List<String> head = new ArrayList<>(groupBy);
        head.addAll(List.of("law", "param", "value", "ci_low", "ci_high", "ci_level", "standard_error", "dimension", "dimension_ci_low",
                "dimension_ci_high", "aicc", "bic",
                "holdout_error", "converged", "points"));
        sb.append(String.join(",", head.stream().map(Csv::text).toList())).append('\n');
        for (FitReport.LawFit r : report.fits()) {
            for (FitReport.Estimate p : r.parameters()) {
                List<String> row = new ArrayList<>();
                for (String g : groupBy) {
                    row.add(Csv.text(r.group().getOrDefault(g, "")));
                }
                row.add(Csv.text(r.law()));
                row.add(Csv.text(p.name()));
                row.add(Csv.number(p.value()));
                row.add(Csv.number(p.ciLow()));
                row.add(Csv.number(p.ciHigh()));
                row.add(Csv.number(p.ciLow() == null ? null : report.ciLevel()));
                row.add(Csv.number(p.standardError()));
                row.add(Csv.number(r.dimension()));
                row.add(Csv.number(r.dimensionCiLow()));
                row.add(Csv.number(r.dimensionCiHigh()));
                row.add(Csv.number(r.aicc()));
                row.add(Csv.number(r.bic()));
                row.add(Csv.number(r.holdoutError()));
                row.add(Boolean.toString(r.converged()));
                row.add(Integer.toString(r.points()));
                sb.append(String.join(",", row)).append('\n');
            }
        }
        return sb.toString();
    }


    /** A ranked table per group, then each law's parameters with intervals. */
    static String text(FitReport report, double level, Loss loss) {
        StringBuilder sb = new StringBuilder();
        sb.append("repgap fit: ").append(loss).append(", ranked by AICc (lower is better)\n");
        Map<Map<String, String>, List<FitReport.LawFit>> byGroup = new LinkedHashMap<>();
        for (FitReport.LawFit r : report.fits()) {
            byGroup.computeIfAbsent(r.group(), k -> new ArrayList<>()).add(r);
        }
        for (Map.Entry<Map<String, String>, List<FitReport.LawFit>> e : byGroup.entrySet()) {
            sb.append('\n');
            if (!e.getKey().isEmpty()) {
                sb.append("group ").append(e.getKey()).append('\n');
            }
            sb.append(String.format(Locale.ROOT, "%-4s %-14s %12s %12s %10s %10s %6s %6s%n", "rank", "law", "aicc", "bic",
                    "holdout", "dimension", "conv", "points"));
            int rank = 1;
            for (FitReport.LawFit r : e.getValue()) {
                sb.append(String.format(Locale.ROOT, "%-4d %-14s %12s %12s %10s %10s %6s %6d%n", rank++, r.law(), num(r.aicc()),
                        num(r.bic()), num(r.holdoutError()), num(r.dimension()), r.converged() ? "yes" : "NO", r.points()));
            }
            for (FitReport.LawFit r : e.getValue()) {
                boolean ci = r.bootstrapReplicates() > 0;
                sb.append('\n').append(r.law()).append(": ").append(r.formula()).append('\n');
                if (r.holdoutFit() != null) {
                    sb.append("  full-data fit:\n");
                }
                for (FitReport.Estimate p : r.parameters()) {
                    sb.append(String.format(Locale.ROOT, "  %-9s = %-12s", p.name(), num(p.value())));
                    if (ci) {
                        sb.append(String.format(Locale.ROOT, " %.0f%% CI [%s, %s]", 100 * level, num(p.ciLow()), num(p.ciHigh())));
                    }
                    sb.append('\n');
                }
                if (r.dimension() != null) {
                    sb.append(String.format(Locale.ROOT, "  %-9s = %-12s", "dimension", num(r.dimension())));
                    if (ci) {
                        sb.append(String.format(Locale.ROOT, " CI [%s, %s]", num(r.dimensionCiLow()), num(r.dimensionCiHigh())));
                    }
                    sb.append('\n');
                }
                if (r.holdoutFit() != null) {
                    sb.append(String.format(Locale.ROOT, "  holdout fit (x <= %s, %d points; error %s on %d held-out points):%n",
                            num(r.holdoutFit().cut()), r.holdoutFit().fittedPoints(), num(r.holdoutFit().error()), r.holdoutFit().heldOutPoints()));
                    r.holdoutFit().params().forEach((k, v) -> sb.append(String.format(Locale.ROOT, "  %-8s = %s%n", k, num(v))));
                }
                for (String w : r.warnings()) {
                    sb.append("  warning: ").append(w).append('\n');
                }
            }
        }
        if (!report.warnings().isEmpty()) {
            sb.append('\n');
            for (String w : report.warnings()) {
                sb.append("warning: ").append(w).append('\n');
            }
        }
        return sb.toString();
    }
}
