package org.repgap.diffusion;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.repgap.blas.OpenBlas;
import org.repgap.data.PointCloud;
import org.repgap.diffusion.tasks.SymmetricTask;
import org.repgap.diffusion.tasks.Tasks;
import org.repgap.group.Groups;
import org.repgap.group.SymmetryGroup;
import org.repgap.progress.Progress;

class TrainerTest {

    @BeforeAll
    static void oneBlasThread() {
        OpenBlas.setThreads(1);
    }

    private static Trainer.Options small(int steps, long seed) {
        return Trainer.Options.defaults(steps, seed).withModel(16, 2, 32);
    }

    @Test
    void sameSeedGivesIdenticalWeightsAndHistory() {
        PointCloud x = Tasks.parse("sign-vectors:3:2").sample(20, new SplittableRandom(1));
        Trainer.Result a = Trainer.train(x, Groups.none(), small(200, 5), Progress.NONE);
        Trainer.Result b = Trainer.train(x, Groups.none(), small(200, 5), Progress.NONE);
        float[][] pa = a.ema().parameterValues();
        float[][] pb = b.ema().parameterValues();
        for (int i = 0; i < pa.length; i++) {
            assertArrayEquals(pa[i], pb[i]);
        }
        assertEquals(a.history(), b.history());
        Trainer.Result c = Trainer.train(x, Groups.none(), small(200, 6), Progress.NONE);
        assertTrue(c.finalLoss() != a.finalLoss());
    }

