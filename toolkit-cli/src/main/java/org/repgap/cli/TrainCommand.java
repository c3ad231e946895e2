package org.repgap.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.repgap.data.PointCloud;
import org.repgap.data.PointClouds;
import org.repgap.datasets.Datasets;
import org.repgap.diffusion.AceDenoiser;
import org.repgap.diffusion.Equivariance;
import org.repgap.diffusion.RunMetrics;
import org.repgap.diffusion.Trainer;
import org.repgap.diffusion.TrainingBudget;
import org.repgap.InvalidInputException;
import org.repgap.diffusion.sweep.DataSource;
import org.repgap.diffusion.sweep.Sweep;
import org.repgap.diffusion.tasks.Tasks;
import org.repgap.group.SymmetryGroup;
import org.repgap.plots.ChartKind;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code repgap train}: a sweep of diffusion training runs saved to a resumable run directory. */
@Command(name = "train",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
                "Trains EDM diffusion denoisers (MLP, float32 with OpenBLAS) for every",
                "combination of symmetry mechanism, training-set size and seed, and measures",
                "each run: DSM losses and the generalisation gap on a sigma grid beside the",
                "ideal denoiser's, the sample Representation Gap from m >= 4n Heun samples,",
                "the ideal RG_n^G, the effective size n_eff, the memorisation fraction and",
                "the equivariance error.",
                "",
                "Writes DIR/runs.csv, DIR/sigmas.csv, DIR/config.json and",
                "DIR/runs/RUN_ID/{history.csv,checkpoint.bin,result.json}. Re-running the",
                "same command resumes: finished runs are skipped, interrupted ones restart.",
                "",
                "Tasks (--dataset): rotated-clouds[:m[:k]] (so2, perm:m),",
                "shifted-signals[:D[:k]] (cyclic), sign-vectors[:D[:k]] (signs); any other",
                "name goes to the datasets module.",
                "",
                "Example:",
                "  repgap train --dataset sign-vectors:4:2 --group signs \\",
                "      --equivariance none,canonical --sizes 16,32,64,128 --seeds 2 \\",
                "      --steps 4000 --out runs/signs",
                "  repgap fit --input runs/signs/runs.csv --x n --y sample_rg \\",
                "      --group-by equivariance",
                "",
                "--plot FILE draws the generalisation gap GG(sigma) = test - train DSM loss",
                "against the noise level, one curve per run, the ideal denoiser's gap",
                "dashed: where memorisation starts and how much a symmetry delays it (the",
                "most informative single figure of a sweep; loss curves per run: 'repgap",
                "plot --input DIR/runs/RUN_ID/history.csv').",
                ""})
public final class TrainCommand implements Callable<Integer> {

    static final class Source {
        @Option(names = "--dataset", paramLabel = "NAME", description = "A task spec (see above) or a data set name.")
        String dataset;

        @Option(names = "--input", paramLabel = "FILE", description = "Points from a file (.csv, .tsv, .txt, .npy, .npz).")
        Path input;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

    @Option(names = "--array", paramLabel = "NAME", description = "Member of an .npz input.")
    String array;

    @Option(names = "--dataset-size", paramLabel = "N", description = "Points drawn from a named data set (default: test size + 5 x largest size).")
    Integer datasetSize;

    @Option(names = "--group", paramLabel = "SPEC", defaultValue = "none", description = "Symmetry group of the task (default: ${DEFAULT-VALUE}).")
    String group;

    @Option(names = "--equivariance", paramLabel = "LIST", split = ",", defaultValue = "none",
            description = "Mechanisms: none, canonical, average, layers (equivariant layers for sign/signs, perm:m: DeepSets,"
                    + " cyclic: circular convolutions), ace (default: ${DEFAULT-VALUE}).")
    List<String> equivariance;

    @Option(names = "--sizes", paramLabel = "LIST", split = ",", defaultValue = "64,128,256",
            description = "Training-set sizes n (default: ${DEFAULT-VALUE}).")
    List<Integer> sizes;

    @Option(names = "--seeds", paramLabel = "S", defaultValue = "1", description = "Seeds per combination, 0..S-1 (default: ${DEFAULT-VALUE}).")
    int seeds;

    @Option(names = "--budget", paramLabel = "RULE",
            description = "Optimiser steps per run: per-point:K[:MIN[:MAX]] gives a run of n points clamp(K n, MIN, MAX) steps"
                    + " (memorisation takes a time proportional to n), fixed:S gives every run S (default: per-point:2000:4000:64000;"
                    + " see docs/trainer.md).")
    String budget;

    @Option(names = "--steps", paramLabel = "N", description = "Every run gets N steps: the same as --budget fixed:N.")
    Integer steps;

    @Option(names = "--width", paramLabel = "W", defaultValue = "128", description = "Hidden width (default: ${DEFAULT-VALUE}).")
    int width;

    @Option(names = "--depth", paramLabel = "L", defaultValue = "3", description = "Hidden layers (default: ${DEFAULT-VALUE}).")
    int depth;

    @Option(names = "--batch", paramLabel = "B", defaultValue = "256", description = "Minibatch size (default: ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--lr", paramLabel = "RATE", defaultValue = "3e-3", description = "Peak Adam learning rate, 2%% linear warm-up, cosine decay (default: ${DEFAULT-VALUE}).")
    double lr;

    @Option(names = "--ema", paramLabel = "DECAY", defaultValue = "0.999", description = "EMA decay of the weights per step (default: ${DEFAULT-VALUE}).")
    double ema;

