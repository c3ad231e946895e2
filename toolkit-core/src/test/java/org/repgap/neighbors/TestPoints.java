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
        OFFSET
    }

    static PointCloud make(Kind kind, int n, int dim, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
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
}
