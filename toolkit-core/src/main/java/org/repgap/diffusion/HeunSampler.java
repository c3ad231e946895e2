package org.repgap.diffusion;

import java.util.SplittableRandom;
import org.repgap.InvalidInputException;

/**
 * EDM's deterministic second-order sampler (Karras et al. 2022, arXiv:2206.00364, Algorithm 2 with
 * {@code S_churn = 0}): noise levels
 * {@code t_i = (smax^(1/rho) + i/(N-1) (smin^(1/rho) - smax^(1/rho)))^rho}, {@code i < N}, {@code t_N = 0};
 * an Euler step {@code x' = x + (t_(i+1) - t_i) d}, {@code d = (x - D(x; t_i)) / t_i}, corrected by the
 * trapezoidal rule except on the last step: {@code 2N - 1} denoiser evaluations. The state is double;
 * the latents are standard normal scaled by {@code t_0}.
 */
public final class HeunSampler {

    /**
     * @param steps    {@code N} (18 by default)
     * @param sigmaMin smallest positive noise level (0.002)
     * @param sigmaMax largest noise level (80)
     * @param rho      schedule exponent (7)
     */
    public record Options(int steps, double sigmaMin, double sigmaMax, double rho) {
        public Options {
            if (steps < 1 || !(sigmaMin > 0) || !(sigmaMax > sigmaMin) || !Double.isFinite(sigmaMax) || !(rho > 0)) {
                throw InvalidInputException.of("sampler: need steps >= 1 (got %d), 0 < sigma_min < sigma_max (got %s, %s), rho > 0 (got %s)",
                        steps, sigmaMin, sigmaMax, rho);
            }
        }

        /** EDM's defaults: 18 steps, sigma from 80 to 0.002, rho 7. */
        public static Options defaults() {
            return new Options(18, 0.002, 80, 7);
        }
    }

    private HeunSampler() {
    }

    /** The {@code N + 1} noise levels {@code t_0 > ... > t_(N-1) > t_N = 0}. */
    public static double[] noiseLevels(Options o) {
        double[] t = new double[o.steps() + 1];
        double a = Math.pow(o.sigmaMax(), 1 / o.rho());
        double b = Math.pow(o.sigmaMin(), 1 / o.rho());
        for (int i = 0; i < o.steps(); i++) {
            double frac = o.steps() == 1 ? 0 : i / (double) (o.steps() - 1);
            t[i] = Math.pow(a + frac * (b - a), o.rho());
        }
        t[o.steps()] = 0;
        return t;
    }

    /** {@code count} samples (row-major {@code count x dim}) from standard normal latents drawn with {@code rng}. */
    public static double[] sample(Denoiser denoiser, int count, Options o, SplittableRandom rng) {
        double[] latents = new double[count * denoiser.dim()];
        for (int i = 0; i < latents.length; i++) {
            latents[i] = rng.nextGaussian();
        }
        return sampleFrom(denoiser, latents, count, o);
    }

    /** Integrates from the given standard normal latents (not modified). */
    public static double[] sampleFrom(Denoiser denoiser, double[] latents, int count, Options o) {
        double[] t = noiseLevels(o);
        int len = count * denoiser.dim();
        double[] x = new double[len];
        for (int i = 0; i < len; i++) {
            x[i] = latents[i] * t[0];
        }
        double[] den = new double[len];
        double[] dCur = new double[len];
        double[] xNext = new double[len];
        double[] sig = new double[count];
        for (int k = 0; k < o.steps(); k++) {
            double tc = t[k];
            double tn = t[k + 1];
            java.util.Arrays.fill(sig, tc);
            denoiser.denoise(x, sig, count, den);
            for (int i = 0; i < len; i++) {
                dCur[i] = (x[i] - den[i]) / tc;
                xNext[i] = x[i] + (tn - tc) * dCur[i];
            }
            if (k < o.steps() - 1) {
                java.util.Arrays.fill(sig, tn);
                denoiser.denoise(xNext, sig, count, den);
                for (int i = 0; i < len; i++) {
                    double dPrime = (xNext[i] - den[i]) / tn;
                    xNext[i] = x[i] + (tn - tc) * (0.5 * dCur[i] + 0.5 * dPrime);
                }
            }
            double[] tmp = x;
            x = xNext;
            xNext = tmp;
        }
        return x;
    }
}
