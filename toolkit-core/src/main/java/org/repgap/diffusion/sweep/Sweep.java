package org.repgap.diffusion.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.repgap.InvalidInputException;
import org.repgap.blas.OpenBlas;
import org.repgap.diffusion.Checkpoint;
import org.repgap.diffusion.Equivariance;
import org.repgap.diffusion.RunMetrics;
import org.repgap.diffusion.Trainer;
import org.repgap.diffusion.TrainingBudget;
import org.repgap.diffusion.TrainingDivergedException;
import org.repgap.group.SymmetryGroup;
import org.repgap.io.AtomicFiles;
import org.repgap.json.Json;
import org.repgap.progress.Progress;

/**
 * A sweep of training runs over every combination of mechanism, training-set size and seed, saved
 * in a run directory:
 * <pre>
 * DIR/config.json                 the fixed settings (a rerun with other settings is refused)
 * DIR/runs.csv                    one row per finished run
 * DIR/sigmas.csv                  one row per finished run and noise level
 * DIR/runs/RUN_ID/history.csv     loss and learning rate per logging step
 * DIR/runs/RUN_ID/checkpoint.bin  EMA and last weights
 * DIR/runs/RUN_ID/result.json     the run's metrics; written last, it marks the run finished
 * </pre>
 * Rerunning the same command resumes: finished runs are skipped, a run directory without
 * {@code result.json} (interrupted) is emptied and the run restarts. Every file is written atomically
 * and the CSV files are rebuilt from all {@code result.json} files after each run, so no reader ever
 * sees a half-written CSV. Runs execute in parallel when {@code threads} exceeds 1; each run gets
 * {@code threads / parallel runs} data-parallel training workers, OpenBLAS one thread per caller.
 */
public final class Sweep {

    /** The CSV header of {@code runs.csv}. */
    public static final String RUNS_HEADER = "run_id,n,seed,group,equivariance,steps,final_loss,sample_rg,ideal_rg,n_eff,"
            + "sample_rg_plain,ideal_rg_plain,n_eff_plain,memorization,equivariance_error,seconds";
    /** The CSV header of {@code sigmas.csv}: {@code ideal_gap} is the ideal equivariant denoiser's, {@code ideal_plain_gap} the plain one's. */
    public static final String SIGMAS_HEADER = "run_id,sigma,train_loss,test_loss,gap,ideal_gap,ideal_plain_gap";

    /**
     * @param source     the data
     * @param group      the task's symmetry group (used by the mechanisms and every metric)
     * @param mechanisms the mechanisms to compare
     * @param sizes      training-set sizes
     * @param seeds      number of seeds per combination (seeds 0 .. seeds-1)
     * @param trainer    training settings (the seed and the step count are replaced per run)
     * @param budget     the step count of each run as a function of its size
     * @param metrics    metric settings (the seed is replaced per run)
     * @param testSize   test points per run
     * @param reserveFactor reserve points per training point for the ideal curve ({@code n_eff})
     * @param threads    worker threads in all
     * @param out        the run directory
     */
    public record Spec(DataSource source, SymmetryGroup group, List<Equivariance> mechanisms, int[] sizes, int seeds,
            Trainer.Options trainer, TrainingBudget budget, RunMetrics.Options metrics, int testSize, int reserveFactor, int threads,
            Path out) {
        public Spec {
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(budget, "budget");
            Objects.requireNonNull(group, "group");
            Objects.requireNonNull(out, "out");
            mechanisms = List.copyOf(mechanisms);
            sizes = sizes.clone();
            if (mechanisms.isEmpty() || sizes.length == 0) {
                throw InvalidInputException.of("sweep: need at least one --equivariance and one --sizes value");
            }
            for (int n : sizes) {
                if (n < 2) {
                    throw InvalidInputException.of("--sizes %d: training sets need at least 2 points", n);
                }
            }
            if (seeds < 1 || testSize < 1 || reserveFactor < 0 || threads < 1) {
                throw InvalidInputException.of("sweep: need --seeds >= 1 (got %d), --test-size >= 1 (got %d), reserve factor >= 0 (got %d),"
                        + " --threads >= 1 (got %d)", seeds, testSize, reserveFactor, threads);
            }
            group.checkDimension(source.dim());
            // fail before any run starts if a mechanism does not apply to the group (e.g. layers for so2)
            org.repgap.data.PointCloud probe = org.repgap.data.PointCloud.wrap(1, source.dim(), new double[source.dim()], "probe");
            for (Equivariance e : mechanisms) {
                Trainer.initialModel(probe, group, trainer.withEquivariance(e).withSigmaData(1));
            }
        }

        @Override
        public int[] sizes() {
            return sizes.clone();
        }
    }

