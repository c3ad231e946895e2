package org.repgap.diffusion;

import java.util.ArrayList;
import java.util.List;
import org.repgap.InvalidInputException;
import org.repgap.diffusion.nn.Parameter;
import org.repgap.group.SymmetryGroup;

/**
 * Approximate equivariance by constrained optimisation (after Manolache, Chamon and Niepert, "Learning
 * (Approximately) Equivariant Networks via Constrained Optimization", arXiv:2505.13631; THEORY.md section 7).
 *
 * <p><b>Per layer</b>, for groups with equivariant layers (sign, signs, perm:m, cyclic): every layer
 * {@code l = 0..L} (hidden layers and output layer) has the pre-activation {@code z_l = E_l(h_l) + gamma_l F_l(h_l)},
 * {@code E_l} the equivariant layer and {@code F_l} a dense layer on the same input
 * ({@link MlpDenoiser#initWithFreeBranch}); at {@code gamma = 0} the network is exactly equivariant.
 * <b>One gamma</b> for groups without equivariant layers (e.g. so2, scale): {@code L = 0} and
 * {@code D(y) = c_skip y + c_out (F_eq(c_in y) + gamma_0 F_free(c_in y))} with {@code F_eq} the canonicalised network.
 *
 * <p>Training solves {@code min loss s.t. gamma_l = 0} by primal-dual updates of the augmented Lagrangian
 * {@code loss + sum_l [lambda_l (gamma_l - u_l) + (rho/2) (gamma_l - u_l)^2]}: the network weights by Adam, each
 * {@code gamma_l} by gradient descent with rate {@code eta_gamma} on the augmented gradient clipped to
 * {@code [-MAX_GRADIENT, MAX_GRADIENT]} (a loss spike would otherwise move {@code gamma_l} by {@code eta_gamma} times the
 * spike, the loss would follow and training diverge; the weights take Adam's bounded steps), each dual variable by ascent
 * {@code lambda_l += eta_lambda (gamma_l - u_l)}. Training starts from the flexible model ({@code gamma_l = 1}) and
 * tightens. The resilient variant lets a slack {@code u_l} with cost {@code (alpha/2) u_l^2} relax constraint
 * {@code l} to {@code gamma_l = u_l}; its optimum {@code u_l = lambda_l / alpha} lets {@code gamma_l} settle where the
 * data want it.
 */
public final class AceDenoiser implements TrainableDenoiser {

    /**
     * @param gammaRate  {@code eta_gamma}
     * @param dualRate   {@code eta_lambda}
     * @param penalty    {@code rho} of the augmented Lagrangian (damps the primal-dual oscillation)
     * @param resilient  whether the slack relaxes the constraint
     * @param slackCost  {@code alpha}
     * @param tolerance  {@code |gamma|} below which the constraint counts as met (reported, and used by tests)
     */
    public record Options(double gammaRate, double dualRate, double penalty, boolean resilient, double slackCost, double tolerance) {
        public Options {
            if (!(gammaRate > 0) || !(dualRate > 0) || !(penalty >= 0) || !(slackCost > 0) || !(tolerance > 0)) {
                throw InvalidInputException.of("ace: rates, slack cost and tolerance must be positive, penalty non-negative"
                        + " (got %s, %s, %s, %s, %s)", gammaRate, dualRate, penalty, slackCost, tolerance);
            }
        }

        /** {@code eta_gamma = 0.01}, {@code eta_lambda = 0.01}, {@code rho = 1}, not resilient, {@code alpha = 1}, tolerance 0.02. */
        public static Options defaults() {
            return new Options(0.01, 0.01, 1, false, 1, 0.02);
        }

        public Options withResilient(boolean r) {
            return new Options(gammaRate, dualRate, penalty, r, slackCost, tolerance);
        }
    }

    /** Bound on {@code |dL_aug/dgamma_l|} in the primal step (see {@link #afterStep()}). */
    static final double MAX_GRADIENT = 1;

    private final SymmetrizedDenoiser equivariant;
    /** The free network of the one-gamma design, {@code null} in the per-layer design. */
    private final MlpDenoiser free;
    private final Options options;
    private final EdmPreconditioning pre;
    /** {@code gamma_l}: the network's live array per layer, or one entry. */
    private final double[] gamma;
    private final double[] dual;
    private final double[] slack;
    private double gammaGrad;
    private float[] outFree = new float[0];
    private float[] residual = new float[0];
    private float[] dFree = new float[0];

    private AceDenoiser(SymmetrizedDenoiser equivariant, MlpDenoiser free, Options options) {
        this.equivariant = equivariant;
        this.free = free;
        this.options = options;
        this.pre = equivariant.network().preconditioning();
        this.gamma = free == null ? equivariant.network().gammas() : new double[] {1};
        this.dual = new double[gamma.length];
        this.slack = new double[gamma.length];
    }

    /**
     * The ACE model for a plain architecture: the equivariant part gets the group's equivariant layers or canonicalization.
     *
     * @param seed initialisation seed (the two parts get split streams)
     */
    public static AceDenoiser init(MlpDenoiser.Architecture plain, SymmetryGroup group, Options options, long seed) {
        java.util.SplittableRandom rng = new java.util.SplittableRandom(seed);
        if (SymmetrizedDenoiser.hasLayers(group)) {
            MlpDenoiser net = MlpDenoiser.initWithFreeBranch(SymmetrizedDenoiser.layersArchitecture(plain, group), rng.nextLong());
            return new AceDenoiser(SymmetrizedDenoiser.of(net, group, Equivariance.LAYERS, 1), null, options);
        }
        SymmetrizedDenoiser eq = SymmetrizedDenoiser.of(MlpDenoiser.init(plain, rng.nextLong()), group, Equivariance.CANONICAL, 1);
        return new AceDenoiser(eq, MlpDenoiser.init(plain, rng.nextLong()), options);
    }

