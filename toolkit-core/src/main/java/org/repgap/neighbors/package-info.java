/**
 * Exact k-nearest-neighbour search and pair counts under a {@link org.repgap.neighbors.Metric}.
 *
 * <p>{@link org.repgap.neighbors.NeighborSearch#auto} picks the implementation; all of them return
 * exactly what {@link org.repgap.neighbors.NeighborSearch#bruteForce} returns (same neighbours, order by
 * distance then index, a point excluded from its own row by index so duplicates appear at distance 0):
 * <ul>
 *   <li>{@code kdtree}: Euclidean, up to 15 coordinates ({@code KdTree}, median splits, conservative pruning);
 *       {@code auto} uses it through {@code AdaptiveEuclideanSearch} ({@code kdtree-or-blas}), which first
 *       checks on 64 queries that the tree prunes and otherwise takes {@code blas};</li>
 *   <li>{@code blas}: Euclidean in higher dimension: single-precision OpenBLAS products with rigorous
 *       error bounds select candidates, which are ranked by double-precision direct differences
 *       ({@code BoundedGram}, {@code BlockedEuclideanSearch}); all-points searches use only the upper
 *       triangle of the product, and data lying in a linear subspace of at most half the ambient
 *       dimension are multiplied in that subspace's coordinates ({@code SubspaceBasis}; same result);</li>
 *   <li>{@code pruned}: metrics with a 1-Lipschitz {@link org.repgap.neighbors.Metric#lowerBoundEmbedding}
 *       (orbit distances): embedding distances bound the metric from below, so most pairs are never
 *       evaluated ({@code EmbeddingPrunedSearch});</li>
 *   <li>{@code brute}: everything else, and the oracle of the tests.</li>
 * </ul>
 * Speed figures and the command that measures them: {@code benchmarks/README.md}.
 */
package org.repgap.neighbors;
