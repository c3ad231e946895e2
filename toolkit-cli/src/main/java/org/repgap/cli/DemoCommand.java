package org.repgap.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.repgap.compare.SymmetryComparison;
import org.repgap.data.PointCloud;
import org.repgap.datasets.Datasets;
import org.repgap.gap.AsymptoticLaw;
import org.repgap.gap.RepresentationGapCurve;
import org.repgap.gap.SlopeFit;
import org.repgap.group.Groups;
import org.repgap.group.SymmetryGroup;
import org.repgap.id.IdResult;
import org.repgap.json.Json;
import org.repgap.plots.FigureSpec;
import org.repgap.plots.data.Curve;
import org.repgap.plots.data.IdComparisonData;
import org.repgap.plots.data.LearningCurveData;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code repgap demo}: the toolkit's main job on an embedded default. Does a symmetry lower the
 * task's intrinsic dimension, and how many fewer samples does a model that respects it need?
 */
@Command(name = "demo",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
                "The main job of the toolkit on a built-in task, the whole chain in about two minutes: estimates the intrinsic",
                "dimension with and without a symmetry group (TwoNN and MLE on the orbit distance, bootstrap intervals),",
                "measures the ideal Representation Gap learning curve RG_n (leave-one-out) for both, fits its slope -2/d_task,",
                "predicts it with the law C n^(-2/d), says how many samples the symmetric model needs to match the plain one",
                "(with an interval), then trains diffusion models without symmetry, with canonicalization and with ACE",
                "(a few sizes, 2 seeds, steps proportional to n) and checks their gaps against the two predicted laws.",
                "",
                "Writes --out DIR (default repgap-demo/): report.html (one self-contained page: tables, figures inlined as",
                "SVG, the command that reproduces each section), results.json (every section's result), figures/*.png|pdf|svg,",
                "and the trainer's run directory sweep/ (resumable: a second run trains nothing). --quick: a smaller version",
                "in under 30 s, for smoke tests.",
                "",
                "The default task, rotating-pair, is two points of the plane turning together: a 3-dimensional manifold in R^4.",
                "The common rotation (so2) is a symmetry, so the task dimension modulo so2 is 2: the gap falls as n^(-1) instead",
                "of n^(-2/3).",
                "",
                "Examples:",
                "  repgap demo",
                "  repgap demo --quick --out /tmp/demo              # the same chain, small, in under 30 s",
                "  repgap demo --plot demo.pdf                      # learning curves and ID comparison, one panel each",
                "  repgap demo --dataset torus:2 --group none,signs --format json",
                ""},
        footer = {"", "Exit codes: 0 success, 2 bad option or input (one line on stderr), 1 internal error."})
public final class DemoCommand implements Callable<Integer> {

    @Option(names = "--dataset", paramLabel = "NAME", defaultValue = "rotating-pair",
            description = "Data set (see 'repgap datasets --list'). Default: ${DEFAULT-VALUE}.")
    String dataset;

