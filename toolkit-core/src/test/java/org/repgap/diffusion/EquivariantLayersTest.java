package org.repgap.diffusion;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.repgap.InvalidInputException;
import org.repgap.blas.OpenBlas;
import org.repgap.data.PointCloud;
import org.repgap.diffusion.tasks.Tasks;
import org.repgap.group.GroupElement;
import org.repgap.group.Groups;
import org.repgap.group.SymmetryGroup;
import org.repgap.progress.Progress;

/**
 * The equivariant layers ({@code --equivariance layers}) are exactly equivariant: {@code D(g y) = g D(y)} up to
 * float32 rounding of the network output. Outputs are O(1) and computed in float32 (relative rounding about
 * 1e-7 per operation, a few dozen operations deep), so 1e-5 is the tolerance on the largest difference; the
 * same check on the plain MLP with the same sizes fails by orders of magnitude (so the check can fail).
 */
class EquivariantLayersTest {

    private static double maxEquivarianceDefect(Denoiser net, SymmetryGroup group, int dim, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        int n = 20;
        double[] y = new double[n * dim];
        double[] gy = new double[n * dim];
        double[] sigma = new double[n];
        GroupElement[] gs = new GroupElement[n];
        for (int i = 0; i < n; i++) {
            double[] yi = new double[dim];
            for (int j = 0; j < dim; j++) {
                yi[j] = 2 * rng.nextGaussian();
            }
            sigma[i] = Math.exp(-3 + 5 * rng.nextDouble());
            gs[i] = group.random(dim, rng);
            System.arraycopy(yi, 0, y, i * dim, dim);
            System.arraycopy(gs[i].apply(yi), 0, gy, i * dim, dim);
        }
        double[] dy = new double[n * dim];
        double[] dgy = new double[n * dim];
        net.denoise(y, sigma, n, dy);
        net.denoise(gy, sigma, n, dgy);
        double worst = 0;
        for (int i = 0; i < n; i++) {
            double[] g = gs[i].apply(java.util.Arrays.copyOfRange(dy, i * dim, (i + 1) * dim));
            for (int j = 0; j < dim; j++) {
                worst = Math.max(worst, Math.abs(dgy[i * dim + j] - g[j]));
            }
        }
        return worst;
    }

    @ParameterizedTest
    @CsvSource({"perm:4, 8", "perm:3, 3", "cyclic, 7", "cyclic, 3", "signs, 5"})
    void layersAreEquivariantToRoundingAndThePlainMlpIsNot(String spec, int dim) {
        SymmetryGroup group = Groups.parse(spec);
        MlpDenoiser.Architecture plain = new MlpDenoiser.Architecture(dim, 16, 3, 8, 0.8);
        MlpDenoiser.Architecture arch = SymmetrizedDenoiser.layersArchitecture(plain, group);
        Denoiser eq = SymmetrizedDenoiser.of(MlpDenoiser.init(arch, 5), group, Equivariance.LAYERS, 1);
        double defect = maxEquivarianceDefect(eq, group, dim, 9);
        assertTrue(defect < 1e-5, spec + ": equivariance defect " + defect);
        double plainDefect = maxEquivarianceDefect(MlpDenoiser.init(plain, 5), group, dim, 9);
        assertTrue(plainDefect > 1e-3, spec + ": plain MLP defect " + plainDefect);
    }

    @Test
    void deepSetsHasOneSitePerPointAndConvolutionsOnePerCoordinate() {
        MlpDenoiser.Architecture plain = new MlpDenoiser.Architecture(12, 16, 2, 8, 1);
        MlpDenoiser.Architecture ds = SymmetrizedDenoiser.layersArchitecture(plain, Groups.perm(4));
        assertEquals(MlpDenoiser.Layers.DEEPSETS, ds.layers());
        assertEquals(4, ds.sites());
        assertEquals(3, ds.perSite());
        // layers of 2(3 + 8) -> 16, 2*16 -> 16, 2*16 -> 3 (weights and biases)
        assertEquals(22 * 16 + 16 + 32 * 16 + 16 + 32 * 3 + 3, ds.parameterCount());
        long counted = MlpDenoiser.init(ds, 1).parameters().stream().mapToLong(p -> p.size()).sum();
        assertEquals(ds.parameterCount(), counted);
        MlpDenoiser.Architecture conv = SymmetrizedDenoiser.layersArchitecture(plain, Groups.cyclic());
        assertEquals(12, conv.sites());
        // layers of 5(1 + 8) -> 16, 5*16 -> 16, 5*16 -> 1: independent of D
        assertEquals(45 * 16 + 16 + 80 * 16 + 16 + 80 + 1, conv.parameterCount());
        assertEquals(conv.parameterCount(), MlpDenoiser.init(conv, 1).parameters().stream().mapToLong(p -> p.size()).sum());
    }

