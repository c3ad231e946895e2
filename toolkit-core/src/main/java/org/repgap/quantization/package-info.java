/**
 * The optimal-quantization estimator of intrinsic dimension (Raginsky & Lazebnik, NeurIPS 2005;
 * THEORY.md section 5): {@link org.repgap.quantization.QuantizationEstimator} over seeded
 * {@link org.repgap.quantization.KMeans} codebooks, distortion measured on held-out points, slope
 * of {@code log e_k} against {@code log k} equal to {@code -2/d}. Plain API for adoption by the
 * {@code id} package: {@code QuantizationEstimator.estimate(PointCloud, Options) -> QuantizationResult}
 * (dimension, interval, range of {@code k}, per-{@code k} distortions, provenance), listed under
 * {@link org.repgap.quantization.QuantizationEstimator#NAME}.
 */
package org.repgap.quantization;
