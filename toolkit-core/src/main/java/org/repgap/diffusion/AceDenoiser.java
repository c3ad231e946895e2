package org.repgap.diffusion;

import java.util.ArrayList;
import java.util.List;
import org.repgap.InvalidInputException;
import org.repgap.diffusion.nn.Parameter;
import org.repgap.group.SymmetryGroup;

/**
 * Approximate equivariance by constrained optimisation (after Manolache, Chamon and Niepert, "Learning
 * (Approximately) Equivariant Networks via Constrained Optimization"): the denoiser is an exactly
 * equivariant part plus {@code gamma} times a free part,
 * {@code D(y) = c_skip y + c_out (F_eq(c_in y) + gamma F_free(c_in y))}, trained on
 * {@code min loss s.t. gamma = 0} by primal-dual updates of the augmented Lagrangian
 * {@code loss + lambda gamma + (rho/2) gamma^2}: the network weights by Adam, {@code gamma} by gradient
 * descent with rate {@code eta_gamma}, the dual variable by ascent {@code lambda += eta_lambda (gamma - u)}.
 * Training starts from the flexible model ({@code gamma = 1}) and tightens. The resilient variant lets a
 * slack {@code u} with cost {@code (alpha/2) u^2} relax the constraint to {@code gamma = u}; its optimum
 * {@code u = lambda / alpha} lets {@code gamma} settle where the data want it.
 *
 * <p>The equivariant part is the equivariant-layers network where one exists for the group (sign,
 * signs, perm:m, cyclic), otherwise the canonicalised network. This version has a single {@code gamma} for the whole
 * free branch, not one per layer.
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

    private final SymmetrizedDenoiser equivariant;
    private final MlpDenoiser free;
    private final Options options;
    private final EdmPreconditioning pre;
    private double gamma = 1;
    private double dual;
    private double slack;
    private double gammaGrad;
    private float[] outFree = new float[0];
    private float[] residual = new float[0];
    private float[] dFree = new float[0];

    private AceDenoiser(SymmetrizedDenoiser equivariant, MlpDenoiser free, Options options) {
        this.equivariant = equivariant;
        this.free = free;
        this.options = options;
        this.pre = free.preconditioning();
    }

    /**
     * The ACE model for a plain architecture: the equivariant part gets the group's equivariant layers or canonicalization.
     *
     * @param seed initialisation seed (the two parts get split streams)
     */
    public static AceDenoiser init(MlpDenoiser.Architecture plain, SymmetryGroup group, Options options, long seed) {
        java.util.SplittableRandom rng = new java.util.SplittableRandom(seed);
        SymmetrizedDenoiser eq;
        if (SymmetrizedDenoiser.hasLayers(group)) {
            eq = SymmetrizedDenoiser.of(MlpDenoiser.init(SymmetrizedDenoiser.layersArchitecture(plain, group), rng.nextLong()), group,
                    Equivariance.LAYERS, 1);
        } else {
            eq = SymmetrizedDenoiser.of(MlpDenoiser.init(plain, rng.nextLong()), group, Equivariance.CANONICAL, 1);
        }
        return new AceDenoiser(eq, MlpDenoiser.init(plain, rng.nextLong()), options);
    }

    /** An ACE model with given parts and state (for the EMA copy). */
    AceDenoiser withWeights(float[][] eqValues, float[][] freeValues) {
        MlpDenoiser e = equivariant.network().copy();
        e.setParameterValues(eqValues);
        MlpDenoiser f = free.copy();
        f.setParameterValues(freeValues);
        AceDenoiser a = new AceDenoiser(SymmetrizedDenoiser.of(e, equivariant.group(), equivariant.mechanism(), 1), f, options);
        a.gamma = gamma;
        a.dual = dual;
        a.slack = slack;
        return a;
    }

    /** Sets {@code gamma} (tests). */
    void setGamma(double g) {
        gamma = g;
    }

    /** {@code dLoss/dgamma} from the last {@link #backward} (tests). */
    double gammaGradient() {
        return gammaGrad;
    }

    /** The current {@code gamma}. */
    public double gamma() {
        return gamma;
    }

    /** The equivariant part. */
    public SymmetrizedDenoiser equivariantPart() {
        return equivariant;
    }

    /** The free part. */
    public MlpDenoiser freePart() {
        return free;
    }

    @Override
    public int dim() {
        return free.dim();
    }

    @Override
    public List<Parameter> parameters() {
        List<Parameter> p = new ArrayList<>(equivariant.parameters());
        p.addAll(free.parameters());
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
        ensure(batch * d);
        equivariant.forward(y, sigma, batch, out);
        free.forward(y, sigma, batch, outFree);
        float g = (float) gamma;
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
        double gg = 0;
        float g = (float) gamma;
        for (int i = 0; i < batch * d; i++) {
            dFree[i] = g * dOut[i];
            gg += (double) dOut[i] * residual[i];
        }
        free.backward(dFree, batch);
        gammaGrad = gg;
    }

    /** Primal step on {@code gamma} (augmented Lagrangian), then dual ascent and the slack's closed-form optimum. */
    @Override
    public void afterStep() {
        gamma -= options.gammaRate() * (gammaGrad + dual + options.penalty() * (gamma - slack));
        dual += options.dualRate() * (gamma - slack);
        slack = options.resilient() ? dual / options.slackCost() : 0;
    }

    @Override
    public double[] constraintState() {
        return new double[] {gamma, dual, slack};
    }

    @Override
    public void denoise(double[] y, double[] sigma, int batch, double[] out) {
        int d = dim();
        equivariant.denoise(y, sigma, batch, out);
        double[] f = new double[batch * d];
        free.denoise(y, sigma, batch, f);
        for (int r = 0; r < batch; r++) {
            double cs = pre.cSkip(sigma[r]);
            for (int j = r * d, e = j + d; j < e; j++) {
                out[j] += gamma * (f[j] - cs * y[j]);
            }
        }
    }
}