    @Option(names = "--n", paramLabel = "N", description = "Points to generate. Default: 4000 (--quick: 1000).")
    Integer n;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "repgap-demo",
            description = "Directory of the report, results.json, figures and the trainer's runs. Default: ${DEFAULT-VALUE}.")
    Path out;

    @Option(names = "--quick", description = "A small version of the whole chain (under 30 s): fewer points, sizes, seeds and steps.")
    boolean quick;

    @Option(names = "--train-sizes", paramLabel = "N1,N2,...", split = ",",
            description = "Training-set sizes of the trainer sweep. Default: 4,8,16 (--quick: 4,8).")
    int[] trainSizes;

    @Option(names = "--train-seeds", paramLabel = "S", description = "Seeds of the trainer sweep. Default: 2 (--quick: 1).")
    Integer trainSeeds;

    @Option(names = "--no-train", description = "Skip the trainer sweep (ID and ideal gap only, as before the trainer existed).")
    boolean noTrain;

    @Option(names = "--group", paramLabel = "SPEC[,SPEC]", defaultValue = "none,so2", split = ",",
            description = "Groups to compare, the first as the baseline. Default: ${DEFAULT-VALUE}.")
    List<String> groups;

    @Option(names = "--sizes", paramLabel = "N1,N2,...", split = ",",
            description = "Training-set sizes of the curves. Default: n/16, n/8, n/4, n/2, n.")
    int[] sizes;

    @Option(names = "--seeds", paramLabel = "S", defaultValue = "3", description = "Subsamples per size of the ideal curve. Default: ${DEFAULT-VALUE}.")
    int seeds;

    @Option(names = "--seed", paramLabel = "SEED", defaultValue = "0", description = "Seed of the data, subsamples and bootstrap. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--bootstrap", paramLabel = "B",
            description = "Bootstrap replicates of the ID estimates. Default: 200 (--quick: 50).")
    Integer bootstrap;

    @Option(names = "--format", paramLabel = "FMT", defaultValue = "text",
            description = "Summary on stdout: text, or json (the contents of results.json). Default: ${DEFAULT-VALUE}.")
    Output.Format format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the summary here (atomically) instead of stdout.")
    Path output;

    /** {@code --plot FILE}: the learning curves and the ID comparison, one panel each. */
    @Mixin
    PlotOption plot;

    /** {@code -q/--quiet}: no progress on stderr. */
    @Mixin
    ProgressOption progressOption;

    @Override
    public Integer call() {
        if (format == Output.Format.csv) {
            throw org.repgap.InvalidInputException.of("--format csv: the demo prints text or json");
        }
        List<SymmetryGroup> gs = new ArrayList<>();
        for (String spec : groups) {
            gs.add(Groups.parse(spec));
        }
        int points = n != null ? n : quick ? 1000 : 4000;
        int replicates = bootstrap != null ? bootstrap : quick ? 50 : 200;
        int[] trainN = trainSizes != null ? trainSizes : quick ? new int[] {4, 8} : new int[] {4, 8, 16};
        int trainS = trainSeeds != null ? trainSeeds : quick ? 1 : 2;
        PointCloud x = Datasets.generate(dataset, points, seed);
        int[] grid = sizes != null ? sizes : defaultSizes(x.n());
        DemoReport.Settings settings = new DemoReport.Settings(dataset, points, seed, grid, seeds, replicates, gs, noTrain ? null : trainN,
                trainS, quick);
        StderrProgress progress = progressOption.progress();
        SymmetryComparison result;
        DemoReport report;
        try {
            result = SymmetryComparison.run(x, gs, new SymmetryComparison.Options(grid, seeds, seed, replicates), progress);
            report = DemoReport.run(x, result, settings, out, figure(result), progress);
        } finally {
            progress.finish();
        }
        Output.emit(output, format == Output.Format.json ? Json.write(report.results()) : text(dataset, result) + report.text());
        if (plot.file() != null) {
            plot.write(figure(result));
        }
        return 0;
    }

    static int[] defaultSizes(int n) {
        return new int[] {Math.max(16, n / 16), Math.max(32, n / 8), Math.max(64, n / 4), Math.max(128, n / 2), n};
    }

    private static String f(String fmt, Object... args) {
        return String.format(Locale.ROOT, fmt, args);
    }

    private static String interval(IdResult r) {
        if (r.dimension() == null) {
            return "-";
        }
        return r.ciLow() == null ? f("%.2f", r.dimension()) : f("%.2f [%.2f, %.2f]", r.dimension(), r.ciLow(), r.ciHigh());
    }

    /** The human summary: one column per group. */
    static String text(String dataset, SymmetryComparison r) {
        List<String[]> rows = new ArrayList<>();
        List<String> head = new ArrayList<>(List.of(""));
        for (SymmetryComparison.Row row : r.rows()) {
            head.add(row.group().equals("none") ? "without symmetry" : "modulo " + row.group());
        }
        rows.add(head.toArray(String[]::new));
        rows.add(column(r, "ID, TwoNN (95% bootstrap)", row -> interval(row.estimate("twonn"))));
        rows.add(column(r, "ID, MLE (95% bootstrap)", row -> interval(row.estimate("mle"))));
        rows.add(column(r, "RG slope, log-log", row -> {
            SlopeFit s = row.gap().fit();
            return s.slopeCiLow() == null ? f("%.3f", s.slope()) : f("%.3f [%.3f, %.3f]", s.slope(), s.slopeCiLow(), s.slopeCiHigh());
        }));
        rows.add(column(r, "implied d = -2/slope", row -> row.gap().fit().dimension() == null ? "-" : f("%.2f", row.gap().fit().dimension())));
        rows.add(column(r, "law C n^(-2/d), d (TwoNN)", row -> f("%.3g n^(-%.3f)", row.gap().law().constant(), row.gap().law().exponent())));
        int nMax = r.rows().get(0).gap().curve().get(r.rows().get(0).gap().curve().size() - 1).n();
        rows.add(column(r, f("RG at n = %d, measured", nMax), row -> f("%.4g", row.largestSizeGap())));
        rows.add(column(r, f("RG at n = %d, law", nMax), row -> {
            List<AsymptoticLaw.Check> c = row.gap().comparison();
            return f("%.4g (ratio %.2f)", c.get(c.size() - 1).predicted(), c.get(c.size() - 1).ratio());
        }));
        StringBuilder sb = new StringBuilder();
        sb.append(f("repgap demo: %s, %d points in R^%d%n%n", dataset, r.n(), r.ambientDim()));
        int[] widths = new int[head.size()];
        for (String[] row : rows) {
            for (int c = 0; c < row.length; c++) {
                widths[c] = Math.max(widths[c], row[c].length());
            }
        }
        for (String[] row : rows) {
            for (int c = 0; c < row.length; c++) {
                sb.append(c == 0 ? pad(row[c], widths[c]) : "  " + pad(row[c], widths[c]));
            }
            sb.append('\n');
        }
        if (r.equivalentSize() != null && r.rows().size() > 1) {
            SymmetryComparison.Row base = r.rows().get(0);
            SymmetryComparison.Row last = r.rows().get(r.rows().size() - 1);
            int nMin = last.gap().curve().get(0).n();
            sb.append('\n').append(f("The gap that %s reaches at n = %d, %s reaches at n = %.0f: %.1fx fewer samples%s.%n",
                    base.group().equals("none") ? "a model without symmetry" : "modulo " + base.group(), nMax,
                    "a model equivariant to " + last.group(), r.equivalentSize(), nMax / r.equivalentSize(),
                    r.equivalentSize() < nMin ? f(" (extrapolated below the smallest size measured, %d)", nMin) : ""));
        }
        return sb.toString();
    }

    private static String pad(String s, int w) {
        return s + " ".repeat(Math.max(0, w - s.length()));
    }

    private static String[] column(SymmetryComparison r, String label, java.util.function.Function<SymmetryComparison.Row, String> cell) {
        String[] out = new String[r.rows().size() + 1];
        out[0] = label;
        for (int i = 0; i < r.rows().size(); i++) {
            out[i + 1] = cell.apply(r.rows().get(i));
        }
        return out;
    }

    /** One learning-curve panel per group, then the ID comparison. */
    static FigureSpec figure(SymmetryComparison r) {
        List<org.repgap.plots.data.ChartData> panels = new ArrayList<>();
        List<IdComparisonData.Estimate> ids = new ArrayList<>();
        for (SymmetryComparison.Row row : r.rows()) {
            String label = row.group().equals("none") ? "without symmetry" : "modulo " + row.group();
            List<LearningCurveData.Point> pts = new ArrayList<>();
            for (RepresentationGapCurve.CurvePoint p : row.gap().curve()) {
                double sd = p.rgSd() == null ? Double.NaN : p.rgSd();
                pts.add(new LearningCurveData.Point(p.n(), p.rgMean(), p.rgMean() - sd, p.rgMean() + sd));
            }
            double[] xs = row.gap().curve().stream().mapToDouble(RepresentationGapCurve.CurvePoint::n).toArray();
            AsymptoticLaw law = row.gap().law();
            double[] lawY = Arrays.stream(xs).map(law::predict).toArray();
            SlopeFit s = row.gap().fit();
            double[] fitY = Arrays.stream(xs).map(v -> Math.exp(s.intercept() + s.slope() * Math.log(v))).toArray();
            LearningCurveData.FittedLaw fit = new LearningCurveData.FittedLaw("fit", xs, fitY, null, null,
                    s.dimension() == null ? Double.NaN : s.dimension(),
                    s.dimensionCiLow() == null ? Double.NaN : s.dimensionCiLow(), s.dimensionCiHigh() == null ? Double.NaN : s.dimensionCiHigh());
            String yLabel = row.group().equals("none") ? "RGₙ, no symmetry" : "RGₙ modulo " + row.group();
            panels.add(new LearningCurveData(pts, List.of(new Curve(f("law, d = %.2f", law.dimension()), xs, lawY)), List.of(fit),
                    Double.NaN, LearningCurveData.X_LABEL, yLabel));
            for (IdResult e : row.estimates()) {
                if (e.dimension() != null) {
                    ids.add(new IdComparisonData.Estimate(e.estimator().equals("twonn") ? "TwoNN" : "MLE", label, e.dimension(),
                            e.ciLow() == null ? e.dimension() : e.ciLow(), e.ciHigh() == null ? e.dimension() : e.ciHigh()));
                }
            }
        }
        panels.add(new IdComparisonData(ids, Double.NaN));
        return FigureSpec.grid(panels.size(), panels);
    }
}
