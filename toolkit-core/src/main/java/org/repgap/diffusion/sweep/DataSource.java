package org.repgap.diffusion.sweep;

import java.util.SplittableRandom;
import org.repgap.InvalidInputException;
import org.repgap.data.PointCloud;
import org.repgap.diffusion.tasks.SymmetricTask;

/**
 * Where a run's points come from, and the seeded train/test split. For a fixed seed the training sets
 * of increasing {@code n} are nested (prefixes of one sequence) and the test set is the same, so a
 * learning curve compares like with like.
 */
public interface DataSource {

    /** A label for files and messages (task spec, data set name or file name). */
    String label();

    /** Ambient dimension. */
    int dim();

    /**
     * What, beyond {@link #label()}, fixes the points this source draws (for a fixed point set: its size and
     * content hash), so that a sweep directory resumed on other data is refused instead of mixing draws.
     */
    default java.util.Map<String, Object> identity() {
        return java.util.Map.of();
    }

    /**
     * Training points, test points and a reserve (more points of the task, disjoint from both, that
     * extend the ideal curve for {@code n_eff}; possibly fewer than asked or empty).
     */
    Split split(int n, int testSize, int reserve, long seed);

    /** A train/test/reserve split. */
    record Split(PointCloud train, PointCloud test, PointCloud reserve) {
    }

    /** Fresh draws from a task for every split: test, then training-plus-reserve from independent streams. */
    static DataSource of(SymmetricTask task) {
        return new DataSource() {
            @Override
            public String label() {
                return task.spec();
            }

            @Override
            public int dim() {
                return task.dim();
            }

            @Override
            public Split split(int n, int testSize, int reserve, long seed) {
                SplittableRandom root = new SplittableRandom(seed);
                PointCloud test = task.sample(testSize, root.split());
                PointCloud pool = task.sample(n + reserve, root.split());
                return new Split(pool.head(n), test, tail(pool, n));
            }
        };
    }

    /** A fixed point set (data set or file) shuffled with the seed: test first, then training points, then the reserve. */
    static DataSource of(PointCloud all) {
        return new DataSource() {
            @Override
            public String label() {
                return all.source();
            }

            @Override
            public int dim() {
                return all.dim();
            }

            @Override
            public java.util.Map<String, Object> identity() {
                java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
                m.put("data_points", all.n());
                m.put("data_sha256", all.sha256());
                return m;
            }

            @Override
            public Split split(int n, int testSize, int reserve, long seed) {
                if (n + testSize > all.n()) {
                    throw InvalidInputException.of("%s: %d points are too few for n = %d training plus %d test points (--test-size)",
                            all.source(), all.n(), n, testSize);
                }
                int[] idx = org.repgap.stats.Shuffle.permutation(all.n(), new SplittableRandom(seed));
                int r = Math.min(reserve, all.n() - n - testSize);
                return new Split(all.select(java.util.Arrays.copyOfRange(idx, testSize, testSize + n)),
                        all.select(java.util.Arrays.copyOfRange(idx, 0, testSize)),
                        all.select(java.util.Arrays.copyOfRange(idx, testSize + n, testSize + n + r)));
            }
        };
    }

    private static PointCloud tail(PointCloud p, int from) {
        int[] rows = new int[p.n() - from];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = from + i;
        }
        return p.select(rows);
    }
}
