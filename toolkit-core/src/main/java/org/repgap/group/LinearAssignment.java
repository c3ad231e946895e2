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

    /**
     * @param cost row-major {@code m x m} costs (finite; not modified)
     * @return {@code rowToCol}, a permutation minimising {@code sum_i cost[i][rowToCol[i]]}
     */
    static int[] solve(double[] cost, int m) {
        if (cost.length != m * m) {
            throw new IllegalArgumentException("cost matrix has " + cost.length + " entries, expected " + m + "^2");
        }
        for (int i = 0; i < cost.length; i++) {
            if (!Double.isFinite(cost[i])) {
                throw new IllegalArgumentException("assignment cost (" + i / m + ", " + i % m + ") is " + cost[i] + ", not finite");
            }
        }
        double[] u = new double[m + 1];
        double[] v = new double[m + 1];
        int[] p = new int[m + 1];
        int[] way = new int[m + 1];
        double[] minv = new double[m + 1];
        boolean[] used = new boolean[m + 1];
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
                for (int j = 1; j <= m; j++) {
                    if (!used[j]) {
                        double cur = cost[row + j] - u[i0] - v[j];
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
        int[] rowToCol = new int[m];
        for (int j = 1; j <= m; j++) {
            rowToCol[p[j] - 1] = j - 1;
        }
        return rowToCol;
    }
}
