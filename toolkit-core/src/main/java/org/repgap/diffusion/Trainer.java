package org.repgap.diffusion;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.repgap.InvalidInputException;
import org.repgap.data.PointCloud;
import org.repgap.diffusion.nn.Adam;
import org.repgap.diffusion.nn.Ema;
import org.repgap.group.SymmetryGroup;
import org.repgap.progress.Progress;

/**
 * Trains an EDM denoiser (THEORY.md sections 2 and 7) on a training set: minibatches of {@code batch}
 * indices drawn uniformly with replacement, {@code ln sigma ~ N(P_mean, P_std^2)} (default {@code N(-2.5, 1.2^2)}, {@link #DEFAULT_P_MEAN}), {@code y = x + sigma z},
 * loss {@code mean over batch and coordinates of lambda(sigma) |D(y; sigma) - x|^2} (the EDM
 * weighting), Adam with linear warm-up and cosine decay, EMA of the weights. Deterministic for a
 * seed at a fixed OpenBLAS thread count.
 */
public final class Trainer {

    /**
     * @param steps            optimiser steps
     * @param batch            minibatch size
     * @param width            hidden width
     * @param depth            hidden layers
     * @param fourierFeatures  noise-embedding size (even)
     * @param sigmaData        EDM {@code sigma_data}; {@code NaN} to use the RMS per coordinate of the training set
     * @param lr               peak learning rate
     * @param warmupSteps      linear warm-up length
     * @param cosine           cosine decay after the warm-up (to 5% of {@code lr})
     * @param emaDecay         EMA decay per step in {@code [0, 1)}
     * @param logEvery         steps per history row
     * @param seed             seed of the initialisation, the minibatches and the noise
     * @param equivariance     the symmetry mechanism
     * @param maxAverageOrder  largest group for {@link Equivariance#AVERAGE}
     * @param ace              settings of {@link Equivariance#ACE}
     */
    /**
     * The default mean of {@code ln sigma} in training, {@code -2.5} where EDM (Karras et al. 2022) takes
     * {@link EdmPreconditioning#P_MEAN} {@code = -1.2}. Whether a sample is a copy of a training point is decided at
     * small sigma, and the lower mean trains there more often: on {@code rotating-pair}/so2 (n = 4..32, 3 seeds,
     * docs/trainer.md "The training noise law") the memorisation fraction of {@code canonical} rose from
     * 0.75-0.93 to 0.89-0.97 and that of {@code none} to 0.98-0.99, with the sample gap at 0.93-0.98 of the
     * ideal one; {@code -3.0} was worse for {@code canonical} (0.90-0.97, ratio 0.87-0.94).
     */
    public static final double DEFAULT_P_MEAN = -2.5;

