package org.repgap.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.repgap.InvalidInputException;
import org.repgap.io.Csv;
import org.repgap.data.PointCloud;
import org.repgap.data.PointClouds;
import org.repgap.datasets.Datasets;
import org.repgap.group.SymmetryGroup;
import org.repgap.id.Combination;
import org.repgap.id.DuplicatePolicy;
import org.repgap.id.IdContext;
import org.repgap.id.IdEstimation;
import org.repgap.id.EstimatorDescriptor;
import org.repgap.id.IdEstimators;
import org.repgap.id.IdReport;
import org.repgap.id.IdResult;
import org.repgap.id.LocalPcaEstimator;
import org.repgap.id.TwoNnEstimator;
import org.repgap.json.Json;
import org.repgap.neighbors.Metric;
import org.repgap.plots.ChartKind;
import org.repgap.progress.Progress;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code repgap id}: intrinsic dimension of a point cloud with several estimators and bootstrap intervals. */
@Command(name = "id",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        showDefaultValues = true,
        description = {
                "Estimates the intrinsic dimension of a point cloud (one point per row) with nearest-neighbour "
                        + "estimators (mle, twonn, gride, tle, mom, mada, knn, corrint) and PCA (lpca), with scikit-dimension's "
                        + "defaults (DADApy's for gride, reported at neighbour ranks n1 = 1, 2, 4, ..., 32). One k-NN "
                        + "graph, for the largest k needed, is computed and shared by all estimators. Exact duplicate "
                        + "rows are removed first (see --duplicates). With --bootstrap B, each estimate gets a percentile "
                        + "interval. --list prints every estimator with its reference, defaults and what it supports.",
                "",
                "Examples:",
                "  repgap id --list",
                "  repgap id --dataset M7_Roll",
                "  repgap id --input points.npy --estimator mle,twonn,gride \\",
                "            --bootstrap 200 --format json --output id.json",
                "  repgap id --dataset sphere:2 --bootstrap 100 --plot ids.pdf   # estimates with intervals as a figure"},
        footer = {"", "Exit codes: 0 success, 2 bad input (one line on stderr), 1 internal error."})
public final class IdCommand implements Callable<Integer> {

    static final class Source {
        @Option(names = "--input", paramLabel = "FILE", description = "Points to read: .csv, .tsv, .txt, .npy or .npz (one point per row).")
        Path input;

        @Option(names = "--dataset", paramLabel = "NAME", description = "A built-in generator instead of a file (see 'repgap datasets').")
        String dataset;
    }

    @ArgGroup(exclusive = true, multiplicity = "0..1")
    Source source;

    @Option(names = "--list",
            description = "Print the registry of estimators (name, method, reference, defaults, pointwise values, group "
                    + "metric, analytic interval, cost) in the --format given (text, json or csv) and exit.")
    boolean list;

    @Option(names = "--array", paramLabel = "NAME", description = "Member of an .npz file to read (default: its only array).")
    String array;

