package org.repgap.diffusion;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.repgap.InvalidInputException;
import org.repgap.diffusion.nn.Linear;
import org.repgap.diffusion.nn.Parameter;
import org.repgap.diffusion.nn.Silu;

/**
 * The toolkit's EDM denoiser, the same model as the PyTorch reference
 * ({@code shared/bench/torch_denoiser_bench.py}, {@code TinyEDMDenoiser}):
 * {@code D(y; s) = c_skip y + c_out F(concat(c_in y, emb(c_noise)))}, where {@code emb} is the
 * Fourier embedding {@code [cos(w_0 c) .. cos(w_(K-1) c), sin(w_0 c) .. sin(w_(K-1) c)]} with
 * {@code w_k = 2^k}, and {@code F} is an MLP: {@code depth} hidden layers of width {@code width}
 * with SiLU, then a linear output layer (so {@code depth + 1} linear layers).
 *
 * <p>Compute is float32 (weights, activations, GEMMs through OpenBLAS); preconditioning factors and
 * the embedding are computed in double and stored as float; bias gradients and losses are
 * accumulated in double. Forward and backward passes are written by hand and checked against
 * finite differences in the tests.
 *
 * <p>Not thread-safe: an instance owns its work arrays. {@link #copy()} gives an independent model.
 */
public final class MlpDenoiser implements Denoiser {

    /**
     * @param dim             data dimension {@code D}
     * @param width           hidden width {@code W}
     * @param depth           number of hidden layers (3 in the reference)
     * @param fourierFeatures embedding size (even; 16 in the reference)
     * @param sigmaData       EDM's {@code sigma_data}
     * @param signEquivariant the sign-equivariant block {@code F(u) = u * G(|u|, emb)} (element-wise, Lim et al.
     *                        2023) instead of a plain MLP: exactly equivariant under independent sign flips
     */
    public record Architecture(int dim, int width, int depth, int fourierFeatures, double sigmaData, boolean signEquivariant) {
        /** A plain MLP. */
        public Architecture(int dim, int width, int depth, int fourierFeatures, double sigmaData) {
            this(dim, width, depth, fourierFeatures, sigmaData, false);
        }

        /** The same with the sign-equivariant block switched on or off. */
        public Architecture withSignEquivariant(boolean on) {
            return new Architecture(dim, width, depth, fourierFeatures, sigmaData, on);
        }

        public Architecture {
            if (dim < 1 || width < 1 || depth < 1) {
                throw InvalidInputException.of("denoiser: need dim >= 1 (got %d), --width >= 1 (got %d), --depth >= 1 (got %d)",
                        dim, width, depth);
            }
            if (fourierFeatures < 2 || fourierFeatures % 2 != 0 || fourierFeatures > 64) {
                throw InvalidInputException.of("denoiser: Fourier features = %d must be even, between 2 and 64", fourierFeatures);
            }
            EdmPreconditioning.of(sigmaData);
        }

        /** The reference architecture: 3 hidden layers, 16 Fourier features. */
        public static Architecture reference(int dim, int width, double sigmaData) {
            return new Architecture(dim, width, 3, 16, sigmaData);
        }

        /** Number of trainable scalars. */
        public long parameterCount() {
            long in = dim + fourierFeatures;
            long p = in * width + width;
            p += (long) (depth - 1) * (width * (long) width + width);
            return p + (long) width * dim + dim;
        }
    }

    /** Largest batch evaluated at once by {@link #denoise}: bounds the work arrays. */
    private static final int CHUNK = 1024;

    private final Architecture arch;
    private final EdmPreconditioning pre;
    private final Linear[] layers;
    private final List<Parameter> params;
    private int capacity;
    private float[] input;
    private float[][] z;
    private float[][] s;
    private float[][] h;
    private float[] f;
    private float[] gradA;
    private float[] gradB;
    private float[] cSkip;
    private float[] cOut;
    private float[] scaledInput;
    private float[] chunkY;
    private float[] chunkSigma;
    private float[] chunkOut;