    public record Options(int steps, int batch, int width, int depth, int fourierFeatures, double sigmaData, double lr,
            int warmupSteps, boolean cosine, double emaDecay, int logEvery, long seed, Equivariance equivariance,
            int maxAverageOrder, AceDenoiser.Options ace, double pMean, double pStd) {
        public Options {
            if (steps < 1 || batch < 1 || logEvery < 1) {
                throw InvalidInputException.of("training: need --steps >= 1 (got %d), --batch >= 1 (got %d), log interval >= 1 (got %d)",
                        steps, batch, logEvery);
            }
            if (!(sigmaData > 0) && !Double.isNaN(sigmaData)) {
                throw InvalidInputException.of("--sigma-data %s must be positive (or omitted to estimate it)", sigmaData);
            }
            if (!(emaDecay >= 0 && emaDecay < 1)) {
                throw InvalidInputException.of("--ema %s must be in [0, 1)", emaDecay);
            }
            new Adam.Options(lr, 0.9, 0.999, 1e-8, warmupSteps, steps, cosine, 0.05);
            new MlpDenoiser.Architecture(1, width, depth, fourierFeatures, 1);
            java.util.Objects.requireNonNull(equivariance, "equivariance");
            java.util.Objects.requireNonNull(ace, "ace");
            if (!Double.isFinite(pMean) || !(pStd > 0) || !Double.isFinite(pStd)) {
                throw InvalidInputException.of("training noise law: --p-mean %s must be finite and --p-std %s positive", pMean, pStd);
            }
        }

        /**
         * Defaults: width 128, depth 3, 16 features, batch 256, lr 3e-3 (measured: memorises faster than 1e-3,
         * docs/trainer.md) with 2% warm-up and cosine decay, EMA 0.999, noise law {@code ln sigma ~ N(-2.5, 1.2^2)}
         * ({@link #DEFAULT_P_MEAN}).
         */
        public static Options defaults(int steps, long seed) {
            return new Options(steps, 256, 128, 3, 16, Double.NaN, 3e-3, Math.max(0, steps / 50), true, 0.999,
                    Math.max(1, steps / 100), seed, Equivariance.NONE, 64, AceDenoiser.Options.defaults(),
                    DEFAULT_P_MEAN, EdmPreconditioning.P_STD);
        }

        public Options withAce(AceDenoiser.Options a) {
            return new Options(steps, batch, width, depth, fourierFeatures, sigmaData, lr, warmupSteps, cosine, emaDecay, logEvery,
                    seed, equivariance, maxAverageOrder, a, pMean, pStd);
        }

        public Options withSteps(int s) {
            return new Options(s, batch, width, depth, fourierFeatures, sigmaData, lr, Math.max(0, s / 50), cosine, emaDecay,
                    Math.max(1, s / 100), seed, equivariance, maxAverageOrder, ace, pMean, pStd);
        }

        public Options withModel(int w, int d, int b) {
            return new Options(steps, b, w, d, fourierFeatures, sigmaData, lr, warmupSteps, cosine, emaDecay, logEvery, seed,
                    equivariance, maxAverageOrder, ace, pMean, pStd);
        }

        public Options withSeed(long s) {
            return new Options(steps, batch, width, depth, fourierFeatures, sigmaData, lr, warmupSteps, cosine, emaDecay, logEvery,
                    s, equivariance, maxAverageOrder, ace, pMean, pStd);
        }

        public Options withEquivariance(Equivariance e) {
            return new Options(steps, batch, width, depth, fourierFeatures, sigmaData, lr, warmupSteps, cosine, emaDecay, logEvery,
                    seed, e, maxAverageOrder, ace, pMean, pStd);
        }

        public Options withLr(double rate, int warmup, boolean cos) {
            return new Options(steps, batch, width, depth, fourierFeatures, sigmaData, rate, warmup, cos, emaDecay, logEvery,
                    seed, equivariance, maxAverageOrder, ace, pMean, pStd);
        }

        public Options withEma(double decay) {
            return new Options(steps, batch, width, depth, fourierFeatures, sigmaData, lr, warmupSteps, cosine, decay, logEvery,
                    seed, equivariance, maxAverageOrder, ace, pMean, pStd);
        }

        /** The training noise law {@code ln sigma ~ N(mean, std^2)} (EDM's {@code P_mean}, {@code P_std}). */
        public Options withNoiseLaw(double mean, double std) {
            return new Options(steps, batch, width, depth, fourierFeatures, sigmaData, lr, warmupSteps, cosine, emaDecay, logEvery,
                    seed, equivariance, maxAverageOrder, ace, mean, std);
        }

        public Options withSigmaData(double sd) {
            return new Options(steps, batch, width, depth, fourierFeatures, sd, lr, warmupSteps, cosine, emaDecay, logEvery,
                    seed, equivariance, maxAverageOrder, ace, pMean, pStd);
        }

        /** The optimiser settings these options imply. */
        public Adam.Options adam() {
            return new Adam.Options(lr, 0.9, 0.999, 1e-8, warmupSteps, steps, cosine, 0.05);
        }
    }

    /**
     * One row of the training history: mean loss over the steps since the previous row, the learning rate,
     * and for {@link Equivariance#ACE} per constraint {@code l} {@code gamma_l}, the dual variable {@code lambda_l}
     * and the slack {@code u_l} (otherwise one {@code NaN} each).
     */
    public record HistoryRow(int step, double loss, double lr, double[] gammas, double[] duals, double[] slacks) {
        public HistoryRow {
            gammas = gammas.clone();
            duals = duals.clone();
            slacks = slacks.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof HistoryRow h && step == h.step && Double.compare(loss, h.loss) == 0 && Double.compare(lr, h.lr) == 0
                    && java.util.Arrays.equals(gammas, h.gammas) && java.util.Arrays.equals(duals, h.duals)
                    && java.util.Arrays.equals(slacks, h.slacks);
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(step, loss, lr, java.util.Arrays.hashCode(gammas), java.util.Arrays.hashCode(duals),
                    java.util.Arrays.hashCode(slacks));
        }

