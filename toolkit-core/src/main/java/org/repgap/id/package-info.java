/**
 * Intrinsic-dimension estimators (THEORY.md section 5), re-implemented to agree with
 * scikit-dimension 0.3.4 and DADApy on the same data.
 *
 * <h2>Architecture</h2>
 * <ul>
 *   <li>{@link org.repgap.id.IdEstimator}: one stateless class per estimator, configured by its
 *   {@code Options} record: {@link org.repgap.id.MleEstimator}, {@link org.repgap.id.TwoNnEstimator},
 *   {@link org.repgap.id.GrideEstimator}, {@link org.repgap.id.TleEstimator},
 *   {@link org.repgap.id.MomEstimator}, {@link org.repgap.id.CorrIntEstimator},
 *   {@link org.repgap.id.LocalPcaEstimator}. Each returns an {@link org.repgap.id.Estimate}: the
 *   dimension, pointwise values where the method defines them, its own asymptotic error where it has
 *   one, the scale (ranks and mean neighbour distance) and its bootstrap resampler.</li>
 *   <li>{@link org.repgap.id.IdContext}: the data after the {@link org.repgap.id.DuplicatePolicy},
 *   the neighbour search (hence the {@link org.repgap.neighbors.Metric}: Euclidean or an orbit
 *   distance) and one k-NN graph, computed for the largest rank asked for and shared by all
 *   estimators. {@link org.repgap.id.IdContext#defaultSearch} is the one place that picks the search.</li>
 *   <li>{@link org.repgap.id.IdEstimation}: runs estimators on a context, adds the bootstrap interval
 *   (the shared seeded {@link org.repgap.stats.Bootstrap}), timing and
 *   {@link org.repgap.provenance.Provenance}, and returns immutable {@link org.repgap.id.IdResult}s.</li>
 *   <li>{@link org.repgap.id.IdEstimators}: names and settings for the command line.</li>
 * </ul>
 *
 * <h2>Duplicates</h2>
 * Exact duplicate rows are removed by default (the count is reported); with
 * {@link org.repgap.id.DuplicatePolicy#KEEP}, estimators built on distance ratios (MLE, TwoNN, GRIDE,
 * TLE, MOM) skip the points whose needed neighbour distance is 0 and report how many. The peers
 * instead return MLE = 0, a biased TwoNN and GRIDE near 0 on such data. On data without duplicates
 * all policies agree with the peers.
 *
 * <h2>Bootstrap</h2>
 * Per-point statistics are resampled for MLE ({@code S_i} or {@code m_i}), TwoNN ({@code log mu_i}),
 * GRIDE ({@code mu_i}, filter and bisection repeated), TLE, MOM and pointwise PCA: the graph is computed
 * once and no duplicate point is created. Global PCA resamples points. CorrInt recomputes on the
 * distinct points of each resample (about 63% of them), so it is the slow one.
 *
 * <h2>Agreement with the references</h2>
 * Over the 24 data sets of scikit-dimension's benchmark (n = 2500), largest relative difference:
 * MLE (mle, mean, median) 1e-13, TwoNN 1e-13 (DADApy's TwoNN 5e-10, its own neighbour search),
 * TwoNN ml 8e-14, MOM 3e-15, CorrInt 1e-13, lPCA all 7 rules exact (participation ratio 2e-15),
 * GRIDE n1 = 1..32 identical, TLE 6e-14 with the reference's slicing bug reproduced (our corrected
 * default differs where a neighbour is closer than epsilon: 2.5e-4 on M5a_Helix1d).
 * Reproduce with {@code org.repgap.id.ReferenceAgreement} in the test sources.
 */
package org.repgap.id;
