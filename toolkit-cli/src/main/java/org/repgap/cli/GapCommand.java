package org.repgap.cli;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.repgap.io.Csv;
import org.repgap.InvalidInputException;
import org.repgap.data.PointCloud;
import org.repgap.data.PointClouds;
import org.repgap.datasets.Datasets;
import org.repgap.compare.TaskDimensions;
import org.repgap.gap.AsymptoticLaw;
import org.repgap.gap.GapAnalysis;
import org.repgap.gap.RepresentationGapCurve;
import org.repgap.gap.SlopeFit;
import org.repgap.group.Groups;
import org.repgap.group.SymmetryGroup;
import org.repgap.json.Json;
import org.repgap.neighbors.NeighborSearch;
import org.repgap.plots.ChartKind;
import org.repgap.quantization.QuantizationResult;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code repgap gap}: Representation Gap learning curve, slope, implied dimension and asymptotic law. */
@Command(name = "gap",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
                "Measures the Representation Gap RG_n^G = E min_i d_G(x, x_i)^2 on a grid of training-set sizes n "
                        + "(several seeds: mean and spread), fits the log-log slope (implied d = -2/slope) and compares the curve "
                        + "with the asymptotic law RG_n ~ C_d(f) (m n)^(-2/d), C_d from the k-NN Renyi estimator (m = |G| for a "
                        + "finite group; for a continuous group the law lives on the quotient, d = d_task). Definitions: "
                        + "docs/THEORY.md sections 3-5. Progress goes to stderr.",
                "",
                "Example:",
                "  repgap gap --dataset M1_Sphere --n 10000 --sizes 500,1000,2000,5000,10000 --seeds 5 --format json",
                "  repgap gap --dataset sphere:2 --n 4000 --plot gap.pdf    # curve (mean +- sd), law (dashed), fit with band",
                ""},
        footer = {"", "Exit codes: 0 success, 2 bad option or input (one line on stderr), 1 internal error."})
public final class GapCommand implements Callable<Integer> {

    static final class Source {
        @Option(names = "--input", paramLabel = "FILE", description = "Point cloud file (.csv, .tsv, .txt, .npy, .npz).")
        Path input;

        @Option(names = "--dataset", paramLabel = "NAME", description = "Generated data set (see 'repgap datasets').")
        String dataset;
    }

    static final class Evaluation {
        @Option(names = "--test-fraction", paramLabel = "F",
                description = "Hold out this fraction of the points as test set (unbiased RG_n).")
        Double testFraction;

        @Option(names = "--loo", description = "Leave-one-out on each training subsample (estimates RG_(n-1); the default).")
        boolean loo;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

    @Option(names = "--array", paramLabel = "NAME", description = "Member of an .npz file.")
    String array;

    @Option(names = "--n", paramLabel = "N", defaultValue = "10000", description = "Points generated for --dataset (default: ${DEFAULT-VALUE}).")
    int n;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "0",
            description = "Seed of the data set, the subsamples and the bootstrap (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--group", paramLabel = "SPEC", defaultValue = "none",
            description = "Symmetry group: none, sign, signs, cyclic, dihedral, perm:m, translation:k, so2, so3, products (default: ${DEFAULT-VALUE}).")
    String group;

    @Option(names = "--sizes", paramLabel = "N", split = ",",
            description = "Training-set sizes, increasing (default: 6 sizes, geometric, from N/32 to all available points).")
    int[] sizes;

    @Option(names = "--seeds", paramLabel = "S", defaultValue = "3", description = "Repetitions per size (default: ${DEFAULT-VALUE}).")
    int seeds;

    @ArgGroup(exclusive = true, multiplicity = "0..1")
    Evaluation evaluation;

    @Option(names = "--subsampling", paramLabel = "nested|independent", defaultValue = "nested",
            description = "Nested subsamples (one shuffle per seed) or a fresh subsample per size (default: ${DEFAULT-VALUE}).")
    String subsampling;

    @Option(names = "--estimator", paramLabel = "NAME",
            description = "Estimator of d_task for the law: quantization, an estimator of 'repgap id --list' that runs on a "
                    + "group metric (on the orbit distance), or curve (the curve's own slope) (default: curve unless --d).")
    String estimator;

    @Option(names = "--d", paramLabel = "D", description = "Dimension of the law (d_task: modulo the group); overrides --estimator.")
    Double d;