    @Test
    void deepSetsLayerMatchesTheFormulaOnOnePoint() {
        // one hidden layer, 2 points of R^1: F_j = W1' silu(W1 in_j + W2 mean(in) + b) + ..., checked by hand
        MlpDenoiser net = MlpDenoiser.init(new MlpDenoiser.Architecture(2, 3, 1, 2, 0.5).withLayers(MlpDenoiser.Layers.DEEPSETS, 2), 3);
        float[] y = {0.3f, -1.2f};
        float[] sigma = {0.4f};
        float[] out = new float[2];
        net.forward(y, sigma, 1, out);
        float[][] p = net.parameterValues();
        double s = 0.4f;
        double sd = 0.5;
        double cIn = 1 / Math.sqrt(s * s + sd * sd);
        double cNoise = Math.log(s) / 4;
        double[][] in = {{cIn * y[0], Math.cos(cNoise), Math.sin(cNoise)}, {cIn * y[1], Math.cos(cNoise), Math.sin(cNoise)}};
        double[] meanIn = new double[3];
        for (int c = 0; c < 3; c++) {
            meanIn[c] = (in[0][c] + in[1][c]) / 2;
        }
        double[][] hid = new double[2][3];
        for (int j = 0; j < 2; j++) {
            for (int o = 0; o < 3; o++) {
                double z = p[1][o];
                for (int i = 0; i < 3; i++) {
                    z += p[0][o * 6 + i] * in[j][i] + p[0][o * 6 + 3 + i] * meanIn[i];
                }
                hid[j][o] = z / (1 + Math.exp(-z));
            }
        }
        for (int j = 0; j < 2; j++) {
            double f = p[3][0];
            for (int i = 0; i < 3; i++) {
                f += p[2][i] * hid[j][i] + p[2][3 + i] * (hid[0][i] + hid[1][i]) / 2;
            }
            double expected = sd * sd / (s * s + sd * sd) * y[j] + s * sd / Math.sqrt(s * s + sd * sd) * f;
            assertEquals(expected, out[j], 1e-5);
        }
    }

    @Test
    void checkpointsKeepTheLayerKindAndVersionTwoStillLoads(@TempDir Path dir) throws Exception {
        MlpDenoiser.Architecture plain = new MlpDenoiser.Architecture(6, 8, 2, 4, 0.9);
        MlpDenoiser ds = MlpDenoiser.init(SymmetrizedDenoiser.layersArchitecture(plain, Groups.perm(3)), 1);
        MlpDenoiser conv = MlpDenoiser.init(SymmetrizedDenoiser.layersArchitecture(plain, Groups.cyclic()), 2);
        // the per-layer ACE model: free layers and gamma_l are kept
        MlpDenoiser ace = MlpDenoiser.initWithFreeBranch(SymmetrizedDenoiser.layersArchitecture(plain, Groups.perm(3)), 4);
        ace.gammas()[0] = 0.3;
        ace.gammas()[2] = -0.2;
        Path file = dir.resolve("c.bin");
        Checkpoint.write(file, List.of(ds, conv, ace));
        List<MlpDenoiser> back = Checkpoint.read(file);
        assertTrue(back.get(2).hasFreeBranch());
        assertArrayEquals(ace.gammas(), back.get(2).gammas(), 0.0);
        double[] y = {0.1, -0.4, 1.3, 0.7, -2.0, 0.5};
        double[] sigma = {0.3};
        for (int k = 0; k < 3; k++) {
            MlpDenoiser orig = List.of(ds, conv, ace).get(k);
            assertEquals(orig.architecture(), back.get(k).architecture());
            double[] a = new double[6];
            double[] b = new double[6];
            orig.denoise(y, sigma, 1, a);
            back.get(k).denoise(y, sigma, 1, b);
            assertArrayEquals(a, b, 0.0);
        }
        // version 2 (before the layer kinds): the sign-equivariant flag as a boolean
        MlpDenoiser sign = MlpDenoiser.init(plain.withSignEquivariant(true), 3);
        Path old = dir.resolve("v2.bin");
        try (DataOutputStream out = new DataOutputStream(Files.newOutputStream(old))) {
            out.writeInt(0x52474450);
            out.writeInt(2);
            out.writeInt(1);
            out.writeInt(6);
            out.writeInt(8);
            out.writeInt(2);
            out.writeInt(4);
            out.writeDouble(0.9);
            out.writeBoolean(true);
            out.writeInt(sign.parameters().size());
            for (var p : sign.parameters()) {
                out.writeUTF(p.name());
                out.writeInt(p.size());
                for (float v : p.value()) {
                    out.writeFloat(v);
                }
            }
        }
        MlpDenoiser read = Checkpoint.read(old).get(0);
        assertEquals(sign.architecture(), read.architecture());
        for (int i = 0; i < sign.parameters().size(); i++) {
            assertArrayEquals(sign.parameters().get(i).value(), read.parameters().get(i).value());
        }
    }