        @Override
        public String toString() {
            return String.format(java.util.Locale.ROOT, "HistoryRow[step=%d, loss=%s, lr=%s, gammas=%s, duals=%s, slacks=%s]", step, loss,
                    lr, java.util.Arrays.toString(gammas), java.util.Arrays.toString(duals), java.util.Arrays.toString(slacks));
        }

        /** The {@code gamma_l} of largest magnitude ({@code NaN} when not applicable). */
        public double gamma() {
            double m = gammas[0];
            for (double g : gammas) {
                m = Math.abs(g) > Math.abs(m) ? g : m;
            }
            return m;
        }
    }

    /**
     * @param networks    the trained (last) weights of every network of the model (one; two for ACE: equivariant, free)
     * @param emaNetworks the EMA weights of the same networks
     * @param denoiser    the EMA model with its symmetry mechanism, used for evaluation
     * @param sigmaData   the {@code sigma_data} used
     * @param history     the logged losses (and ACE state)
     * @param finalLoss   mean training loss over the last 10% of steps (at least 1)
     * @param seconds     wall-clock training time
     */
    public record Result(List<MlpDenoiser> networks, List<MlpDenoiser> emaNetworks, TrainableDenoiser denoiser, double sigmaData,
            List<HistoryRow> history, double finalLoss, double seconds) {
        public Result {
            networks = List.copyOf(networks);
            emaNetworks = List.copyOf(emaNetworks);
            history = List.copyOf(history);
        }

        /** The first (for ACE: equivariant) network, last weights. */
        public MlpDenoiser network() {
            return networks.get(0);
        }

        /** The first network, EMA weights. */
        public MlpDenoiser ema() {
            return emaNetworks.get(0);
        }

        /** The final {@code gamma_l} of ACE of largest magnitude, {@code NaN} for other mechanisms. */
        public double finalGamma() {
            return history.isEmpty() ? Double.NaN : history.get(history.size() - 1).gamma();
        }
    }

    private Trainer() {
    }

    /** Root mean square of all coordinates: EDM's {@code sigma_data} for data centred at the origin. */
    public static double rms(PointCloud x) {
        double s = 0;
        for (double v : x.values()) {
            s += v * v;
        }
        double r = Math.sqrt(s / x.values().length);
        return r > 0 ? r : 1.0;
    }

    /**
     * The EDM-weighted loss of minibatch rows {@code [from, from + rows)} (times {@code scale}) and its gradient
     * {@code dOut = 2 lambda scale (out - x)}; {@code out} and {@code dOut} hold just those rows.
     */
    private static double lossAndGradient(float[] x, double[] weight, int from, int rows, int d, double scale, float[] out,
            float[] dOut) {
        double loss = 0;
        for (int r = 0; r < rows; r++) {
            double rowSum = 0;
            float g = (float) (2 * weight[from + r] * scale);
            for (int j = 0; j < d; j++) {
                float diff = out[r * d + j] - x[(from + r) * d + j];
                rowSum += (double) diff * diff;
                dOut[r * d + j] = g * diff;
            }
            loss += weight[from + r] * rowSum;
        }
        return loss * scale;
    }

    /** Splits each minibatch over replicas on worker threads and sums their gradients into the first. */
    private static final class DataParallel {
        private final List<TrainableDenoiser> replicas;
        private final int[] bounds;
        private final int d;
        private final float[][] ys;
        private final float[][] sigmas;
        private final float[][] outs;
        private final float[][] grads;
        private final java.util.concurrent.ExecutorService pool;

        DataParallel(List<TrainableDenoiser> replicas, int batch, int d) {
            this.replicas = replicas;
            this.d = d;
            int k = replicas.size();
            bounds = new int[k + 1];
            for (int i = 0; i <= k; i++) {
                bounds[i] = (int) ((long) batch * i / k);
            }
            ys = new float[k][];
            sigmas = new float[k][];
            outs = new float[k][];
            grads = new float[k][];
            for (int i = 0; i < k; i++) {
                int rows = bounds[i + 1] - bounds[i];
                ys[i] = new float[rows * d];
                sigmas[i] = new float[rows];
                outs[i] = new float[rows * d];
                grads[i] = new float[rows * d];
            }
            pool = java.util.concurrent.Executors.newFixedThreadPool(k - 1, r -> {
                Thread t = new Thread(r, "repgap-train-worker");
                t.setDaemon(true);
                return t;
            });
        }

