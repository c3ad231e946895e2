package org.repgap.diffusion;

import org.repgap.InvalidInputException;

/**
 * EDM preconditioning and loss weighting (Karras, Aittala, Aila, Laine 2022, "Elucidating the Design
 * Space of Diffusion-Based Generative Models", arXiv:2206.00364, Table 1):
 * {@code D(y; s) = c_skip(s) y + c_out(s) F(c_in(s) y, c_noise(s))} with
 * {@code c_skip = sd^2/(s^2+sd^2)}, {@code c_out = s sd/sqrt(s^2+sd^2)}, {@code c_in = 1/sqrt(s^2+sd^2)},
 * {@code c_noise = ln(s)/4}, loss weight {@code lambda = (s^2+sd^2)/(s sd)^2}, and training noise
 * levels {@code ln s ~ N(P_mean, P_std^2)} with {@code P_mean = -1.2}, {@code P_std = 1.2}.
 *
 * @param sigmaData the data standard deviation {@code sd} per coordinate (positive)
 * @param pMean     mean of {@code ln sigma} during training
 * @param pStd      standard deviation of {@code ln sigma} during training
 */
public record EdmPreconditioning(double sigmaData, double pMean, double pStd) {
    /** EDM's defaults for the training noise law. */
    public static final double P_MEAN = -1.2;
    /** EDM's default spread of {@code ln sigma}. */
    public static final double P_STD = 1.2;

    public EdmPreconditioning {
        if (!(sigmaData > 0) || !Double.isFinite(sigmaData)) {
            throw InvalidInputException.of("sigma_data = %s must be positive and finite", sigmaData);
        }
        if (!Double.isFinite(pMean) || !(pStd >= 0) || !Double.isFinite(pStd)) {
            throw InvalidInputException.of("training noise law: P_mean = %s must be finite and P_std = %s non-negative", pMean, pStd);
        }
    }

    /** EDM's noise law with the given {@code sigma_data}. */
    public static EdmPreconditioning of(double sigmaData) {
        return new EdmPreconditioning(sigmaData, P_MEAN, P_STD);
    }

    public double cSkip(double s) {
        return sigmaData * sigmaData / (s * s + sigmaData * sigmaData);
    }

    public double cOut(double s) {
        return s * sigmaData / Math.sqrt(s * s + sigmaData * sigmaData);
    }

    public double cIn(double s) {
        return 1 / Math.sqrt(s * s + sigmaData * sigmaData);
    }

    public double cNoise(double s) {
        return Math.log(s) / 4;
    }

    /** The EDM loss weight {@code lambda(s)}; note {@code lambda c_out^2 = 1}. */
    public double lossWeight(double s) {
        return (s * s + sigmaData * sigmaData) / (s * sigmaData * s * sigmaData);
    }

    /** A training noise level from a standard normal draw {@code z}: {@code exp(P_mean + P_std z)}. */
    public double trainingSigma(double z) {
        return Math.exp(pMean + pStd * z);
    }
}
