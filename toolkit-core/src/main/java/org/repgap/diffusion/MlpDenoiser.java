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
 * <p>For the {@code layers} mechanism the same class builds exactly equivariant networks
 * ({@link Layers}): the sign-equivariant block, DeepSets layers for {@code perm:m} and circular
 * convolutions for {@code cyclic}, all with the same embedding and preconditioning; each of their
 * layers is a {@link Linear} on per-site gathered inputs, so the GEMMs are the same.
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
     * The kind of network {@code F}. All kinds share one structure: the input is split into {@code sites}
     * blocks of {@code p = D / sites} coordinates, each site carries the features {@code [c_in y_site, emb]},
     * and every layer is a {@link Linear} map applied per site to a gathered input of {@link #gather()}
     * site-feature vectors, with SiLU between layers and {@code p} outputs per site.
     */
    public enum Layers {
        /** A plain MLP: one site, gathered input = the features. */
        MLP(1),
        /** The sign-equivariant block {@code F(u) = u * G(|u|, emb)} (element-wise, Lim et al. 2023). */
        SIGN(1),
        /**
         * DeepSets permutation-equivariant layers (Zaheer et al. 2017, arXiv:1703.06114) for {@code perm:m}:
         * {@code h_j' = h_j W1 + mean_k(h_k) W2 + b} over the {@code m} points (the gathered input is
         * {@code [h_j, mean_k h_k]}).
         */
        DEEPSETS(2),
        /**
         * Circular convolutions for {@code cyclic} (one site per coordinate, {@code width} channels):
         * {@code y[o, i] = sum_c sum_t w[o, c, t] x[c, (i + t - r) mod D] + b[o]}, kernel {@code 2r + 1 = 5}
         * (the gathered input is {@code [x[., i - r] .. x[., i + r]]}). The noise embedding enters as extra
         * input channels of the first layer, i.e. as a learned per-channel bias.
         */
        CIRCULAR(2 * Architecture.KERNEL_RADIUS + 1);

        private final int gather;

        Layers(int gather) {
            this.gather = gather;
        }

        /** Site-feature vectors per gathered layer input. */
        public int gather() {
            return gather;
        }
    }

    /**
     * @param dim             data dimension {@code D}
     * @param width           hidden width {@code W} (channels per site for DeepSets and circular convolutions)
     * @param depth           number of hidden layers (3 in the reference)
     * @param fourierFeatures embedding size (even; 16 in the reference)
     * @param sigmaData       EDM's {@code sigma_data}
     * @param layers          the kind of network (see {@link Layers})
     * @param sites           number of sites: 1 for MLP and SIGN, {@code m} for DEEPSETS, {@code D} for CIRCULAR
     */
    public record Architecture(int dim, int width, int depth, int fourierFeatures, double sigmaData, Layers layers, int sites) {
        /** {@code r} of the circular convolution kernel {@code 2r + 1}. */
        public static final int KERNEL_RADIUS = 2;

        /** A plain MLP. */
        public Architecture(int dim, int width, int depth, int fourierFeatures, double sigmaData) {
            this(dim, width, depth, fourierFeatures, sigmaData, Layers.MLP, 1);
        }

        /** A plain MLP or the sign-equivariant block. */
        public Architecture(int dim, int width, int depth, int fourierFeatures, double sigmaData, boolean signEquivariant) {
            this(dim, width, depth, fourierFeatures, sigmaData, signEquivariant ? Layers.SIGN : Layers.MLP, 1);
        }

        /** Whether this is the sign-equivariant block. */
        public boolean signEquivariant() {
            return layers == Layers.SIGN;
        }

        /** The same with the sign-equivariant block switched on or off (a plain MLP when off). */
        public Architecture withSignEquivariant(boolean on) {
            return new Architecture(dim, width, depth, fourierFeatures, sigmaData, on);
        }

        /** The same sizes with another kind of network: {@code sites} as in the record description. */
        public Architecture withLayers(Layers kind, int siteCount) {
            return new Architecture(dim, width, depth, fourierFeatures, sigmaData, kind, siteCount);
        }

        public Architecture {
            if (dim < 1 || width < 1 || depth < 1) {
                throw InvalidInputException.of("denoiser: need dim >= 1 (got %d), --width >= 1 (got %d), --depth >= 1 (got %d)",
                        dim, width, depth);
            }
            if (fourierFeatures < 2 || fourierFeatures % 2 != 0 || fourierFeatures > 64) {
                throw InvalidInputException.of("denoiser: Fourier features = %d must be even, between 2 and 64", fourierFeatures);
            }
            java.util.Objects.requireNonNull(layers, "layers");
            boolean ok = switch (layers) {
                case MLP, SIGN -> sites == 1;
                case DEEPSETS -> sites >= 1 && dim % sites == 0;
                case CIRCULAR -> sites == dim;
            };
            if (!ok) {
                throw InvalidInputException.of("denoiser: %s layers with %d sites do not fit dimension %d", layers, sites, dim);
            }
            EdmPreconditioning.of(sigmaData);
        }

        /** The reference architecture: 3 hidden layers, 16 Fourier features. */
        public static Architecture reference(int dim, int width, double sigmaData) {
            return new Architecture(dim, width, 3, 16, sigmaData);
        }

        /** Coordinates per site, {@code p = D / sites}. */
        public int perSite() {
            return dim / sites;
        }

        /** Number of trainable scalars. */
        public long parameterCount() {
            int g = layers.gather();
            long in = perSite() + fourierFeatures;
            long p = 0;
            for (int l = 0; l <= depth; l++) {
                long out = l == depth ? perSite() : width;
                p += g * in * out + out;
                in = width;
            }
            return p;
        }
    }

    /** Largest batch evaluated at once by {@link #denoise}: bounds the work arrays. */
    private static final int CHUNK = 1024;

    private final Architecture arch;
    private final EdmPreconditioning pre;
    private final Linear[] layers;
    /** The per-layer free branch of {@link AceDenoiser} ({@code null} when absent): dense layers on the same inputs. */
    private final Linear[] free;
    /** {@code gamma_l} of the free branch (shared with replicas). */
    private final double[] gamma;
    private final double[] gammaGrad;
    private final List<Parameter> params;
    private float[][] freeOut;
    private float[] freeIn0;
    private float[] dFreeOut;
    private float[] dxFree;
    private int capacity;
    private float[] input;
    private float[][] z;
    private float[][] s;
    private float[][] h;
    private float[] f;
    private float[] gradA;
    private float[] gradB;
    private float[][] col;
    private float[] gradCol;
    private float[] emb;
    private float[] cSkip;
    private float[] cOut;
    private float[] scaledInput;
    private float[] chunkY;
    private float[] chunkSigma;
    private float[] chunkOut;

    private MlpDenoiser(Architecture arch, Linear[] layers) {
        this(arch, layers, null, null);
    }

    private MlpDenoiser(Architecture arch, Linear[] layers, Linear[] free, double[] gamma) {
        this.arch = arch;
        this.pre = EdmPreconditioning.of(arch.sigmaData());
        this.layers = layers;
        this.free = free;
        this.gamma = gamma;
        this.gammaGrad = free == null ? null : new double[free.length];
        List<Parameter> p = new ArrayList<>();
        for (Linear l : layers) {
            p.addAll(l.parameters());
        }
        if (free != null) {
            for (Linear l : free) {
                p.addAll(l.parameters());
            }
        }
        this.params = List.copyOf(p);
    }

    /**
     * A model with a per-layer free branch (ACE, see {@link AceDenoiser}): the pre-activation of layer
     * {@code l = 0..depth} is {@code z_l = E_l(h_l) + gamma_l F_l(h_l)}, with {@code E_l} this architecture's
     * layer and {@code F_l} a dense layer on all {@code sites} of the same input ({@code sites * n_in -> sites * n_out});
     * for the sign block {@code F_0} sees {@code c_in y} (not {@code |c_in y|}) and {@code F_L} is added after the
     * multiplication by {@code c_in y}. All {@code gamma_l} start at 1.
     */
    public static MlpDenoiser initWithFreeBranch(Architecture arch, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        MlpDenoiser base = init(arch, rng.nextLong());
        Linear[] free = new Linear[arch.depth() + 1];
        int in = arch.perSite() + arch.fourierFeatures();
        for (int l = 0; l <= arch.depth(); l++) {
            int out = l == arch.depth() ? arch.perSite() : arch.width();
            free[l] = Linear.init("free" + l, arch.sites() * in, arch.sites() * out, rng.split());
            in = arch.width();
        }
        double[] g = new double[free.length];
        java.util.Arrays.fill(g, 1);
        return new MlpDenoiser(arch, base.layers, free, g);
    }

    /** Whether the model has the per-layer free branch of {@link #initWithFreeBranch}. */
    public boolean hasFreeBranch() {
        return free != null;
    }

    /** {@code gamma_l} of the free branch (live; length {@code depth + 1}), or {@code null} without it. */
    public double[] gammas() {
        return gamma;
    }

    /** {@code dLoss/dgamma_l} from the last {@link #backward} (live), or {@code null} without a free branch. */
    public double[] gammaGradients() {
        return gammaGrad;
    }

    /** A freshly initialised model (PyTorch default initialisation) from a seed. */
    public static MlpDenoiser init(Architecture arch, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        Linear[] layers = new Linear[arch.depth() + 1];
        int g = arch.layers().gather();
        int in = arch.perSite() + arch.fourierFeatures();
        for (int l = 0; l < arch.depth(); l++) {
            layers[l] = Linear.init("layer" + l, g * in, arch.width(), rng.split());
            in = arch.width();
        }
        layers[arch.depth()] = Linear.init("layer" + arch.depth(), g * in, arch.perSite(), rng.split());
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
        if (free == null) {
            return new MlpDenoiser(arch, shared);
        }
        Linear[] sharedFree = new Linear[free.length];
        for (int i = 0; i < free.length; i++) {
            sharedFree[i] = free[i].shareValues();
        }
        return new MlpDenoiser(arch, shared, sharedFree, gamma);
    }

    /** An independent model with the same architecture and parameter values. */
    public MlpDenoiser copy() {
        MlpDenoiser m = free == null ? init(arch, 0) : initWithFreeBranch(arch, 0);
        m.setParameterValues(parameterValues());
        if (free != null) {
            System.arraycopy(gamma, 0, m.gamma, 0, gamma.length);
        }
        return m;
    }

    private void ensureCapacity(int batch) {
        if (batch <= capacity) {
            return;
        }
        int w = arch.width();
        int d = arch.dim();
        int rows = batch * arch.sites();
        int in0 = arch.perSite() + arch.fourierFeatures();
        int g = arch.layers().gather();
        capacity = batch;
        input = new float[rows * in0];
        z = new float[arch.depth()][rows * w];
        s = new float[arch.depth()][rows * w];
        h = new float[arch.depth()][rows * w];
        f = new float[batch * d];
        gradA = new float[rows * Math.max(w, in0)];
        gradB = new float[rows * Math.max(w, in0)];
        if (g > 1) {
            col = new float[arch.depth() + 1][];
            for (int l = 0; l <= arch.depth(); l++) {
                col[l] = new float[rows * g * (l == 0 ? in0 : w)];
            }
            gradCol = new float[rows * g * Math.max(w, in0)];
        }
        cSkip = new float[batch];
        cOut = new float[batch];
        scaledInput = new float[batch * d];
        if (free != null) {
            freeOut = new float[arch.depth() + 1][];
            for (int l = 0; l <= arch.depth(); l++) {
                freeOut[l] = new float[rows * (l == arch.depth() ? arch.perSite() : w)];
            }
            freeIn0 = new float[rows * in0];
            dFreeOut = new float[rows * Math.max(w, arch.perSite())];
            dxFree = new float[rows * w];
        }
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
        int sites = arch.sites();
        int p = arch.perSite();
        int in0 = p + nf;
        int rows = batch * sites;
        if (emb == null || emb.length != nf) {
            emb = new float[nf];
        }
        for (int r = 0; r < batch; r++) {
            double sg = sigma[r];
            cSkip[r] = (float) pre.cSkip(sg);
            cOut[r] = (float) pre.cOut(sg);
            float cIn = (float) pre.cIn(sg);
            double cNoise = pre.cNoise(sg);
            double w = 1;
            for (int k = 0; k < half; k++, w *= 2) {
                double a = (float) (w * (float) cNoise);
                emb[k] = (float) Math.cos(a);
                emb[half + k] = (float) Math.sin(a);
            }
            for (int site = 0; site < sites; site++) {
                int o = (r * sites + site) * in0;
                for (int c = 0; c < p; c++) {
                    int j = r * d + site * p + c;
                    float u = cIn * y[j];
                    scaledInput[j] = u;
                    input[o + c] = arch.signEquivariant() ? Math.abs(u) : u;
                    if (free != null) {
                        freeIn0[o + c] = u;
                    }
                }
                System.arraycopy(emb, 0, input, o + p, nf);
                if (free != null) {
                    System.arraycopy(emb, 0, freeIn0, o + p, nf);
                }
            }
        }
        float[] prev = input;
        int n = in0;
        for (int l = 0; l < arch.depth(); l++) {
            layers[l].forward(gather(l, prev, batch, n), rows, z[l]);
            if (free != null) {
                addFree(l, l == 0 ? freeIn0 : prev, batch, z[l], rows * arch.width());
            }
            Silu.forward(z[l], s[l], h[l], rows * arch.width());
            prev = h[l];
            n = arch.width();
        }
        layers[arch.depth()].forward(gather(arch.depth(), prev, batch, n), rows, f);
        if (arch.signEquivariant()) {
            for (int i = 0; i < batch * d; i++) {
                f[i] *= scaledInput[i];
            }
        }
        if (free != null) {
            addFree(arch.depth(), arch.depth() == 0 ? freeIn0 : prev, batch, f, batch * d);
        }
        for (int r = 0; r < batch; r++) {
            float cs = cSkip[r];
            float co = cOut[r];
            for (int j = r * d, e = j + d; j < e; j++) {
                out[j] = cs * y[j] + co * f[j];
            }
        }
    }

    /** {@code z += gamma_l F_l(x)}, keeping {@code F_l(x)} for the backward pass. */
    private void addFree(int l, float[] x, int batch, float[] zl, int count) {
        free[l].forward(x, batch, freeOut[l]);
        float g = (float) gamma[l];
        float[] fo = freeOut[l];
        for (int i = 0; i < count; i++) {
            zl[i] += g * fo[i];
        }
    }

    /**
     * The free branch of layer {@code l} in the backward pass: {@code dLoss/dgamma_l = sum dz . F_l(x)}, the
     * gradients of {@code F_l}, and (unless {@code l = 0}) its input gradient in {@link #dxFree}.
     */
    private void backwardFree(int l, float[] dz, int batch, int count) {
        float[] fo = freeOut[l];
        double gg = 0;
        float g = (float) gamma[l];
        for (int i = 0; i < count; i++) {
            gg += (double) dz[i] * fo[i];
            dFreeOut[i] = g * dz[i];
        }
        gammaGrad[l] = gg;
        free[l].backward(l == 0 ? freeIn0 : h[l - 1], dFreeOut, batch, l == 0 ? null : dxFree);
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
        if (free != null) {
            backwardFree(arch.depth(), df, batch, batch * d);
        }
        if (arch.signEquivariant()) {
            for (int i = 0; i < batch * d; i++) {
                df[i] *= scaledInput[i];
            }
        }
        int rows = batch * arch.sites();
        boolean gathered = arch.layers().gather() > 1;
        float[] dy = df;
        float[] spare = gradB;
        for (int l = arch.depth(); l >= 0; l--) {
            float[] x = gathered ? col[l] : l == 0 ? input : h[l - 1];
            if (free != null && l < arch.depth()) {
                backwardFree(l, dy, batch, rows * w);
            }
            if (l == 0) {
                layers[0].backward(x, dy, rows, null);
                break;
            }
            float[] dx = spare;
            if (gathered) {
                layers[l].backward(x, dy, rows, gradCol);
                scatter(gradCol, batch, w, dx);
            } else {
                layers[l].backward(x, dy, rows, dx);
            }
            if (free != null) {
                for (int i = 0; i < rows * w; i++) {
                    dx[i] += dxFree[i];
                }
            }
            Silu.backward(z[l - 1], s[l - 1], dx, dx, rows * w);
            spare = dy;
            dy = dx;
        }
    }

    /**
     * The input of layer {@code l}: {@code prev} ({@code batch * sites} rows of {@code n} features) itself
     * for MLP and SIGN, else the gathered rows of {@link Layers} in {@code col[l]}.
     */
    private float[] gather(int l, float[] prev, int batch, int n) {
        Layers kind = arch.layers();
        if (kind.gather() == 1) {
            return prev;
        }
        float[] out = col[l];
        int sites = arch.sites();
        if (kind == Layers.DEEPSETS) {
            double[] mean = new double[n];
            for (int r = 0; r < batch; r++) {
                java.util.Arrays.fill(mean, 0);
                for (int k = 0; k < sites; k++) {
                    int o = (r * sites + k) * n;
                    for (int c = 0; c < n; c++) {
                        mean[c] += prev[o + c];
                    }
                }
                for (int j = 0; j < sites; j++) {
                    int o = (r * sites + j) * 2 * n;
                    System.arraycopy(prev, (r * sites + j) * n, out, o, n);
                    for (int c = 0; c < n; c++) {
                        out[o + n + c] = (float) (mean[c] / sites);
                    }
                }
            }
        } else {
            int k = kind.gather();
            for (int r = 0; r < batch; r++) {
                for (int i = 0; i < sites; i++) {
                    int o = (r * sites + i) * k * n;
                    for (int t = 0; t < k; t++) {
                        int src = Math.floorMod(i + t - Architecture.KERNEL_RADIUS, sites);
                        System.arraycopy(prev, (r * sites + src) * n, out, o + t * n, n);
                    }
                }
            }
        }
        return out;
    }

    /** The adjoint of {@link #gather}: {@code dPrev} from the gradient {@code dCol} of the gathered input. */
    private void scatter(float[] dCol, int batch, int n, float[] dPrev) {
        Layers kind = arch.layers();
        int sites = arch.sites();
        if (kind == Layers.DEEPSETS) {
            double[] sum = new double[n];
            for (int r = 0; r < batch; r++) {
                java.util.Arrays.fill(sum, 0);
                for (int k = 0; k < sites; k++) {
                    int o = (r * sites + k) * 2 * n + n;
                    for (int c = 0; c < n; c++) {
                        sum[c] += dCol[o + c];
                    }
                }
                for (int j = 0; j < sites; j++) {
                    int o = (r * sites + j) * 2 * n;
                    int q = (r * sites + j) * n;
                    for (int c = 0; c < n; c++) {
                        dPrev[q + c] = (float) (dCol[o + c] + sum[c] / sites);
                    }
                }
            }
        } else {
            int k = kind.gather();
            java.util.Arrays.fill(dPrev, 0, batch * sites * n, 0f);
            for (int r = 0; r < batch; r++) {
                for (int i = 0; i < sites; i++) {
                    int o = (r * sites + i) * k * n;
                    for (int t = 0; t < k; t++) {
                        int q = (r * sites + Math.floorMod(i + t - Architecture.KERNEL_RADIUS, sites)) * n;
                        for (int c = 0; c < n; c++) {
                            dPrev[q + c] += dCol[o + t * n + c];
                        }
                    }
                }
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