    /** The EDM-weighted loss on the training noise law, 2048 fixed draws (common random numbers across models). */
    private static double edmLoss(Denoiser d, EdmPreconditioning pre, PointCloud x) {
        SplittableRandom rng = new SplittableRandom(77);
        int m = 2048;
        int dim = x.dim();
        double[] y = new double[m * dim];
        double[] clean = new double[m * dim];
        double[] sig = new double[m];
        for (int i = 0; i < m; i++) {
            int idx = rng.nextInt(x.n());
            sig[i] = pre.trainingSigma(rng.nextGaussian());
            for (int j = 0; j < dim; j++) {
                clean[i * dim + j] = x.get(idx, j);
                y[i * dim + j] = clean[i * dim + j] + sig[i] * rng.nextGaussian();
            }
        }
        double[] out = new double[y.length];
        d.denoise(y, sig, m, out);
        double s = 0;
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < dim; j++) {
                double t = out[i * dim + j] - clean[i * dim + j];
                s += pre.lossWeight(sig[i]) * t * t;
            }
        }
        return s / (m * (double) dim);
    }

    /**
     * Signals of dimension 16 on a 2-dimensional family: at small sigma only 2 of 16 noise directions are
     * irreducible, so a trained net must cut the EDM loss of the untrained one (about 1) far down.
     */
    /**
     * Two data-parallel workers compute the same gradient as one up to float32 rounding of the sums, so
     * after a short run the weights agree closely, and a rerun with two workers is bit-identical.
     */
    @Test
    void dataParallelWorkersMatchOneWorker() {
        PointCloud x = Tasks.parse("sign-vectors:3:2").sample(20, new SplittableRandom(1));
        Trainer.Options o = small(30, 5).withEquivariance(Equivariance.AVERAGE);
        Trainer.Result one = Trainer.train(x, org.repgap.group.Groups.signs(), o, 1, Progress.NONE);
        Trainer.Result two = Trainer.train(x, org.repgap.group.Groups.signs(), o, 2, Progress.NONE);
        Trainer.Result twoAgain = Trainer.train(x, org.repgap.group.Groups.signs(), o, 2, Progress.NONE);
        float[][] a = one.network().parameterValues();
        float[][] b = two.network().parameterValues();
        float[][] c = twoAgain.network().parameterValues();
        for (int i = 0; i < a.length; i++) {
            assertArrayEquals(b[i], c[i]);
            for (int j = 0; j < a[i].length; j++) {
                // Adam moves each weight by about lr = 1e-3 per step; rounding differences stay far below that
                assertEquals(a[i][j], b[i][j], 1e-4);
            }
        }
        assertEquals(one.finalLoss(), two.finalLoss(), 1e-4 * one.finalLoss());
    }

    @Test
    void trainingLowersTheEdmLoss() {
        PointCloud x = Tasks.parse("shifted-signals:16:2").sample(256, new SplittableRandom(2));
        Trainer.Options o = small(800, 1).withModel(64, 3, 64);
        Trainer.Result r = Trainer.train(x, Groups.none(), o, Progress.NONE);
        EdmPreconditioning pre = r.ema().preconditioning();
        double before = edmLoss(Trainer.initialModel(x, o), pre, x);
        double after = edmLoss(r.denoiser(), pre, x);
        assertTrue(after < 0.6 * before, after + " vs " + before);
    }

    /**
     * Exact mechanisms: |D(g y) - g D(y)|^2 at rounding level. The network evaluates in float32 on
     * inputs of order 1 (|y| up to ~10 sigma_data), so rounding leaves about (1e-7 * 10)^2 * D; the bound
     * 1e-9 is far below the error of a plain network (about 1e-2 here, checked too).
     */
    @ParameterizedTest
    @CsvSource({"signs, canonical", "signs, average", "signs, layers", "cyclic, canonical", "cyclic, average"})
    void exactMechanismsAreEquivariantToRounding(String groupName, String mech) {
        SymmetryGroup g = groupName.equals("signs") ? org.repgap.group.Groups.signs() : org.repgap.group.Groups.cyclic();
        SymmetricTask task = Tasks.parse(groupName.equals("signs") ? "sign-vectors:3:2" : "shifted-signals:5:2");
        PointCloud x = task.sample(32, new SplittableRandom(4));
        Trainer.Result r = Trainer.train(x, g, small(100, 2).withEquivariance(Equivariance.parse(mech)), Progress.NONE);
        double err = RunMetrics.equivarianceError(r.denoiser(), g, x, r.ema().architecture().sigmaData(), new SplittableRandom(9));
        assertTrue(err < 1e-9, "equivariance error " + err);
        MlpDenoiser plainNet = MlpDenoiser.init(r.ema().architecture().withSignEquivariant(false), 1);
        plainNet = mech.equals("layers") ? plainNet : r.ema();
        SymmetrizedDenoiser plain = SymmetrizedDenoiser.of(plainNet, g, Equivariance.NONE, 64);
        double plainErr = RunMetrics.equivarianceError(plain, g, x, r.ema().architecture().sigmaData(), new SplittableRandom(9));
        assertTrue(plainErr > 1e-4, "plain network error " + plainErr);
    }

    /**
     * ACE on sign- and shift-symmetric tasks (sign block; circular convolutions): starting from gamma_l = 1
     * in every layer (the flexible model), the
     * primal-dual updates drive every gamma_l below its tolerance 0.02, and the model is then nearly equivariant. With the resilient
     * slack, gamma settles where the data want it: near 0 too on a task that is exactly symmetric. At the learning rate
     * of 1e-3 these 1500 steps were measured with (the default became 3e-3 for memorisation; with it the resilient
     * run's gamma_0 ends at 0.055 after 1500 steps, docs/trainer.md).
     */
    @ParameterizedTest
    @CsvSource({"signs, sign-vectors:3:2, false", "signs, sign-vectors:3:2, true", "cyclic, shifted-signals:5:2, false"})
    void aceDrivesGammaBelowItsTolerance(String groupName, String taskSpec, boolean resilient) {
        SymmetryGroup g = groupName.equals("signs") ? org.repgap.group.Groups.signs() : org.repgap.group.Groups.cyclic();
        PointCloud x = Tasks.parse(taskSpec).sample(64, new SplittableRandom(4));
        AceDenoiser.Options ace = AceDenoiser.Options.defaults().withResilient(resilient);
        Trainer.Options o = small(1500, 2).withEquivariance(Equivariance.ACE).withAce(ace);
        Trainer.Result r = Trainer.train(x, g, o.withLr(1e-3, o.warmupSteps(), o.cosine()), Progress.NONE);
        Trainer.HistoryRow first = r.history().get(0);
        Trainer.HistoryRow last = r.history().get(r.history().size() - 1);
        int layers = small(1, 2).depth() + 1;
        assertEquals(layers, last.gammas().length, "one gamma per layer (hidden layers and output layer)");
        assertEquals(layers, last.duals().length);
        assertEquals(layers, last.slacks().length);
        for (int l = 0; l < layers; l++) {
            assertEquals(1.0, first.gammas()[l], 0.2, "gamma_" + l + " starts flexible");
            assertTrue(Math.abs(last.gammas()[l]) < ace.tolerance(), "gamma_" + l + " = " + last.gammas()[l]);
            assertTrue(last.duals()[l] != 0, "dual_" + l + " moved");
            assertEquals(resilient ? last.duals()[l] / ace.slackCost() : 0, last.slacks()[l], 1e-12, "slack_" + l);
        }
        assertTrue(Math.abs(r.finalGamma()) < ace.tolerance(), "gamma " + r.finalGamma());
        double err = RunMetrics.equivarianceError(r.denoiser(), g, x, r.sigmaData(), new SplittableRandom(9));
        assertTrue(err < 1e-3, "equivariance error " + err);
    }

    /**
     * Memorisation regime: 8 training points, a net with far more parameters than data, the default noise
     * law and the default budget (16,000 steps at n = 8). The samples land on training points: RG_model within
     * 25% of RG_n, memorisation above 0.9 (measured: ratio 0.965, fraction 0.996, n_eff 8.2-9.9 on three pools).
     * At 6000 steps (the test's former budget) the default law gave ratio 0.85, fraction 0.988, and n_eff
     * 9.1, 16.5 and 17.0 on three pools: {@code n_eff} reads the gap off the ideal curve over one ordering of
     * a reserve pool, which near {@code n} can be flat, so the check takes the median over three pools.
     */
    @Test
    void smallTrainingSetsAreMemorised() {
        SymmetricTask task = Tasks.parse("sign-vectors:3:2");
        SplittableRandom rng = new SplittableRandom(1);
        PointCloud train = task.sample(8, rng.split());
        PointCloud test = task.sample(256, rng.split());
        Trainer.Options o = Trainer.Options.defaults(TrainingBudget.DEFAULT.steps(8), 3).withModel(128, 3, 128);
        Trainer.Result r = Trainer.train(train, Groups.none(), o, Progress.NONE);
        double[] nEff = new double[3];
        RunMetrics.Result m = null;
        for (int i = 0; i < nEff.length; i++) {
            m = RunMetrics.evaluate(r.denoiser(), r.ema().architecture().sigmaData(), train, test,
                    task.sample(64, rng.split()), Groups.none(), RunMetrics.Options.defaults(5));
            nEff[i] = m.nEff();
        }
        assertEquals(1.0, m.sampleRg() / m.idealRg(), 0.25, "RG_model / RG_n");
        assertTrue(m.memorization() > 0.9, "memorisation " + m.memorization());
        java.util.Arrays.sort(nEff);
        assertTrue(nEff[1] < 16, "median n_eff " + java.util.Arrays.toString(nEff));
    }
}