    /** As {@code TrainerTest.dataParallelWorkersMatchOneWorker}, for the DeepSets and convolution networks. */
    @ParameterizedTest
    @CsvSource({"rotated-clouds:3:2, perm:3", "shifted-signals:6:2, cyclic"})
    void dataParallelWorkersMatchOneWorker(String task, String spec) {
        OpenBlas.setThreads(1);
        PointCloud x = Tasks.parse(task).sample(20, new SplittableRandom(1));
        SymmetryGroup g = Groups.parse(spec);
        Trainer.Options o = Trainer.Options.defaults(20, 5).withModel(8, 2, 16).withEquivariance(Equivariance.LAYERS);
        Trainer.Result one = Trainer.train(x, g, o, 1, Progress.NONE);
        Trainer.Result two = Trainer.train(x, g, o, 2, Progress.NONE);
        float[][] a = one.network().parameterValues();
        float[][] b = two.network().parameterValues();
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a[i].length; j++) {
                // Adam moves each weight by about lr = 1e-3 per step; rounding differences stay far below that
                assertEquals(a[i][j], b[i][j], 1e-4);
            }
        }
        assertTrue(RunMetrics.equivarianceError(two.denoiser(), g, x, 1.0, new SplittableRandom(3)) < 1e-12);
    }

    @Test
    void otherGroupsAreRefusedWithAMessage() {
        MlpDenoiser.Architecture plain = new MlpDenoiser.Architecture(4, 8, 2, 4, 1);
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> SymmetrizedDenoiser.layersArchitecture(plain, Groups.parse("so2")));
        assertTrue(e.getMessage().contains("perm:m"), e.getMessage());
    }

    /**
     * The per-layer ACE model {@code z_l = E_l(h_l) + gamma_l F_l(h_l)} is exactly equivariant when every
     * {@code gamma_l = 0} (error at float32 rounding, below 1e-9 as in TrainerTest), and not when one
     * {@code gamma_l} is switched on (error above 1e-6), except the sign block's hidden layers, whose inputs are
     * sign-invariant (a dense layer on invariant features stays invariant).
     */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource({"signs, 3", "perm:3, 6", "cyclic, 5"})
    void perLayerAceIsEquivariantExactlyWhenEveryGammaIsZero(String groupSpec, int dim) {
        org.repgap.group.SymmetryGroup g = groupSpec.equals("signs") ? Groups.signs()
                : groupSpec.equals("cyclic") ? Groups.cyclic() : Groups.perm(3);
        MlpDenoiser.Architecture plain = new MlpDenoiser.Architecture(dim, 8, 2, 4, 1.0);
        java.util.SplittableRandom rng = new java.util.SplittableRandom(5);
        double[][] rows = new double[16][dim];
        for (double[] r : rows) {
            for (int j = 0; j < dim; j++) {
                r[j] = rng.nextGaussian();
            }
        }
        org.repgap.data.PointCloud x = org.repgap.data.PointCloud.of(rows);
        AceDenoiser ace = AceDenoiser.init(plain, g, AceDenoiser.Options.defaults(), 3);
        assertEquals(plain.depth() + 1, ace.constraints());
        for (int l = 0; l < ace.constraints(); l++) {
            ace.setGamma(l, 0);
        }
        double exact = RunMetrics.equivarianceError(ace, g, x, 1.0, new java.util.SplittableRandom(9));
        assertTrue(exact < 1e-9, "all gamma_l = 0: " + exact);
        for (int l = 0; l < ace.constraints(); l++) {
            ace.setGamma(l, 0.5);
            double broken = RunMetrics.equivarianceError(ace, g, x, 1.0, new java.util.SplittableRandom(9));
            // the sign block's hidden layers act on sign-invariant features, so only F_0 (which sees c_in y) and
            // F_L (added after the multiplication by c_in y) can break the symmetry there
            boolean breaks = !groupSpec.equals("signs") || l == 0 || l == plain.depth();
            if (breaks) {
                assertTrue(broken > 1e-6, "gamma_" + l + " = 0.5: " + broken);
            } else {
                assertTrue(broken < 1e-9, "gamma_" + l + " = 0.5 on invariant features: " + broken);
            }
            ace.setGamma(l, 0);
        }
    }
}