    @Option(names = "--n", paramLabel = "N", description = "Number of points to generate with --dataset (default 2500).")
    Integer n;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "0", description = "Seed of --dataset, of the bootstrap and of knn (0 to 2^31 - 1; knn with seed S gives scikit-dimension's KNN after np.random.seed(S)).")
    long seed;

    @Option(names = "--estimator", paramLabel = "LIST", defaultValue = "all",
            description = "Comma-separated estimators (see --list), or all: every estimator whose cost fits the data "
                    + "(those left out, and why, are listed in the output).")
    String estimators;

    @Option(names = "--budget", paramLabel = "SECONDS", defaultValue = "60",
            description = "With all: leave out an estimator whose estimated time on these data exceeds this (estimators "
                    + "named in --estimator always run).")
    double budget;

    @Option(names = "--k", paramLabel = "K",
            description = "Number of neighbours of mle, tle, mom and mada (defaults 20, 20, 100, 20 as scikit-dimension).")
    Integer k;

    @Option(names = "--mle-comb", paramLabel = "RULE", defaultValue = "mle",
            description = "How mle combines pointwise estimates: mle (MacKay-Ghahramani), mean (Levina-Bickel) or median.")
    String mleComb;

    @Option(names = "--twonn-fit", paramLabel = "FIT", defaultValue = "linear",
            description = "twonn: linear (fit through the origin, largest 10%% discarded) or ml (maximum likelihood).")
    String twoNnFit;

    @Option(names = "--gride-range", paramLabel = "R", defaultValue = "64",
            description = "gride: largest neighbour rank of the scale analysis (n1 = 1, 2, 4, ... up to R/2).")
    int grideRange;

    @Option(names = "--lpca-ver", paramLabel = "VER", defaultValue = "FO",
            description = "lpca rule: FO, Fan, maxgap, ratio, participation_ratio, Kaiser, broken_stick.")
    String lpcaVersion;

    @Option(names = "--lpca-k", paramLabel = "K", defaultValue = "0",
            description = "lpca: 0 for one global PCA (scikit-dimension's default), else PCA of each point's K neighbours, averaged.")
    int lpcaK;

    @Option(names = "--bootstrap", paramLabel = "B", defaultValue = "0",
            description = "Bootstrap replicates for confidence intervals (0: none). Per-point statistics are resampled "
                    + "where the estimator allows it, so the neighbour graph is computed once.")
    int bootstrap;

    @Option(names = "--resample", paramLabel = "WHAT", defaultValue = "auto",
            description = "What the bootstrap resamples: auto (per-point statistics where possible: fast, but intervals "
                    + "about 1.2-1.6x too narrow since neighbourhoods overlap) or points (the distinct points of each "
                    + "resample, graph rebuilt per replicate: slower, within about 0.9-1.3x of the true spread).")
    String resample;

    @Option(names = "--level", paramLabel = "L", defaultValue = "0.95", description = "Confidence level of the intervals.")
    double level;

    @Option(names = "--duplicates", paramLabel = "POLICY", defaultValue = "deduplicate",
            description = "Exact duplicate rows: deduplicate (keep the first copy), keep (estimators skip points at "
                    + "distance 0 from a neighbour), or error.")
    String duplicates;

    @Option(names = "--group", paramLabel = "SPEC", defaultValue = "none",
            description = "Estimate modulo a symmetry group: distances become orbit distances d_G (lpca, Euclidean only, is then left out of all).")
    String group;

    @Option(names = "--pointwise", description = "Include per-point estimates in JSON output.")
    boolean pointwise;

    @Option(names = "--diagnostic",
            description = "Save the TwoNN diagnostic (sorted log mu against -log(1 - F)) in the JSON result, for "
                    + "'repgap plot --kind twonn' (needs twonn among the estimators).")
    boolean diagnostic;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", description = "Output: text, json or csv.")
    Output.Format format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write to FILE (atomically) instead of stdout.")
    Path output;

    /** {@code --plot FILE}: the ID comparison, one row per estimator (GRIDE once per scale) with its interval. */
    @Mixin
    PlotOption plot;

    /** {@code -q/--quiet}: no progress on stderr. */
    @Mixin
    ProgressOption progressOption;

    @Override
    public Integer call() {
        if (list) {
            Output.checkOutputs(source == null ? null : source.input, output, null);
            Output.emit(output, renderList(format));
            return 0;
        }
        if (source == null) {
            throw InvalidInputException.of("give the points with --input FILE or --dataset NAME (or --list for the estimators)");
        }
        Output.checkOutputs(source.input, output, plot.file());
        List<String> names = IdEstimators.parseNames(estimators);
        if (!(budget > 0)) {
            throw InvalidInputException.of("--budget %s: expected a positive number of seconds", budget);
        }
        if (k != null && k < 1) {
            throw InvalidInputException.of("--k %d: the number of neighbours must be at least 1", k);
        }
        if (!(seed >= 0 && seed <= Integer.MAX_VALUE)) {
            throw InvalidInputException.of("--seed %d: expected 0 to 2147483647 (knn seeds numpy's legacy generator with it)", seed);
        }
        IdEstimators.Settings settings = IdEstimators.Settings.defaults().withK(k)
                .withMleCombination(Combination.parse(mleComb))
                .withTwoNnFit(TwoNnEstimator.Fit.parse(twoNnFit))
                .withGrideRangeMax(grideRange)
                .withLpca(LocalPcaEstimator.Version.parse(lpcaVersion), lpcaK)
                .withSeed(seed);
        if (bootstrap < 0) {
            throw InvalidInputException.of("--bootstrap %d: the number of replicates must be 0 (none) or positive", bootstrap);
        }
        if (pointwise && format != Output.Format.json) {
            // per-point values are one array per estimator: only the JSON form holds them (was silently ignored)
            throw InvalidInputException.of("--pointwise writes one value per point into the JSON output: add --format json (got --format %s)",
                    format);
        }
        IdEstimation.Options options = new IdEstimation.Options(bootstrap, seed, level, pointwise,
                IdEstimation.Resampling.parse(resample));
        DuplicatePolicy policy = DuplicatePolicy.parse(duplicates);
        SymmetryGroup symmetry = group == null || group.trim().equalsIgnoreCase("none") ? null : SymmetryGroup.parse(group);
        PointCloud x = load();
        Repgap.hashInBackground(x);
        Metric metric = metric(symmetry, x.dim());
        if (diagnostic && !names.contains("twonn")) {
            throw InvalidInputException.of("--diagnostic saves the TwoNN diagnostic: add twonn to --estimator (%s)", estimators);
        }
        StderrProgress progress = progressOption.progress();
        IdReport report;
        try {
            report = estimate(x, metric, estimators, budget, settings, policy, options, progress, diagnostic);
        } finally {
            progress.finish();
        }
        if (symmetry != null) {
            report = report.withGroup(symmetry.spec());
        }
        Output.emit(output, render(report, format));
        plot.render(report, ChartKind.ID_COMPARISON);
        return 0;
    }

    private PointCloud load() {
        if (source.input != null) {
            if (n != null) {
                throw InvalidInputException.of("--n applies to --dataset only, not to --input %s", source.input);
            }
            return PointClouds.read(source.input, array);
        }
        if (array != null) {
            throw InvalidInputException.of("--array applies to .npz files given with --input, not to --dataset");
        }
        int count = n == null ? 2500 : n;
        if (count < 3) {
            throw InvalidInputException.of("--n %d: at least 3 points are needed", count);
        }
        return Datasets.generate(source.dataset, count, seed);
    }

    /** The distance of every nearest-neighbour estimator: Euclidean, or the orbit distance of {@code --group}. */
    private static Metric metric(SymmetryGroup g, int dim) {
        if (g == null) {
            return Metric.euclidean();
        }
        g.checkDimension(dim);
        return g.orbitMetric(dim);
    }

    /** Runs the estimators of {@code spec} (a comma-separated list, or {@code all}) on one shared context. */
    static IdReport estimate(PointCloud x, Metric metric, String spec, IdEstimators.Settings settings,
                             DuplicatePolicy policy,
                             IdEstimation.Options options, Progress progress) {
        return estimate(x, metric, spec, IdEstimators.DEFAULT_BUDGET_SECONDS, settings, policy, options, progress, false);
    }

    /**
     * Runs the estimators of {@code spec} on one shared context (one k-NN graph, for the largest k of those that
     * run), with the TwoNN diagnostic when {@code diagnostic}; the report lists what {@code all} left out.
     */
    static IdReport estimate(PointCloud x, Metric metric, String spec, double budgetSeconds, IdEstimators.Settings settings,
                             DuplicatePolicy policy,
                             IdEstimation.Options options, Progress progress, boolean diagnostic) {
        IdContext ctx = IdContext.of(x, IdContext.defaultSearch(metric, x.dim()), policy, progress);
        IdEstimators.Selection selection = IdEstimators.select(spec, settings, ctx, budgetSeconds);
        IdReport report = IdReport.of(ctx, IdEstimation.run(selection.estimators(), ctx, options))
                .withSkipped(selection.skipped());
        if (!diagnostic) {
            return report;
        }
        IdResult twonn = report.estimates().stream().filter(r -> r.estimator().equals("twonn")).findFirst().orElseThrow(
                () -> InvalidInputException.of("--diagnostic saves the TwoNN diagnostic: add twonn to --estimator"));
        Object discard = twonn.params().get("discard_fraction");
        return report.withTwoNnDiagnostic(org.repgap.id.TwoNnDiagnostic.of(ctx,
                discard instanceof Number d ? d.doubleValue() : 0, twonn.dimension()));
    }

    static String render(IdReport report, Output.Format format) {
        return switch (format) {
            case json -> Json.write(report);
            case csv -> csv(report);
            case text -> text(report);
        };
    }


    private static String params(Map<String, Object> p) {
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, Object> e : p.entrySet()) {
            if (sb.length() > 0) {
                sb.append(';');
            }
            sb.append(e.getKey()).append('=').append(e.getValue());
        }
        return sb.toString();
    }

    static String csv(IdReport report) {
        StringBuilder sb = new StringBuilder("estimator,scale,dimension,ci_low,ci_high,ci_level,standard_error,n,excluded,seconds,params\n");
        for (IdResult r : report.estimates()) {
            sb.append(String.join(",", r.estimator(), Csv.text(r.scale()), Csv.number(r.dimension()), Csv.number(r.ciLow()),
                    Csv.number(r.ciHigh()), Csv.number(r.ciLevel()), Csv.number(r.standardError()), Integer.toString(r.n()), Integer.toString(r.excluded()),
                    String.format(Locale.ROOT, "%.3f", r.seconds()), Csv.text(params(r.params())))).append('\n');
        }
        for (IdReport.Skipped s : report.skipped()) {
            // a row without numbers: the scale column says it was skipped, the params column why
            sb.append(String.join(",", s.estimator(), "skipped", "", "", "", "", "", "", "", "", Csv.text(s.reason()))).append('\n');
        }
        return sb.toString();
    }

    static String text(IdReport report) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%s: %d points in R^%d, %d duplicate rows (%s), metric %s%n%n", report.source(),
                report.n(), report.ambientDim(), report.duplicates(), report.duplicatePolicy(), report.metric()));
        boolean ci = report.estimates().stream().anyMatch(r -> r.ciLevel() != null);
        List<String[]> rows = new ArrayList<>();
        String level = ci ? String.format(Locale.ROOT, "%.0f%% interval", 100 * report.estimates().stream()
                .filter(r -> r.ciLevel() != null).findFirst().orElseThrow().ciLevel()) : null;
        rows.add(ci ? new String[] {"estimator", "scale", "dimension", level, "std.error", "points", "seconds"}
                : new String[] {"estimator", "scale", "dimension", "std.error", "points", "seconds"});
        for (IdResult r : report.estimates()) {
            String dim = r.dimension() == null ? "undefined" : String.format(Locale.ROOT, "%.4f", r.dimension());
            String se = r.standardError() == null ? "-" : String.format(Locale.ROOT, "%.4f", r.standardError());
            String pts = r.excluded() > 0 ? r.n() + " (" + r.excluded() + " skipped)" : Integer.toString(r.n());
            String secs = String.format(Locale.ROOT, "%.2f", r.seconds());
            String name = r.estimator().equals("lpca") ? "lpca[" + r.params().get("ver") + "]" : r.estimator();
            if (ci) {
                String interval = r.ciLow() == null ? "-"
                        : String.format(Locale.ROOT, "[%.4f, %.4f]", r.ciLow(), r.ciHigh());
                rows.add(new String[] {name, r.scale(), dim, interval, se, pts, secs});
            } else {
                rows.add(new String[] {name, r.scale(), dim, se, pts, secs});
            }
        }
        int[] width = new int[rows.get(0).length];
        for (String[] row : rows) {
            for (int c = 0; c < row.length; c++) {
                width[c] = Math.max(width[c], row[c].length());
            }
        }
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < row.length; c++) {
                boolean numeric = c >= 2;
                String cell = numeric ? " ".repeat(width[c] - row[c].length()) + row[c]
                        : row[c] + " ".repeat(width[c] - row[c].length());
                line.append(c == 0 ? "" : "  ").append(cell);
            }
            sb.append(line.toString().stripTrailing()).append('\n');
        }
        if (!report.skipped().isEmpty()) {
            sb.append('\n');
            for (IdReport.Skipped s : report.skipped()) {
                sb.append("skipped ").append(s.estimator()).append(": ").append(s.reason()).append('\n');
            }
        }
        return sb.toString();
    }

    /** The registry in a format: {@code --list}. */
    static String renderList(Output.Format format) {
        List<EstimatorDescriptor> all = IdEstimators.descriptors();
        return switch (format) {
            case json -> Json.write(Map.of("schema", LIST_SCHEMA, "estimators", all));
            case csv -> listCsv(all);
            case text -> listText(all);
        };
    }

    /** The schema of {@code --list --format json}. */
    static final String LIST_SCHEMA = "repgap.id-estimators/1";

    private static String yesNo(boolean b) {
        return b ? "yes" : "no";
    }

    private static String listCsv(List<EstimatorDescriptor> all) {
        StringBuilder sb = new StringBuilder("name,method,pointwise,group_metric,analytic_interval,scale_analysis,cost,defaults,"
                + "peer,reference,notes\n");
        for (EstimatorDescriptor d : all) {
            sb.append(String.join(",", d.name(), Csv.text(d.method()), yesNo(d.pointwise()), yesNo(d.groupMetric()),
                    yesNo(d.analyticInterval()), yesNo(d.hasScaleAnalysis()), Csv.text(d.cost().formula()), Csv.text(params(d.defaults())),
                    Csv.text(d.peer()), Csv.text(d.reference()), Csv.text(d.notes()))).append('\n');
        }
        return sb.toString();
    }

    private static String listText(List<EstimatorDescriptor> all) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"estimator", "pointwise", "group metric", "analytic interval", "cost", "defaults"});
        for (EstimatorDescriptor d : all) {
            rows.add(new String[] {d.name(), yesNo(d.pointwise()), yesNo(d.groupMetric()), yesNo(d.analyticInterval()),
                    d.cost().formula(), params(d.defaults()).replace(";", ", ")});
        }
        int[] width = new int[rows.get(0).length];
        for (String[] row : rows) {
            for (int c = 0; c < row.length; c++) {
                width[c] = Math.max(width[c], row[c].length());
            }
        }
        StringBuilder sb = new StringBuilder();
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < row.length; c++) {
                line.append(c == 0 ? "" : "  ").append(row[c]).append(" ".repeat(width[c] - row[c].length()));
            }
            sb.append(line.toString().stripTrailing()).append('\n');
        }
        sb.append('\n');
        for (EstimatorDescriptor d : all) {
            sb.append(d.name()).append(": ").append(d.method()).append(".\n    ").append(d.reference())
                    .append("\n    agrees with ").append(d.peer());
            if (!d.notes().isEmpty()) {
                sb.append("; ").append(d.notes());
            }
            sb.append('\n');
        }
        sb.append("\ncost: how the time of one estimate grows (n points in R^D, k neighbours; the shared k-NN graph apart);"
                + " 'all' leaves out an estimator estimated to exceed --budget\n");
        return sb.toString();
    }
}
