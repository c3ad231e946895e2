package org.repgap.gap;

import java.util.Objects;
import org.repgap.InvalidInputException;
import org.repgap.data.PointCloud;
import org.repgap.neighbors.NeighborGraph;
import org.repgap.neighbors.NeighborSearch;

/**
 * The Representation Gap of THEORY.md section 3,
 * {@code RG_n^G = E_{x ~ mu} [ min_{i <= n} d_G(x, x_i)^2 ]}, estimated with a test set or by
 * leave-one-out. The symmetry group enters only through the metric of the neighbour search, so
 * the search is the one injected value: pass {@code NeighborSearch.bruteForce(group.orbitMetric(dim))}
 * or any faster exact search for the same metric.
 *
 * <p>Reference: Perera et al., "Representation Gap: Explaining the Unreasonable Effectiveness of
 * Neural Networks from a Geometric Perspective", 2026; the law it obeys is in {@link AsymptoticLaw}.
 */
public final class RepresentationGap {
    private RepresentationGap() {
    }

    /**
     * {@code (1/m) sum_{x in test} min_{i <= n} d_G(x, x_i)^2}: an unbiased estimate of {@code RG_n^G}
     * for a test set drawn from {@code mu} independently of the training set.
     *
     * @throws InvalidInputException if a set is empty or the dimensions differ
     */
    public static GapEstimate withTestSet(PointCloud train, PointCloud test, NeighborSearch search) {
        Objects.requireNonNull(search, "search");
        if (train.n() < 1 || test.n() < 1) {
            throw InvalidInputException.of("Representation Gap needs at least one training and one test point (got %d and %d)",
                    train.n(), test.n());
        }
        if (train.dim() != test.dim()) {
            throw InvalidInputException.of("test set %s has dimension %d but training set %s has %d",
                    test.source(), test.dim(), train.source(), train.dim());
        }
        NeighborGraph g = search.query(train, test, 1);
        return summarise(g, train.n(), "test", search);
    }

    /**
     * The leave-one-out estimate {@code (1/n) sum_i min_{j != i} d_G(x_i, x_j)^2} of
     * {@code RG_(n-1)^G} (THEORY.md section 3), without a test set. Point {@code i} is excluded by
     * index, so a duplicate of {@code x_i} counts as distance 0 (reported in
     * {@link GapEstimate#zeroDistances()}).
     *
     * @throws InvalidInputException for fewer than two points
     */
    public static GapEstimate leaveOneOut(PointCloud x, NeighborSearch search) {
        Objects.requireNonNull(search, "search");
        NeighborSearch.checkK(1, x.n(), x.source());
        NeighborGraph g = search.allKnn(x, 1);
        return summarise(g, x.n() - 1, "leave-one-out", search);
    }

    private static GapEstimate summarise(NeighborGraph g, int n, String method, NeighborSearch search) {
        int m = g.n();
        // Welford's update: the squared distances span orders of magnitude in high dimension.
        double mean = 0;
        double m2 = 0;
        int zeros = 0;
        for (int i = 0; i < m; i++) {
            double r = g.distance(i, 0);
            double v = r * r;
            if (v == 0) {
                zeros++;
            }
            double delta = v - mean;
            mean += delta / (i + 1);
            m2 += delta * (v - mean);
        }
        Double se = m > 1 ? Math.sqrt(m2 / (m - 1) / m) : null;
        return new GapEstimate(mean, se, n, m, method, search.metric().name(), zeros);
    }
}