    /** One run of the sweep. */
    public record RunKey(Equivariance mechanism, int n, int seed) {
        /** {@code MECHANISM-nN-sSEED}, e.g. {@code canonical-n64-s0}. */
        public String id() {
            return String.format(Locale.ROOT, "%s-n%d-s%d", mechanism.label(), n, seed);
        }
    }

    /** What a sweep did. */
    public record Summary(int total, int skipped, int trained, Path runsCsv) {
    }

    private Sweep() {
    }

    /** Every run of the spec, in file order (mechanism, then size, then seed). */
    public static List<RunKey> runs(Spec spec) {
        List<RunKey> keys = new ArrayList<>();
        for (Equivariance e : spec.mechanisms()) {
            for (int n : spec.sizes()) {
                for (int s = 0; s < spec.seeds(); s++) {
                    keys.add(new RunKey(e, n, s));
                }
            }
        }
        return keys;
    }

    /** The settings that must match for a run directory to be resumed. */
    static Map<String, Object> fixedConfig(Spec spec) {
        Trainer.Options t = spec.trainer();
        RunMetrics.Options m = spec.metrics();
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("data", spec.source().label());
        c.put("dim", spec.source().dim());
        spec.source().identity().forEach(c::put);
        c.put("group", spec.group().spec());
        if (spec.budget().isFixed()) {
            // the keys of sweeps made before budgets existed, so that they resume
            c.put("steps", spec.budget().steps(1));
            c.put("warmup_steps", t.withSteps(spec.budget().steps(1)).warmupSteps());
        } else {
            c.put("budget", spec.budget().spec());
        }
        c.put("batch", t.batch());
        c.put("width", t.width());
        c.put("depth", t.depth());
        c.put("fourier_features", t.fourierFeatures());
        c.put("sigma_data", Double.isNaN(t.sigmaData()) ? "rms" : t.sigmaData());
        c.put("lr", t.lr());
        c.put("cosine", t.cosine());
        c.put("ema_decay", t.emaDecay());
        c.put("p_mean", t.pMean());
        c.put("p_std", t.pStd());
        Map<String, Object> ace = new LinkedHashMap<>();
        ace.put("gamma_rate", t.ace().gammaRate());
        ace.put("dual_rate", t.ace().dualRate());
        ace.put("penalty", t.ace().penalty());
        ace.put("resilient", t.ace().resilient());
        ace.put("slack_cost", t.ace().slackCost());
        ace.put("tolerance", t.ace().tolerance());
        c.put("ace", ace);
        c.put("test_size", spec.testSize());
        c.put("reserve_factor", spec.reserveFactor());
        c.put("sigma_factors", m.sigmaFactors());
        c.put("noise_draws", m.noiseDraws());
        c.put("sample_factor", m.sampleFactor());
        c.put("min_samples", m.minSamples());
        c.put("sampler_steps", m.sampler().steps());
        return c;
    }

    /**
     * Runs (or resumes) the sweep.
     *
     * @throws InvalidInputException if {@code out} holds a sweep with different fixed settings
     */
    public static Summary run(Spec spec, Progress progress) {
        try {
            return runChecked(spec, progress);
        } catch (IOException e) {
            throw new UncheckedIOException("sweep in " + spec.out() + ": " + e.getMessage(), e);
        }
    }

