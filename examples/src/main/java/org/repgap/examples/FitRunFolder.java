package org.repgap.examples;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.repgap.fit.FitAnalysis;
import org.repgap.fit.FitReport;
import org.repgap.fit.Laws;
import org.repgap.plots.Figures;
import org.repgap.progress.Progress;
import org.repgap.provenance.Provenance;
import org.repgap.runs.CurveExtraction;
import org.repgap.runs.ReadOptions;
import org.repgap.runs.Reduce;
import org.repgap.runs.RunFormat;
import org.repgap.runs.RunInputs;
import org.repgap.runs.Table;

/**
 * Scaling laws fitted to a saved run folder and plotted: the training curves of PyTorch Lightning's
 * {@code CSVLogger} ({@code lightning_logs/version_*}/{@code metrics.csv} and {@code hparams.yaml}),
 * read by the same readers as {@code repgap fit}. Each run's validation loss against the optimiser step
 * gets the law {@code L = E + A step^(-alpha)} ({@code power+offset}; a saturating power law as in
 * Hestness et al. 2017, arXiv:1712.00409), fitted by least squares on {@code log L}, with 95% percentile
 * bootstrap intervals (the curve's points resampled: one value per step), and the figure (one panel per
 * run: the points, the law and its bootstrap band) is written as PDF and PNG.
 *
 * <p>Without arguments it reads two bundled runs of a hyperparameter sweep of a 12-layer transformer
 * language model (20 epochs, 287 steps each; {@code runs/README.md}: repository, commit, licence note); pass another
 * {@code lightning_logs} folder whose runs log {@code val_loss}, and an output directory (a TensorBoard,
 * MLflow or W&amp;B folder is read the same way, the format detected; change {@code y} to its metric's name). The same as
 * {@code repgap fit --input lightning_logs --x step --y val_loss --group-by run --law power+offset
 * --bootstrap 200 --plot fit.pdf}.
 *
 * <pre>java -cp 'examples/target/classes:toolkit-cli/target/lib/*' org.repgap.examples.FitRunFolder [RUN_FOLDER [OUT_DIR]]</pre>
 */
public final class FitRunFolder {
    private FitRunFolder() {
    }

    /** The bundled runs, below {@code org/repgap/examples/runs/}. */
    static final List<String> BUNDLED = List.of("version_20/hparams.yaml", "version_20/metrics.csv", "version_23/hparams.yaml",
            "version_23/metrics.csv");

    public static void main(String[] args) {
        Path runs = args.length > 0 ? Path.of(args[0]) : Resources.copyTree("runs/lightning_logs", BUNDLED);
        Path out = args.length > 1 ? Path.of(args[1]) : tempDir();
        String x = "step";
        String y = "val_loss";
        // --x step: one row per logged step; several runs log val_loss, so each run is its own group
        RunInputs.Selection selection = new RunInputs.Selection(List.of(x), y, Reduce.last(), List.of("run"));
        Table table = RunInputs.read(runs, RunFormat.AUTO, selection, ReadOptions.strict());
        CurveExtraction.Spec spec = new CurveExtraction.Spec(List.of(x), y, List.of(), null, List.of("run"), 0);
        List<FitReport.Input> curves = CurveExtraction.curves(table, spec, System.err::println).stream()
                .map(c -> new FitReport.Input(c.group(), c.curve())).toList();

        FitAnalysis.Options options = FitAnalysis.Options.defaults().withBootstrap(200, 0);
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("input", runs.toString());
        settings.put("x", x);
        settings.put("y", y);
        settings.put("law", "power+offset");
        settings.put("bootstrap", options.bootstrap());
        FitReport report = FitReport.run(List.of(Laws.powerWithOffset()), curves, options,
                new FitReport.Settings(x, y, null, 1, true), Provenance.of("FitRunFolder example", settings, null, options.seed()),
                System.err::println, Progress.NONE);

        Map<List<String>, Table> byRun = table.groupBy(List.of("run"));
        for (FitReport.LawFit fit : report.fits()) {
            String run = fit.group().get("run");
            Table rows = byRun.get(List.of(run));
            System.out.printf(Locale.ROOT, "%s (lr %s, dropout %s): %d points of %s against %s, %s with n = %s%n", run,
                    param(rows, "lr"), param(rows, "dropout"), fit.points(), y, x, fit.formula(), x);
            for (FitReport.Estimate p : fit.parameters()) {
                System.out.printf(Locale.ROOT, "  %-5s = %.5g  95%% interval [%.4g, %.4g]%n", p.name(), p.value(), p.ciLow(), p.ciHigh());
            }
        }
        try {
            Files.createDirectories(out);
            for (String ext : List.of("pdf", "png")) {
                Path file = out.resolve("fit." + ext);
                Figures.render(Figures.of(report), file);
                System.out.println("wrote " + file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the figure to " + out + ": " + e.getMessage(), e);
        }
    }

    /** A hyperparameter of a run from its {@code hparams.yaml} (a column of the step table), to 3 digits. */
    private static String param(Table run, String name) {
        if (!run.has(name) || Double.isNaN(run.number(0, name))) {
            return "-";
        }
        return String.format(Locale.ROOT, "%.3g", run.number(0, name));
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("repgap-fit-run-folder");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
