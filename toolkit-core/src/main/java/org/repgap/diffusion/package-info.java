/**
 * The bundled diffusion trainer (THEORY.md sections 2, 3 and 7): EDM denoisers trained in pure Java,
 * float32 with OpenBLAS GEMMs, and the per-run metrics that learning-curve laws are fitted against.
 *
 * <ul>
 * <li>{@link org.repgap.diffusion.MlpDenoiser}: the EDM-preconditioned MLP denoiser (same model as the
 * PyTorch reference {@code shared/bench/torch_denoiser_bench.py}), hand-written forward/backward;</li>
 * <li>{@link org.repgap.diffusion.SymmetrizedDenoiser}, {@link org.repgap.diffusion.AceDenoiser}: the
 * symmetry mechanisms {@code none}, {@code canonical}, {@code average}, {@code layers}, {@code ace};</li>
 * <li>{@link org.repgap.diffusion.Trainer}: Adam with warm-up and cosine decay, EMA, log-normal sigmas,
 * EDM loss weighting; {@link org.repgap.diffusion.HeunSampler}: EDM's deterministic sampler;</li>
 * <li>{@link org.repgap.diffusion.RunMetrics}: DSM losses on a sigma grid, generalisation gap beside the
 * ideal denoiser's ({@link org.repgap.diffusion.IdealDenoiserAdapter}), sample Representation Gap, ideal
 * {@code RG_n^G}, {@code n_eff}, memorisation fraction, equivariance error;</li>
 * <li>{@code tasks}: symmetric task generators; {@code sweep}: resumable run directories.</li>
 * </ul>
 *
 * <p><b>Precision.</b> Weights, activations, gradients, Adam moments and EMA are float32, and the GEMMs
 * accumulate in float32 (OpenBLAS {@code sgemm}, like PyTorch on the CPU). Double is used where sums are
 * long or values feed the metrics: the loss (sum over batch and coordinates), bias gradients (column sums
 * over the batch), the ACE {@code gamma_l} gradients, preconditioning factors and the Fourier embedding
 * (computed in double, stored as float), Adam's bias corrections, and at evaluation time the skip
 * connection {@code c_skip y}, the sampler state, the ideal denoiser and every metric.
 */
package org.repgap.diffusion;
