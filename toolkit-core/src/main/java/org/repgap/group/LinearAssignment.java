package org.repgap.group;

/**
 * Minimum-cost perfect matching of an {@code m x m} cost matrix (the linear assignment problem) in
 * {@code O(m^3)}: the Hungarian method (Kuhn 1955, doi:10.1002/nav.3800020109) in its
 * shortest-augmenting-path form with row and column potentials (as in Jonker & Volgenant 1987,
 * doi:10.1007/BF02278710), which adds one row at a time and keeps the reduced costs
 * {@code c_ij - u_i - v_j >= 0}.
 *
 * <p>Written here because neither Commons Math 3 nor EJML offers an assignment solver, and the
 * orbit distance of {@code perm:m} calls it once per pair of points, so it must be allocation-light.
 */
final class LinearAssignment {
    private LinearAssignment() {
    }

    /** Per-thread work arrays, reused across calls of the same size (the hot loop of {@code perm:m} neighbour search). */
    private static final ThreadLocal<Workspace> WORKSPACE = new ThreadLocal<>();

    /** Work arrays for one size {@code m}; {@link #cost} is filled by the caller before {@link #solve()}. */
    static final class Workspace {
        final int m;
        final double[] cost;
        private final double[] u;
        private final double[] v;
        private final int[] p;
        private final int[] way;
        private final double[] minv;
        private final boolean[] used;

        private Workspace(int m) {
            this.m = m;
            cost = new double[m * m];
            u = new double[m + 1];
            v = new double[m + 1];
            p = new int[m + 1];
            way = new int[m + 1];
            minv = new double[m + 1];
            used = new boolean[m + 1];
        }

        /**
         * Solves the assignment for the costs in {@link #cost}.
         *
         * @return the minimum total cost; {@link #column(int)} then gives the assignment
         * @throws IllegalArgumentException if a cost is not finite
         */
        double solve() {
            for (int i = 0; i < cost.length; i++) {
                if (!Double.isFinite(cost[i])) {
                    throw new IllegalArgumentException("assignment cost (" + i / m + ", " + i % m + ") is " + cost[i] + ", not finite");
                }
            }
            java.util.Arrays.fill(u, 0);
            java.util.Arrays.fill(v, 0);
            java.util.Arrays.fill(p, 0);
            for (int i = 1; i <= m; i++) {
                p[0] = i;
                int j0 = 0;
                java.util.Arrays.fill(minv, Double.POSITIVE_INFINITY);
                java.util.Arrays.fill(used, false);
                do {
                    used[j0] = true;
                    int i0 = p[j0];
                    double delta = Double.POSITIVE_INFINITY;
                    int j1 = 0;
                    int row = (i0 - 1) * m - 1;
                    double ui = u[i0];
                    for (int j = 1; j <= m; j++) {
                        if (!used[j]) {
                            double cur = cost[row + j] - ui - v[j];
                            if (cur < minv[j]) {
                                minv[j] = cur;
                                way[j] = j0;
                            }
                            if (minv[j] < delta) {
                                delta = minv[j];
                                j1 = j;
                            }
                        }
                    }
                    for (int j = 0; j <= m; j++) {
                        if (used[j]) {
                            u[p[j]] += delta;
                            v[j] -= delta;
                        } else {
                            minv[j] -= delta;
                        }
                    }
                    j0 = j1;
                } while (p[j0] != 0);
                do {
                    int j1 = way[j0];
                    p[j0] = p[j1];
                    j0 = j1;
                } while (j0 != 0);
            }
            double total = 0;
            for (int j = 1; j <= m; j++) {
                total += cost[(p[j] - 1) * m + j - 1];
            }
            return total;
        }

        /** After {@link #solve()}: the column assigned to each row. */
        int[] rowToCol() {
            int[] rowToCol = new int[m];
            for (int j = 1; j <= m; j++) {
                rowToCol[p[j] - 1] = j - 1;
            }
            return rowToCol;
        }
    }

    /** This thread's workspace for size {@code m} (not to be shared with another thread or held across calls). */
    static Workspace workspace(int m) {
        Workspace w = WORKSPACE.get();
        if (w == null || w.m != m) {
            w = new Workspace(m);
            WORKSPACE.set(w);
        }
        return w;
    }

    /**
     * @param cost row-major {@code m x m} costs (finite; not modified)
     * @return {@code rowToCol}, a permutation minimising {@code sum_i cost[i][rowToCol[i]]}
     * @throws IllegalArgumentException if a cost is not finite
     */
    static int[] solve(double[] cost, int m) {
        if (cost.length != m * m) {
            throw new IllegalArgumentException("cost matrix has " + cost.length + " entries, expected " + m + "^2");
        }
        Workspace w = new Workspace(m);
        System.arraycopy(cost, 0, w.cost, 0, cost.length);
        w.solve();
        return w.rowToCol();
    }
}
