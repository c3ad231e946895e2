package org.repgap.diffusion;

/**
 * A denoiser {@code D(y, sigma)}: an estimate of the clean point {@code x} from {@code y = x + sigma z}
 * (THEORY.md section 2). Batches are row-major arrays of {@code batch x dim} values with one noise
 * level per row. Implementations need not be thread-safe: evaluate one batch at a time per instance.
 */
public interface Denoiser {

    /** Length of one point. */
    int dim();

    /** Writes {@code D(y_r, sigma_r)} for rows {@code r < batch} into {@code out} (which must not alias {@code y}). */
    void denoise(double[] y, double[] sigma, int batch, double[] out);
}