    @Option(names = "--renyi-k", paramLabel = "K", defaultValue = "5",
            description = "Neighbour rank of the k-NN Renyi estimate of the constant C_d (default: ${DEFAULT-VALUE}).")
    int renyiK;

    @Option(names = "--fit-interval", paramLabel = "auto|ols|bootstrap", defaultValue = "auto",
            description = "Slope interval: OLS t-interval, bootstrap over seeds, or auto (bootstrap from 5 seeds) (default: ${DEFAULT-VALUE}).")
    String fitInterval;

    @Option(names = "--bootstrap", paramLabel = "B", defaultValue = "1000", description = "Bootstrap replicates (default: ${DEFAULT-VALUE}).")
    int bootstrap;

    @Option(names = "--level", paramLabel = "L", defaultValue = "0.95", description = "Confidence level (default: ${DEFAULT-VALUE}).")
    double level;

    @Option(names = "--format", paramLabel = "FMT", defaultValue = "text", description = "text, json or csv (default: ${DEFAULT-VALUE}).")
    Output.Format format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the result to FILE (atomically) instead of stdout.")
    Path output;

    /** {@code --plot FILE}: the learning curve (mean and sd per size), the law and the fitted slope with its band. */
    @Mixin
    PlotOption plot;

    /** {@code -q/--quiet}: no progress on stderr. */
    @Mixin
    ProgressOption progressOption;

    @Override
    public Integer call() {
        Output.checkOutputs(source.input, output, plot.file());
        PointCloud data = load();
        Repgap.hashInBackground(data);
        StderrProgress progress = progressOption.progress();
        GapAnalysis.Result result;
        try {
            result = analyse(data, progress);
        } finally {
            progress.finish();
        }
        Output.emit(output, render(result));
        plot.render(result, ChartKind.LEARNING_CURVE);
        return 0;
    }

    private PointCloud load() {
        if (source.input != null) {
            return PointClouds.read(source.input, array);
        }
        if (n < 2) {
            throw InvalidInputException.of("--n %d: need at least 2 points", n);
        }
        return Datasets.generate(source.dataset, n, seed);
    }

    /** Runs the analysis on loaded data with the parsed options (the testable core of the command). */
    GapAnalysis.Result analyse(PointCloud data, org.repgap.progress.Progress progress) {
        SymmetryGroup g = Groups.parse(group);
        boolean testSet = evaluation != null && evaluation.testFraction != null;
        double fraction = testSet ? evaluation.testFraction : 0.2;
        int[] grid = sizes;
        if (grid == null) {
            int pool = testSet ? data.n() - (int) Math.round(fraction * data.n()) : data.n();
            if (pool < 2) {
                throw InvalidInputException.of("%s: %d points leave %d for training; need at least 2", data.source(), data.n(), pool);
            }
            grid = RepresentationGapCurve.Options.geometricSizes(Math.max(2, Math.min(pool, pool / 32)), pool, 6);
        }
        RepresentationGapCurve.Subsampling sub = switch (subsampling.toLowerCase(Locale.ROOT)) {
            case "nested" -> RepresentationGapCurve.Subsampling.NESTED;
            case "independent" -> RepresentationGapCurve.Subsampling.INDEPENDENT;
            default -> throw InvalidInputException.of("--subsampling %s: expected nested or independent", subsampling);
        };
        SlopeFit.Method method = switch (fitInterval.toLowerCase(Locale.ROOT)) {
            case "auto" -> SlopeFit.Method.AUTO;
            case "ols" -> SlopeFit.Method.OLS;
            case "bootstrap" -> SlopeFit.Method.BOOTSTRAP;
            default -> throw InvalidInputException.of("--fit-interval %s: expected auto, ols or bootstrap", fitInterval);
        };
        RepresentationGapCurve.Options curve = new RepresentationGapCurve.Options(grid, seeds, seed,
                testSet ? RepresentationGapCurve.Evaluation.TEST_SET : RepresentationGapCurve.Evaluation.LEAVE_ONE_OUT, fraction, sub);
        GapAnalysis.DimensionEstimator est = null;
        String estName = null;
        java.util.concurrent.atomic.AtomicReference<QuantizationResult> kept = new java.util.concurrent.atomic.AtomicReference<>();
        if (d == null && estimator != null) {
            est = TaskDimensions.of(estimator, seed, kept::set); // null for 'curve'
            estName = estimator.trim().toLowerCase(Locale.ROOT);
        }
        GapAnalysis.Options options = new GapAnalysis.Options(curve, new SlopeFit.Options(method, level, bootstrap, seed), d, estName,
                renyiK, null);
        GapAnalysis.Result r = GapAnalysis.run(data, g, metric -> NeighborSearch.auto(metric, data.dim()), options, est, progress);
        return kept.get() == null ? r : r.withQuantization(kept.get());
    }