    private MlpDenoiser(Architecture arch, Linear[] layers) {
        this.arch = arch;
        this.pre = EdmPreconditioning.of(arch.sigmaData());
        this.layers = layers;
        List<Parameter> p = new ArrayList<>();
        for (Linear l : layers) {
            p.addAll(l.parameters());
        }
        this.params = List.copyOf(p);
    }

    /** A freshly initialised model (PyTorch default initialisation) from a seed. */
    public static MlpDenoiser init(Architecture arch, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        Linear[] layers = new Linear[arch.depth() + 1];
        int in = arch.dim() + arch.fourierFeatures();
        for (int l = 0; l < arch.depth(); l++) {
            layers[l] = Linear.init("layer" + l, in, arch.width(), rng.split());
            in = arch.width();
        }
        layers[arch.depth()] = Linear.init("layer" + arch.depth(), in, arch.dim(), rng.split());
        return new MlpDenoiser(arch, layers);
    }

    /** The architecture. */
    public Architecture architecture() {
        return arch;
    }

    /** The preconditioning (from {@code sigma_data}). */
    public EdmPreconditioning preconditioning() {
        return pre;
    }

    @Override
    public int dim() {
        return arch.dim();
    }

    /** The trainable parameters (weights and biases of each layer, in order); live views, not copies. */
    public List<Parameter> parameters() {
        return params;
    }

    /** Copies of all parameter values, in {@link #parameters()} order. */
    public float[][] parameterValues() {
        float[][] v = new float[params.size()][];
        for (int i = 0; i < v.length; i++) {
            v[i] = params.get(i).value().clone();
        }
        return v;
    }

    /** Overwrites the parameter values (same order and lengths as {@link #parameterValues()}). */
    public void setParameterValues(float[][] values) {
        if (values.length != params.size()) {
            throw new IllegalArgumentException("expected " + params.size() + " parameter arrays, got " + values.length);
        }
        for (int i = 0; i < values.length; i++) {
            float[] dst = params.get(i).value();
            if (values[i].length != dst.length) {
                throw new IllegalArgumentException(params.get(i).name() + ": expected " + dst.length + " values, got " + values[i].length);
            }
            System.arraycopy(values[i], 0, dst, 0, dst.length);
        }
    }

    /**
     * A replica for data-parallel training: shares this model's parameter values (updates are seen by
     * both), with its own gradients and work arrays.
     */
    public MlpDenoiser replica() {
        Linear[] shared = new Linear[layers.length];
        for (int i = 0; i < layers.length; i++) {
            shared[i] = layers[i].shareValues();
        }
        return new MlpDenoiser(arch, shared);
    }

    /** An independent model with the same architecture and parameter values. */
    public MlpDenoiser copy() {
        MlpDenoiser m = init(arch, 0);
        m.setParameterValues(parameterValues());
        return m;
    }

    private void ensureCapacity(int batch) {
        if (batch <= capacity) {
            return;
        }
        int w = arch.width();
        int d = arch.dim();
        int in0 = d + arch.fourierFeatures();
        capacity = batch;
        input = new float[batch * in0];
        z = new float[arch.depth()][batch * w];
        s = new float[arch.depth()][batch * w];
        h = new float[arch.depth()][batch * w];
        f = new float[batch * d];
        gradA = new float[batch * Math.max(w, d)];
        gradB = new float[batch * Math.max(w, d)];
        cSkip = new float[batch];
        cOut = new float[batch];
        scaledInput = new float[batch * d];
    }