        private double part(int i, float[] x, float[] y, float[] sigma, double[] weight, double scale) {
            int from = bounds[i];
            int rows = bounds[i + 1] - from;
            System.arraycopy(y, from * d, ys[i], 0, rows * d);
            System.arraycopy(sigma, from, sigmas[i], 0, rows);
            TrainableDenoiser m = replicas.get(i);
            m.forward(ys[i], sigmas[i], rows, outs[i]);
            double loss = lossAndGradient(x, weight, from, rows, d, scale, outs[i], grads[i]);
            m.backward(grads[i], rows);
            return loss;
        }

        double step(float[] x, float[] y, float[] sigma, double[] weight, double scale) {
            List<java.util.concurrent.Future<Double>> fs = new ArrayList<>();
            for (int i = 1; i < replicas.size(); i++) {
                int w = i;
                fs.add(pool.submit(() -> part(w, x, y, sigma, weight, scale)));
            }
            double loss = part(0, x, y, sigma, weight, scale);
            try {
                for (var f : fs) {
                    loss += f.get();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("training interrupted", e);
            } catch (java.util.concurrent.ExecutionException e) {
                throw new IllegalStateException("training worker failed: " + e.getCause(), e.getCause());
            }
            List<org.repgap.diffusion.nn.Parameter> main = replicas.get(0).parameters();
            for (int i = 1; i < replicas.size(); i++) {
                List<org.repgap.diffusion.nn.Parameter> other = replicas.get(i).parameters();
                for (int p = 0; p < main.size(); p++) {
                    float[] g = main.get(p).grad();
                    float[] h = other.get(p).grad();
                    for (int j = 0; j < g.length; j++) {
                        g[j] += h[j];
                    }
                }
            }
            return loss;
        }

        void close() {
            pool.shutdownNow();
        }
    }

    /** A fresh, untrained model for {@code train} with these options and symmetry. */
    public static TrainableDenoiser initialModel(PointCloud train, SymmetryGroup group, Options o) {
        double sd = Double.isNaN(o.sigmaData()) ? rms(train) : o.sigmaData();
        MlpDenoiser.Architecture plain = new MlpDenoiser.Architecture(train.dim(), o.width(), o.depth(), o.fourierFeatures(), sd);
        long seed = new SplittableRandom(o.seed()).split().nextLong();
        return switch (o.equivariance()) {
            case ACE -> AceDenoiser.init(plain, group, o.ace(), seed);
            case LAYERS -> SymmetrizedDenoiser.of(MlpDenoiser.init(SymmetrizedDenoiser.layersArchitecture(plain, group), seed), group,
                    Equivariance.LAYERS, o.maxAverageOrder());
            default -> SymmetrizedDenoiser.of(MlpDenoiser.init(plain, seed), group, o.equivariance(), o.maxAverageOrder());
        };
    }

    /** A fresh, untrained plain model (no symmetry). */
    public static TrainableDenoiser initialModel(PointCloud train, Options o) {
        return initialModel(train, org.repgap.group.Groups.none(), o.withEquivariance(Equivariance.NONE));
    }

    private static List<MlpDenoiser> networks(TrainableDenoiser m) {
        if (m instanceof AceDenoiser a) {
            return a.perLayer() ? List.of(a.equivariantPart().network()) : List.of(a.equivariantPart().network(), a.freePart());
        }
        return List.of(((SymmetrizedDenoiser) m).network());
    }

    /** The same model with its networks' parameter values replaced (in {@link TrainableDenoiser#parameters()} order). */
    private static TrainableDenoiser withValues(TrainableDenoiser m, float[][] values, int maxAverageOrder) {
        if (m instanceof AceDenoiser a) {
            int k = a.equivariantPart().parameters().size();
            return a.withWeights(java.util.Arrays.copyOfRange(values, 0, k), java.util.Arrays.copyOfRange(values, k, values.length));
        }
        SymmetrizedDenoiser s = (SymmetrizedDenoiser) m;
        MlpDenoiser net = s.network().copy();
        net.setParameterValues(values);
        return SymmetrizedDenoiser.of(net, s.group(), s.mechanism(), maxAverageOrder);
    }

