package org.repgap.diffusion.nn;

import java.util.List;
import org.repgap.InvalidInputException;

/**
 * Adam (Kingma &amp; Ba 2015, arXiv:1412.6980) exactly as PyTorch's {@code torch.optim.Adam} without
 * weight decay: {@code m = b1 m + (1-b1) g}, {@code v = b2 v + (1-b2) g^2},
 * {@code p -= lr_t (m / (1-b1^t)) / (sqrt(v / (1-b2^t)) + eps)}, with a learning-rate schedule
 * {@code lr_t}: linear warm-up over {@link Options#warmupSteps()} steps, then (optionally) cosine
 * decay to {@code lr * finalFraction} at {@link Options#totalSteps()}.
 *
 * <p>Moments are float32 like the parameters; bias corrections are computed in double.
 */
public final class Adam {

    /**
     * @param lr            peak learning rate
     * @param beta1         first-moment decay
     * @param beta2         second-moment decay
     * @param eps           denominator guard
     * @param warmupSteps   linear warm-up length (0: none)
     * @param totalSteps    schedule length, for the cosine decay
     * @param cosine        whether to decay after warm-up (false: constant, as PyTorch's default)
     * @param finalFraction learning rate at the end of the cosine as a fraction of {@code lr}
     */
    public record Options(double lr, double beta1, double beta2, double eps, int warmupSteps, int totalSteps,
            boolean cosine, double finalFraction) {
        public Options {
            if (!(lr > 0) || !(beta1 >= 0 && beta1 < 1) || !(beta2 >= 0 && beta2 < 1) || !(eps > 0)) {
                throw InvalidInputException.of("Adam: need lr > 0 (got %s), 0 <= beta1, beta2 < 1 (got %s, %s), eps > 0 (got %s)",
                        lr, beta1, beta2, eps);
            }
            if (warmupSteps < 0 || totalSteps < 1 || !(finalFraction >= 0 && finalFraction <= 1)) {
                throw InvalidInputException.of("Adam: need warm-up >= 0 (got %d), total steps >= 1 (got %d), final fraction in [0, 1] (got %s)",
                        warmupSteps, totalSteps, finalFraction);
            }
        }

        /** PyTorch's defaults (lr 1e-3, betas 0.9/0.999, eps 1e-8), constant rate. */
        public static Options torchDefaults(int totalSteps) {
            return new Options(1e-3, 0.9, 0.999, 1e-8, 0, totalSteps, false, 1.0);
        }

        /** The learning rate at step {@code t} (1-based). */
        public double rate(int t) {
            if (t <= warmupSteps) {
                return lr * t / (warmupSteps + 1.0);
            }
            if (!cosine || totalSteps <= warmupSteps) {
                return lr;
            }
            double progress = Math.min(1.0, (t - warmupSteps) / (double) (totalSteps - warmupSteps));
            double lo = lr * finalFraction;
            return lo + 0.5 * (lr - lo) * (1 + Math.cos(Math.PI * progress));
        }
    }

    private final Options options;
    private final List<Parameter> params;
    private final float[][] m;
    private final float[][] v;
    private int t;

    private Adam(Options options, List<Parameter> params) {
        this.options = options;
        this.params = List.copyOf(params);
        this.m = new float[params.size()][];
        this.v = new float[params.size()][];
        for (int i = 0; i < params.size(); i++) {
            m[i] = new float[params.get(i).size()];
            v[i] = new float[params.get(i).size()];
        }
    }

    /** An optimiser for the given parameters (their gradients are read at each {@link #step()}). */
    public static Adam of(Options options, List<Parameter> params) {
        return new Adam(options, params);
    }

    /** Steps taken so far. */
    public int steps() {
        return t;
    }

    /** Applies one update with the current gradients; returns the learning rate used. */
    public double step() {
        t++;
        double lr = options.rate(t);
        double bc1 = 1 - Math.pow(options.beta1(), t);
        double bc2 = 1 - Math.pow(options.beta2(), t);
        float b1 = (float) options.beta1();
        float b2 = (float) options.beta2();
        float a1 = 1f - b1;
        float a2 = 1f - b2;
        float stepSize = (float) (lr / bc1);
        float invSqrtBc2 = (float) (1 / Math.sqrt(bc2));
        float eps = (float) options.eps();
        for (int p = 0; p < params.size(); p++) {
            float[] w = params.get(p).value();
            float[] g = params.get(p).grad();
            float[] mp = m[p];
            float[] vp = v[p];
            for (int i = 0; i < w.length; i++) {
                float gi = g[i];
                float mi = b1 * mp[i] + a1 * gi;
                float vi = b2 * vp[i] + a2 * gi * gi;
                mp[i] = mi;
                vp[i] = vi;
                w[i] -= stepSize * mi / ((float) Math.sqrt(vi) * invSqrtBc2 + eps);
            }
        }
        return lr;
    }
}