    String render(GapAnalysis.Result r) {
        return switch (format) {
            case json -> Json.write(r);
            case csv -> csv(r);
            case text -> text(r);
        };
    }

    private static String csv(GapAnalysis.Result r) {
        // one tidy table: the curve per row, the fit and the law (one value each) repeated on every row
        StringBuilder sb = new StringBuilder("n,gap_size,rg_mean,rg_sd,seeds,predicted,ratio,slope,slope_ci_low,slope_ci_high,"
                + "dimension,dimension_ci_low,dimension_ci_high,ci_level,law_constant,law_exponent,law_dimension,law_sample_multiplier\n");
        SlopeFit f = r.fit();
        AsymptoticLaw l = r.law();
        String tail = String.join(",", Csv.number(f.slope()), Csv.number(f.slopeCiLow()), Csv.number(f.slopeCiHigh()),
                Csv.number(f.dimension()), Csv.number(f.dimensionCiLow()), Csv.number(f.dimensionCiHigh()), Csv.number(f.ciLevel()),
                Csv.number(l.constant()), Csv.number(l.exponent()), Csv.number(l.dimension()), Csv.number(l.sampleMultiplier()));
        for (int j = 0; j < r.curve().size(); j++) {
            RepresentationGapCurve.CurvePoint p = r.curve().get(j);
            AsymptoticLaw.Check c = r.comparison().get(j);
            sb.append(String.join(",", Integer.toString(p.n()), Integer.toString(p.gapSize()), Csv.number(p.rgMean()),
                    Csv.number(p.rgSd()), Integer.toString(p.seeds()), Csv.number(c.predicted()), Csv.number(c.ratio()), tail)).append('\n');
        }
        return sb.toString();
    }

    private static String text(GapAnalysis.Result r) {
        StringBuilder sb = new StringBuilder();
        GapAnalysis.GroupInfo g = r.group();
        sb.append(String.format(Locale.ROOT, "Representation Gap of %d points, group %s (%s), metric %s, %s%n", r.dataPoints(), g.spec(),
                g.finite() ? "order " + g.order() : "Lie dimension " + g.lieDimension(), g.orbitMetric(),
                r.testPoints() > 0 ? r.testPoints() + " test points" : "leave-one-out"));
        sb.append(String.format(Locale.ROOT, "%8s %12s %12s %6s %12s %8s%n", "n", "RG mean", "RG sd", "seeds", "predicted", "ratio"));
        for (int j = 0; j < r.curve().size(); j++) {
            RepresentationGapCurve.CurvePoint p = r.curve().get(j);
            AsymptoticLaw.Check c = r.comparison().get(j);
            sb.append(String.format(Locale.ROOT, "%8d %12.5g %12s %6d %12.5g %8.4f%n", p.n(), p.rgMean(),
                    p.rgSd() == null ? "-" : String.format(Locale.ROOT, "%.3g", p.rgSd()), p.seeds(), c.predicted(), c.ratio()));
        }
        SlopeFit f = r.fit();
        sb.append(String.format(Locale.ROOT, "slope %.4f, %.0f%% interval [%s, %s] (%s); implied d = %s [%s, %s]%n", f.slope(),
                100 * f.ciLevel(), fmt(f.slopeCiLow()), fmt(f.slopeCiHigh()), f.method(), fmt(f.dimension()), fmt(f.dimensionCiLow()), fmt(f.dimensionCiHigh())));
        AsymptoticLaw l = r.law();
        String base = l.sampleMultiplier() == 1 ? "n" : String.format(Locale.ROOT, "(%.0f n)", l.sampleMultiplier());
        sb.append(String.format(Locale.ROOT, "law: RG_n = %.5g %s^(-%.4f), d = %.4g from %s, constant by %d-NN Renyi estimate (%s route)%n",
                l.constant(), base, l.exponent(), l.dimension(), l.dimensionSource(), l.renyiK(), l.route()));
        return sb.toString();
    }

    private static String fmt(Double v) {
        return v == null ? "-" : String.format(Locale.ROOT, "%.4g", v);
    }
}