    /** Whether each layer has its own {@code gamma_l} (groups with equivariant layers) rather than one {@code gamma}. */
    public boolean perLayer() {
        return free == null;
    }

    /** Number of constraints: {@code L + 1} per layer, else 1. */
    public int constraints() {
        return gamma.length;
    }

    /** An ACE model with given parts and state (for the EMA copy). */
    AceDenoiser withWeights(float[][] eqValues, float[][] freeValues) {
        MlpDenoiser e = equivariant.network().copy();
        e.setParameterValues(eqValues);
        MlpDenoiser f = null;
        if (free != null) {
            f = free.copy();
            f.setParameterValues(freeValues);
        }
        AceDenoiser a = new AceDenoiser(SymmetrizedDenoiser.of(e, equivariant.group(), equivariant.mechanism(), 1), f, options);
        System.arraycopy(gamma, 0, a.gamma, 0, gamma.length);
        System.arraycopy(dual, 0, a.dual, 0, dual.length);
        System.arraycopy(slack, 0, a.slack, 0, slack.length);
        return a;
    }

    /** Sets {@code gamma_l} (tests). */
    void setGamma(int l, double g) {
        gamma[l] = g;
    }

    /** {@code dLoss/dgamma_l} from the last {@link #backward} (tests). */
    double gammaGradient(int l) {
        return free == null ? equivariant.network().gammaGradients()[l] : gammaGrad;
    }

    /** The current {@code gamma_l} (a copy). */
    public double[] gammas() {
        return gamma.clone();
    }

    /** The {@code gamma_l} of largest magnitude: the constraint is met when it is within the tolerance. */
    public double gamma() {
        double m = 0;
        for (double g : gamma) {
            m = Math.abs(g) > Math.abs(m) ? g : m;
        }
        return m;
    }

    /** The equivariant part. */
    public SymmetrizedDenoiser equivariantPart() {
        return equivariant;
    }

    /** The free network of the one-gamma design ({@code null} per layer: the free layers are in {@link #equivariantPart()}). */
    public MlpDenoiser freePart() {
        return free;
    }

    @Override
    public int dim() {
        return equivariant.dim();
    }

    @Override
    public List<Parameter> parameters() {
        List<Parameter> p = new ArrayList<>(equivariant.parameters());
        if (free != null) {
            p.addAll(free.parameters());
        }
        return p;
    }

    private void ensure(int n) {
        if (outFree.length < n) {
            outFree = new float[n];
            residual = new float[n];
            dFree = new float[n];
        }
    }

    @Override
    public void forward(float[] y, float[] sigma, int batch, float[] out) {
        int d = dim();
        equivariant.forward(y, sigma, batch, out);
        if (free == null) {
            return;
        }
        ensure(batch * d);
        free.forward(y, sigma, batch, outFree);
        float g = (float) gamma[0];
        for (int r = 0; r < batch; r++) {
            float cs = (float) pre.cSkip(sigma[r]);
            for (int j = r * d, e = j + d; j < e; j++) {
                residual[j] = outFree[j] - cs * y[j];
                out[j] += g * residual[j];
            }
        }
    }

    @Override
    public void backward(float[] dOut, int batch) {
        int d = dim();
        equivariant.backward(dOut, batch);
        if (free == null) {
            return;
        }
        double gg = 0;
        float g = (float) gamma[0];
        for (int i = 0; i < batch * d; i++) {
            dFree[i] = g * dOut[i];
            gg += (double) dOut[i] * residual[i];
        }
        free.backward(dFree, batch);
        gammaGrad = gg;
    }

    /**
     * Primal step on each {@code gamma_l}: {@code gamma_l -= eta_gamma clip(dL/dgamma_l + lambda_l + rho (gamma_l - u_l))},
     * then dual ascent and the slack's closed-form optimum.
     */
    @Override
    public void afterStep() {
        for (int l = 0; l < gamma.length; l++) {
            double g = gammaGradient(l) + dual[l] + options.penalty() * (gamma[l] - slack[l]);
            gamma[l] -= options.gammaRate() * Math.max(-MAX_GRADIENT, Math.min(MAX_GRADIENT, g));
            dual[l] += options.dualRate() * (gamma[l] - slack[l]);
            slack[l] = options.resilient() ? dual[l] / options.slackCost() : 0;
        }
    }

    @Override
    public double[][] constraintState() {
        return new double[][] {gamma.clone(), dual.clone(), slack.clone()};
    }

    @Override
    public void denoise(double[] y, double[] sigma, int batch, double[] out) {
        int d = dim();
        equivariant.denoise(y, sigma, batch, out);
        if (free == null) {
            return;
        }
        double[] f = new double[batch * d];
        free.denoise(y, sigma, batch, f);
        for (int r = 0; r < batch; r++) {
            double cs = pre.cSkip(sigma[r]);
            for (int j = r * d, e = j + d; j < e; j++) {
                out[j] += gamma[0] * (f[j] - cs * y[j]);
            }
        }
    }
}