    /** Trains on {@code train} with symmetry {@code group} on the calling thread; progress reports steps. */
    public static Result train(PointCloud train, SymmetryGroup group, Options o, Progress progress) {
        return train(train, group, o, 1, progress);
    }

    /**
     * Trains with {@code workers} data-parallel threads: each step's minibatch is split into {@code workers}
     * contiguous parts, each part runs forward and backward on a replica sharing the weights (with
     * single-threaded OpenBLAS this scales better than OpenBLAS's own threads on small matrices), and the
     * gradients are summed in a fixed order. Deterministic for a seed and a worker count; different worker
     * counts differ by float32 rounding of the gradient sums. {@link Equivariance#ACE} runs on one worker.
     */
    public static Result train(PointCloud train, SymmetryGroup group, Options o, int workers, Progress progress) {
        if (train.n() < 1) {
            throw InvalidInputException.of("%s: no training points", train.source());
        }
        long t0 = System.nanoTime();
        SplittableRandom root = new SplittableRandom(o.seed());
        root.split(); // the initialisation stream, see initialModel
        SplittableRandom rng = root.split();
        TrainableDenoiser model = initialModel(train, group, o);
        EdmPreconditioning net = networks(model).get(0).preconditioning();
        EdmPreconditioning pre = new EdmPreconditioning(net.sigmaData(), o.pMean(), o.pStd());
        Adam adam = Adam.of(o.adam(), model.parameters());
        Ema ema = Ema.of(o.emaDecay(), model.parameters());
        int n = train.n();
        int d = train.dim();
        int b = o.batch();
        double[] data = train.values();
        float[] x = new float[b * d];
        float[] y = new float[b * d];
        float[] sigma = new float[b];
        double[] weight = new double[b];
        float[] out = new float[b * d];
        float[] dOut = new float[b * d];
        int k = Math.max(1, Math.min(workers, b));
        List<TrainableDenoiser> replicas = new ArrayList<>(List.of(model));
        for (int i = 1; i < k; i++) {
            TrainableDenoiser rep = model.replica();
            if (rep == null) {
                k = 1;
                replicas = List.of(model);
                break;
            }
            replicas.add(rep);
        }
        DataParallel parallel = k > 1 ? new DataParallel(replicas, b, d) : null;
        List<HistoryRow> history = new ArrayList<>();
        double windowLoss = 0;
        int windowSteps = 0;
        int tail = Math.max(1, o.steps() / 10);
        double tailLoss = 0;
        double scale = 1.0 / ((double) b * d);
        for (int step = 1; step <= o.steps(); step++) {
            for (int r = 0; r < b; r++) {
                int idx = rng.nextInt(n);
                double s = pre.trainingSigma(rng.nextGaussian());
                sigma[r] = (float) s;
                weight[r] = pre.lossWeight(sigma[r]);
                for (int j = 0; j < d; j++) {
                    double xv = data[idx * d + j];
                    x[r * d + j] = (float) xv;
                    y[r * d + j] = (float) (xv + s * rng.nextGaussian());
                }
            }
            double loss;
            if (parallel != null) {
                loss = parallel.step(x, y, sigma, weight, scale);
            } else {
                model.forward(y, sigma, b, out);
                loss = lossAndGradient(x, weight, 0, b, d, scale, out, dOut);
                model.backward(dOut, b);
            }
            if (!Double.isFinite(loss)) {
                throw TrainingDivergedException.atStep(step, o.steps(), loss, o.lr());
            }
            double lr = adam.step();
            model.afterStep();
            ema.update();
            windowLoss += loss;
            windowSteps++;
            if (step > o.steps() - tail) {
                tailLoss += loss;
            }
            if (step % o.logEvery() == 0 || step == o.steps()) {
                double[][] c = model.constraintState();
                history.add(new HistoryRow(step, windowLoss / windowSteps, lr, c[0], c[1], c[2]));
                windowLoss = 0;
                windowSteps = 0;
                progress.update("training", step, o.steps());
            }
        }
        if (parallel != null) {
            parallel.close();
        }
        TrainableDenoiser emaModel = withValues(model, ema.values(), o.maxAverageOrder());
        return new Result(networks(model), networks(emaModel), emaModel, pre.sigmaData(), history, tailLoss / tail,
                (System.nanoTime() - t0) / 1e9);
    }
}
