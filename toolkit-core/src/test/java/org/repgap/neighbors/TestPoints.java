package org.repgap.neighbors;

import java.util.SplittableRandom;
import org.repgap.data.PointCloud;

/** Seeded test point sets with ties, duplicates and offsets. */
final class TestPoints {
    private TestPoints() {
    }

    /** Kinds of test data. */
    enum Kind {
        /** Standard normal coordinates: no ties. */
        GAUSSIAN,
        /** Integer coordinates in [0, 4): many exactly tied distances and some duplicate points. */
        GRID,
        /** Gaussian points with every fifth row a copy of an earlier row. */
        DUPLICATES,
        /** Uniform [0, 1) coordinates plus 1e4: squared norms 1e8 times larger than squared distances. */
        OFFSET,
        /** Gaussian points in a random {@code max(1, dim / 5)}-dimensional subspace, shifted by 1e3 (the reduced product). */
        SUBSPACE,
        /** {@link #SUBSPACE} plus Gaussian noise of standard deviation 1e-5 in every coordinate (small residuals). */
        SUBSPACE_NOISY,
        /** Integer combinations (0 to 3) of {@code max(1, dim / 5)} integer vectors with entries -1, 0, 1: ties and duplicates in a subspace. */
        SUBSPACE_GRID
    }

    /** The rank of the subspace kinds. */
    static int subspaceRank(int dim) {
        return Math.max(1, dim / 5);
    }

    static PointCloud make(Kind kind, int n, int dim, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        if (kind == Kind.SUBSPACE || kind == Kind.SUBSPACE_NOISY || kind == Kind.SUBSPACE_GRID) {
            return subspace(kind, n, dim, rnd);
        }
        double[] v = new double[n * dim];
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < dim; c++) {
                double x;
                switch (kind) {
                    case GRID -> x = rnd.nextInt(4);
                    case OFFSET -> x = 1e4 + rnd.nextDouble();
                    default -> x = rnd.nextGaussian();
                }
                v[i * dim + c] = x;
            }
            if (kind == Kind.DUPLICATES && i > 0 && i % 5 == 0) {
                int src = rnd.nextInt(i);
                System.arraycopy(v, src * dim, v, i * dim, dim);
            }
        }
        return PointCloud.wrap(n, dim, v, kind.name().toLowerCase(java.util.Locale.ROOT));
    }

    private static PointCloud subspace(Kind kind, int n, int dim, SplittableRandom rnd) {
        int r = subspaceRank(dim);
        boolean grid = kind == Kind.SUBSPACE_GRID;
        double[][] basis = new double[r][dim];
        for (double[] b : basis) {
            for (int c = 0; c < dim; c++) {
                b[c] = grid ? rnd.nextInt(3) - 1 : rnd.nextGaussian();
            }
        }
        double[] v = new double[n * dim];
        for (int i = 0; i < n; i++) {
            for (double[] b : basis) {
                double t = grid ? rnd.nextInt(4) : rnd.nextGaussian();
                for (int c = 0; c < dim; c++) {
                    v[i * dim + c] += t * b[c];
                }
            }
            for (int c = 0; c < dim; c++) {
                if (!grid) {
                    v[i * dim + c] += 1e3;
                }
                if (kind == Kind.SUBSPACE_NOISY) {
                    v[i * dim + c] += 1e-5 * rnd.nextGaussian();
                }
            }
        }
        return PointCloud.wrap(n, dim, v, kind.name().toLowerCase(java.util.Locale.ROOT));
    }
}