    private static Summary runChecked(Spec spec, Progress progress) throws IOException {
        Path out = spec.out();
        Files.createDirectories(out.resolve("runs"));
        Map<String, Object> fixed = fixedConfig(spec);
        Path configFile = out.resolve("config.json");
        String fixedJson = Json.write(fixed);
        if (Files.exists(configFile)) {
            JsonNode old = Json.mapper().readTree(Files.readString(configFile)).get("fixed");
            if (old instanceof com.fasterxml.jackson.databind.node.ObjectNode o && !o.has("p_mean")) {
                // sweeps written before the noise law was an option used EDM's
                o.put("p_mean", org.repgap.diffusion.EdmPreconditioning.P_MEAN);
                o.put("p_std", org.repgap.diffusion.EdmPreconditioning.P_STD);
            }
            JsonNode now = Json.mapper().readTree(fixedJson);
            if (old == null || !old.equals(now)) {
                throw InvalidInputException.of("%s holds a sweep with other settings (%s); use another --out or the same settings",
                        configFile, old == null ? "none" : diff(old, now));
            }
        }
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("fixed", fixed);
        config.put("mechanisms", spec.mechanisms().stream().map(Equivariance::label).toList());
        config.put("sizes", spec.sizes());
        config.put("seeds", spec.seeds());
        config.put("toolkit", org.repgap.Version.toolkit());
        AtomicFiles.writeString(configFile, Json.write(config));
        writeDimensions(spec);

        List<RunKey> all = runs(spec);
        List<RunKey> pending = new ArrayList<>();
        for (RunKey k : all) {
            Path dir = out.resolve("runs").resolve(k.id());
            if (Files.exists(dir.resolve("result.json"))) {
                continue;
            }
            emptyRunDirectory(dir);
            pending.add(k);
        }
        int skipped = all.size() - pending.size();
        AtomicInteger done = new AtomicInteger(skipped);
        Map<String, String> diverged = java.util.Collections.synchronizedMap(new java.util.TreeMap<>());
        progress.update("sweep runs", skipped, all.size());
        if (!pending.isEmpty()) {
            int parallel = Math.min(spec.threads(), pending.size());
            int workers = Math.max(1, spec.threads() / parallel);
            OpenBlas.setThreads(1);
            ExecutorService pool = Executors.newFixedThreadPool(parallel, r -> {
                Thread t = new Thread(r, "repgap-train");
                t.setDaemon(true);
                return t;
            });
            try {
                List<Future<?>> futures = new ArrayList<>();
                for (RunKey k : pending) {
                    futures.add(pool.submit(() -> {
                        try {
                            runOne(spec, k, workers);
                        } catch (TrainingDivergedException e) {
                            emptyRunDirectory(out.resolve("runs").resolve(k.id()));
                            diverged.put(k.id(), e.getMessage());
                            progress.update("sweep runs", done.incrementAndGet(), all.size());
                            return null;
                        }
                        synchronized (Sweep.class) {
                            writeTables(out);
                        }
                        progress.update("sweep runs", done.incrementAndGet(), all.size());
                        return null;
                    }));
                }
                for (Future<?> f : futures) {
                    f.get();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("sweep interrupted", e);
            } catch (ExecutionException e) {
                Throwable c = e.getCause();
                if (c instanceof RuntimeException re) {
                    throw re;
                }
                throw new IllegalStateException(c);
            } finally {
                pool.shutdownNow();
            }
        }
        writeTables(out);
        if (!diverged.isEmpty()) {
            Map.Entry<String, String> first = diverged.entrySet().iterator().next();
            String rest = diverged.size() < pending.size() ? "the other runs are saved in " + out : "no run finished";
            throw InvalidInputException.of("%d of %d runs diverged and were not saved (%s); %s: %s; %s (a lower --lr needs a new --out)",
                    diverged.size(), pending.size(), String.join(", ", diverged.keySet()), first.getKey(), first.getValue(), rest);
        }
        return new Summary(all.size(), skipped, pending.size(), out.resolve("runs.csv"));
    }

    /**
     * {@code d} and {@code d_task} of the sweep's data ({@link SweepDimensions}) on the seed-0 split of the largest
     * size (test, training and reserve points), once per directory: the predicted exponents of the law checks.
     */
    private static void writeDimensions(Spec spec) throws IOException {
        Path file = spec.out().resolve(SweepDimensions.FILE);
        if (Files.exists(file)) {
            return;
        }
        int maxN = Arrays.stream(spec.sizes()).max().orElseThrow();
        DataSource.Split split = spec.source().split(maxN, spec.testSize(), spec.reserveFactor() * maxN, 0);
        org.repgap.data.PointCloud points = split.test().append(split.train()).append(split.reserve());
        AtomicFiles.writeString(file, Json.write(SweepDimensions.estimate(points, spec.group(), 0)));
    }

    /** Deletes the files of an unfinished run (its directory stays). */
    private static void emptyRunDirectory(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> files = Files.list(dir)) {
                for (Path f : files.toList()) {
                    Files.deleteIfExists(f);
                }
            }
        }
    }

    private static String diff(JsonNode old, JsonNode now) {
        List<String> d = new ArrayList<>();
        now.fieldNames().forEachRemaining(f -> {
            if (!now.get(f).equals(old.get(f))) {
                d.add(f + " was " + old.get(f) + ", now " + now.get(f));
            }
        });
        return d.isEmpty() ? "different fields" : String.join("; ", d);
    }

    private static long runSeed(RunKey k) {
        return new java.util.SplittableRandom(k.seed() * 0x9E3779B97F4A7C15L + k.n()).nextLong();
    }

    private static void runOne(Spec spec, RunKey k, int workers) throws IOException {
        Path dir = spec.out().resolve("runs").resolve(k.id());
        Files.createDirectories(dir);
        DataSource.Split split = spec.source().split(k.n(), spec.testSize(), spec.reserveFactor() * k.n(), k.seed());
        long seed = runSeed(k);
        Trainer.Options to = spec.trainer().withSteps(spec.budget().steps(k.n())).withSeed(seed).withEquivariance(k.mechanism());
        Trainer.Result r = Trainer.train(split.train(), spec.group(), to, workers, Progress.NONE);
        int layers = r.history().isEmpty() ? 1 : r.history().get(0).gammas().length;
        StringBuilder h = new StringBuilder("step,loss,lr");
        for (String col : new String[] {"gamma_", "dual_", "slack_"}) {
            for (int l = 0; l < layers; l++) {
                h.append(',').append(col).append(l);
            }
        }
        h.append('\n');
        for (Trainer.HistoryRow row : r.history()) {
            h.append(row.step()).append(',').append(num(row.loss())).append(',').append(num(row.lr()));
            for (double[] v : new double[][] {row.gammas(), row.duals(), row.slacks()}) {
                for (double x : v) {
                    h.append(',').append(num(x));
                }
            }
            h.append('\n');
        }
        AtomicFiles.writeString(dir.resolve("history.csv"), h.toString());
        List<org.repgap.diffusion.MlpDenoiser> nets = new ArrayList<>(r.emaNetworks());
        nets.addAll(r.networks());
        Checkpoint.write(dir.resolve("checkpoint.bin"), nets);
        long t0 = System.nanoTime();
        RunMetrics.Result m = RunMetrics.evaluate(r.denoiser(), r.sigmaData(), split.train(), split.test(),
                split.reserve(), spec.group(), spec.metrics().withSeed(seed ^ 0x3C6EF372FE94F82BL));
        double seconds = r.seconds() + (System.nanoTime() - t0) / 1e9;
        Map<String, Object> res = new LinkedHashMap<>();
        res.put("run_id", k.id());
        res.put("n", k.n());
        res.put("seed", k.seed());
        res.put("group", spec.group().spec());
        res.put("equivariance", k.mechanism().label());
        res.put("steps", to.steps());
        res.put("final_loss", r.finalLoss());
        res.put("sample_rg", m.sampleRg());
        res.put("ideal_rg", m.idealRg());
        res.put("n_eff", m.nEff());
        res.put("sample_rg_plain", m.plain().sampleRg());
        res.put("ideal_rg_plain", m.plain().idealRg());
        res.put("n_eff_plain", m.plain().nEff());
        res.put("memorization", m.memorization());
        res.put("equivariance_error", m.equivarianceError());
        res.put("seconds", seconds);
        res.put("samples", m.samples());
        res.put("n_eff_extrapolated", m.nEffExtrapolated());
        res.put("n_eff_plain_extrapolated", m.plain().nEffExtrapolated());
        res.put("budget", spec.budget().spec());
        res.put("sigma_data", r.sigmaData());
        res.put("final_gamma", r.finalGamma());
        res.put("training_seed", seed);
        List<Map<String, Object>> sig = new ArrayList<>();
        for (RunMetrics.SigmaRow s : m.sigmas()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("sigma", s.sigma());
            row.put("train_loss", s.trainLoss());
            row.put("test_loss", s.testLoss());
            row.put("gap", s.gap());
            row.put("ideal_train_loss", s.idealTrainLoss());
            row.put("ideal_test_loss", s.idealTestLoss());
            row.put("ideal_gap", s.idealGap());
            row.put("ideal_plain_train_loss", s.idealPlainTrainLoss());
            row.put("ideal_plain_test_loss", s.idealPlainTestLoss());
            row.put("ideal_plain_gap", s.idealPlainGap());
            sig.add(row);
        }
        res.put("sigmas", sig);
        res.put("ideal_curve_sizes", m.curve().sizes());
        res.put("ideal_curve_rg", m.curve().gaps());
        res.put("ideal_curve_plain_sizes", m.plain().curve().sizes());
        res.put("ideal_curve_plain_rg", m.plain().curve().gaps());
        AtomicFiles.writeString(dir.resolve("result.json"), Json.write(nanToNull(res)));
    }

    @SuppressWarnings("unchecked")
    private static Object nanToNull(Object o) {
        if (o instanceof Double d) {
            return Double.isFinite(d) ? d : null;
        }
        if (o instanceof double[] a) {
            return Arrays.stream(a).mapToObj(v -> Double.isFinite(v) ? (Object) v : null).toList();
        }
        if (o instanceof Map<?, ?> m) {
            Map<String, Object> c = new LinkedHashMap<>();
            m.forEach((key, v) -> c.put((String) key, nanToNull(v)));
            return c;
        }
        if (o instanceof List<?> l) {
            return l.stream().map(Sweep::nanToNull).toList();
        }
        return o;
    }

    private static String num(double v) {
        return Double.isFinite(v) ? Double.toString(v) : "NaN";
    }

    private static String cell(JsonNode n) {
        if (n == null || n.isNull()) {
            return "NaN";
        }
        return n.isNumber() || n.isBoolean() ? n.asText() : n.asText().replace(",", ";");
    }

    /** The {@code result.json} of every finished run of the sweep in {@code out}, in run-directory order. */
    static List<JsonNode> finishedResults(Path out) throws IOException {
        List<JsonNode> results = new ArrayList<>();
        Path runs = out.resolve("runs");
        if (Files.isDirectory(runs)) {
            try (Stream<Path> dirs = Files.list(runs)) {
                for (Path d : dirs.sorted().toList()) {
                    Path f = d.resolve("result.json");
                    if (Files.isRegularFile(f)) {
                        results.add(Json.mapper().readTree(f.toFile()));
                    }
                }
            }
        }
        return results;
    }

    /** Rebuilds {@code runs.csv} and {@code sigmas.csv} from every finished run, sorted by run id. */
    static void writeTables(Path out) throws IOException {
        List<JsonNode> results = finishedResults(out);
        results.sort(Comparator.comparing((JsonNode j) -> j.get("equivariance").asText())
                .thenComparingInt(j -> j.get("n").asInt()).thenComparingInt(j -> j.get("seed").asInt()));
        StringBuilder r = new StringBuilder(RUNS_HEADER).append('\n');
        StringBuilder s = new StringBuilder(SIGMAS_HEADER).append('\n');
        String[] cols = RUNS_HEADER.split(",");
        for (JsonNode j : results) {
            for (int c = 0; c < cols.length; c++) {
                r.append(c == 0 ? "" : ",").append(cell(j.get(cols[c])));
            }
            r.append('\n');
            for (JsonNode row : j.get("sigmas")) {
                s.append(cell(j.get("run_id"))).append(',').append(cell(row.get("sigma"))).append(',')
                        .append(cell(row.get("train_loss"))).append(',').append(cell(row.get("test_loss"))).append(',')
                        .append(cell(row.get("gap"))).append(',').append(cell(row.get("ideal_gap"))).append(',')
                        .append(cell(row.get("ideal_plain_gap"))).append('\n');
            }
        }
        AtomicFiles.writeString(out.resolve("runs.csv"), r.toString());
        AtomicFiles.writeString(out.resolve("sigmas.csv"), s.toString());
    }
}