    /**
     * Training-mode forward pass: writes {@code D(y_r; sigma_r)} into {@code out} ({@code batch x dim})
     * and keeps the activations for {@link #backward}.
     */
    public void forward(float[] y, float[] sigma, int batch, float[] out) {
        ensureCapacity(batch);
        int d = arch.dim();
        int nf = arch.fourierFeatures();
        int half = nf / 2;
        int in0 = d + nf;
        for (int r = 0; r < batch; r++) {
            double sg = sigma[r];
            cSkip[r] = (float) pre.cSkip(sg);
            cOut[r] = (float) pre.cOut(sg);
            float cIn = (float) pre.cIn(sg);
            double cNoise = pre.cNoise(sg);
            int o = r * in0;
            for (int j = 0; j < d; j++) {
                float u = cIn * y[r * d + j];
                scaledInput[r * d + j] = u;
                input[o + j] = arch.signEquivariant() ? Math.abs(u) : u;
            }
            double w = 1;
            for (int k = 0; k < half; k++, w *= 2) {
                double a = (float) (w * (float) cNoise);
                input[o + d + k] = (float) Math.cos(a);
                input[o + d + half + k] = (float) Math.sin(a);
            }
        }
        float[] prev = input;
        for (int l = 0; l < arch.depth(); l++) {
            layers[l].forward(prev, batch, z[l]);
            Silu.forward(z[l], s[l], h[l], batch * arch.width());
            prev = h[l];
        }
        layers[arch.depth()].forward(prev, batch, f);
        if (arch.signEquivariant()) {
            for (int i = 0; i < batch * d; i++) {
                f[i] *= scaledInput[i];
            }
        }
        for (int r = 0; r < batch; r++) {
            float cs = cSkip[r];
            float co = cOut[r];
            for (int j = r * d, e = j + d; j < e; j++) {
                out[j] = cs * y[j] + co * f[j];
            }
        }
    }

    /**
     * Sets the parameter gradients of a scalar loss from {@code dOut = dLoss/dD} ({@code batch x dim}),
     * after a {@link #forward} on the same batch.
     */
    public void backward(float[] dOut, int batch) {
        int d = arch.dim();
        int w = arch.width();
        float[] df = gradA;
        for (int r = 0; r < batch; r++) {
            float co = cOut[r];
            for (int j = r * d, e = j + d; j < e; j++) {
                df[j] = co * dOut[j];
            }
        }
        if (arch.signEquivariant()) {
            for (int i = 0; i < batch * d; i++) {
                df[i] *= scaledInput[i];
            }
        }
        float[] dy = df;
        float[] spare = gradB;
        for (int l = arch.depth(); l >= 0; l--) {
            float[] x = l == 0 ? input : h[l - 1];
            float[] dx = l == 0 ? null : spare;
            layers[l].backward(x, dy, batch, dx);
            if (l > 0) {
                Silu.backward(z[l - 1], s[l - 1], dx, dx, batch * w);
                spare = dy;
                dy = dx;
            }
        }
    }

    /**
     * Evaluates the network in float32 in chunks of at most 1024 rows and the skip connection in
     * double; {@code out} must not alias {@code y}.
     */
    @Override
    public void denoise(double[] y, double[] sigma, int batch, double[] out) {
        int d = arch.dim();
        int chunk = Math.min(CHUNK, Math.max(batch, 1));
        if (chunkY == null || chunkY.length < chunk * d) {
            chunkY = new float[chunk * d];
            chunkSigma = new float[chunk];
            chunkOut = new float[chunk * d];
        }
        for (int start = 0; start < batch; start += chunk) {
            int b = Math.min(chunk, batch - start);
            for (int i = 0; i < b * d; i++) {
                chunkY[i] = (float) y[start * d + i];
            }
            for (int r = 0; r < b; r++) {
                chunkSigma[r] = (float) sigma[start + r];
            }
            forward(chunkY, chunkSigma, b, chunkOut);
            // the skip connection in double, so that D(y) - y is not limited by float rounding of y
            for (int r = 0; r < b; r++) {
                double sg = sigma[start + r];
                double cs = pre.cSkip(sg);
                double co = pre.cOut(sg);
                for (int j = 0; j < d; j++) {
                    int i = (start + r) * d + j;
                    out[i] = cs * y[i] + co * f[r * d + j];
                }
            }
        }
    }
}