    @Option(names = "--p-mean", paramLabel = "MU", defaultValue = "" + Trainer.DEFAULT_P_MEAN, description = "Training noise levels: ln sigma ~ N(MU, S^2)"
            + " (default: ${DEFAULT-VALUE}; EDM's P_mean is -1.2); lower values train more at small sigma, where memorisation is decided (docs/trainer.md).")
    double pMean;

    @Option(names = "--p-std", paramLabel = "S", defaultValue = "1.2", description = "Spread of ln sigma of the training noise, EDM's P_std (default: ${DEFAULT-VALUE}).")
    double pStd;

    @Option(names = "--ace-resilient", description = "With --equivariance ace: add a slack u_l with quadratic cost per layer so each gamma_l settles where the data want it"
            + " (history.csv logs gamma_l, dual_l and slack_l per layer).")
    boolean aceResilient;

    @Option(names = "--sigma-data", paramLabel = "S", description = "EDM sigma_data (default: RMS per coordinate of each training set).")
    Double sigmaData;

    @Option(names = "--test-size", paramLabel = "N", defaultValue = "512", description = "Test points per run (default: ${DEFAULT-VALUE}).")
    int testSize;

    @Option(names = "--sample-factor", paramLabel = "F", defaultValue = "4", description = "Generated samples per training point, m = F n (default: ${DEFAULT-VALUE}).")
    int sampleFactor;

    @Option(names = "--threads", paramLabel = "T", description = "Worker threads; runs go in parallel when T > 1 (default: all cores).")
    Integer threads;

    @Option(names = "--out", paramLabel = "DIR", required = true, description = "Run directory (created; resumed if it exists).")
    Path out;

    /** {@code --plot FILE}: the generalisation gap against sigma per run, from DIR/sigmas.csv. */
    @Mixin
    PlotOption plot;

    /** {@code -q/--quiet}: no progress on stderr. */
    @Mixin
    ProgressOption progressOption;

    @Override
    public Integer call() {
        Output.checkRunDirectory(source.input, "--out", out, plot.file());
        SymmetryGroup g = SymmetryGroup.parse(group);
        List<Equivariance> mechs = new ArrayList<>();
        for (String e : equivariance) {
            mechs.add(Equivariance.parse(e));
        }
        int[] n = sizes.stream().mapToInt(Integer::intValue).toArray();
        int maxN = sizes.stream().mapToInt(Integer::intValue).max().orElse(0);
        DataSource data;
        if (source.input != null) {
            data = DataSource.of(PointClouds.read(source.input, array));
        } else if (Tasks.isTask(source.dataset)) {
            data = DataSource.of(Tasks.parse(source.dataset));
        } else {
            int count = datasetSize != null ? datasetSize : recordedDataPoints(out).orElse(testSize + 5 * maxN);
            PointCloud pts = Datasets.generate(source.dataset, count, 0);
            data = DataSource.of(pts);
        }
        if (steps != null && budget != null) {
            throw InvalidInputException.of("--steps %d and --budget %s: give one of them (--steps N is --budget fixed:N)", steps, budget);
        }
        TrainingBudget rule = steps != null ? TrainingBudget.fixed(steps)
                : budget != null ? TrainingBudget.parse(budget) : TrainingBudget.DEFAULT;
        Trainer.Options to = Trainer.Options.defaults(rule.min(), 0).withModel(width, depth, batch)
                .withLr(lr, Math.max(0, rule.min() / 50), true).withEma(ema).withNoiseLaw(pMean, pStd)
                .withSigmaData(sigmaData == null ? Double.NaN : sigmaData)
                .withAce(AceDenoiser.Options.defaults().withResilient(aceResilient));
        RunMetrics.Options mo = RunMetrics.Options.defaults(0).withSampleFactor(sampleFactor, 256);
        int t = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        Sweep.Spec spec = new Sweep.Spec(data, g, mechs, n, seeds, to, rule, mo, testSize, 4, t, out);
        StderrProgress progress = progressOption.progress();
        Sweep.Summary s;
        try {
            s = Sweep.run(spec, progress);
        } finally {
            progress.finish();
        }
        String msg = String.format(Locale.ROOT, "%d runs (%d trained, %d already done): %s%n", s.total(), s.trained(), s.skipped(),
                s.runsCsv());
        System.out.print(msg);
        System.out.println();
        System.out.flush();
        SweepReport.emit(out, 0.5, Output.Format.text, null, null);
        plot.renderFile(out.resolve("sigmas.csv"), ChartKind.SIGMA_GAP);
        return 0;
    }

    /**
     * The size of the named data set that a sweep in {@code dir} was drawn with, so that resuming it (even with
     * more sizes) draws the same points; empty for a new directory.
     */
    private static java.util.OptionalInt recordedDataPoints(Path dir) {
        Path config = dir.resolve("config.json");
        if (!java.nio.file.Files.isRegularFile(config)) {
            return java.util.OptionalInt.empty();
        }
        try {
            com.fasterxml.jackson.databind.JsonNode points = org.repgap.json.Json.mapper().readTree(config.toFile())
                    .path("fixed").path("data_points");
            return points.isInt() ? java.util.OptionalInt.of(points.asInt()) : java.util.OptionalInt.empty();
        } catch (java.io.IOException e) {
            throw InvalidInputException.of("%s: not a readable sweep configuration (%s)", config, e.getMessage());
        }
    }
}
