package org.repgap.group;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.repgap.InvalidInputException;

/**
 * {@code perm:m}: {@code x} is a set of {@code m} points of {@code R^p}, {@code p = D/m} (consecutive
 * blocks), and any permutation of the points acts.
 *
 * <p>Orbit distance (THEORY.md section 1): {@code d^2 = min_sigma sum_i |x_i - y_sigma(i)|^2}, a linear
 * assignment on the {@code m x m} squared-distance matrix, solved exactly in {@code O(m^3)} by
 * {@link LinearAssignment}.
 *
 * <p>Embedding: the {@code m} values of each coordinate {@code c} sorted increasingly,
 * {@code phi(x) = (sort(x_{1c}..x_{mc}))_{c = 1..p}}. It is permutation-invariant, and 1-Lipschitz for
 * {@code d_G} directly: for every {@code sigma} and coordinate {@code c}, the sorted matching of two
 * lists of reals minimises the sum of squared differences over all matchings (rearrangement
 * inequality), so {@code |sort(x_c) - sort(y_c)|^2 <= sum_i (x_ic - y_sigma(i)c)^2}; summing over
 * {@code c} gives {@code |phi(x) - phi(y)|^2 <= |x - sigma y|^2}. For {@code p = 1} it is isometric.
 * (Products with rotations or signs use the sorted point norms instead, which those also leave invariant.)
 *
 * <p>Canonical pose (THEORY.md section 7): the permutation that sorts the points lexicographically.
 */
final class PermutationGroup extends FiniteGroup {
    /** {@code 8! = 40320} elements at most in {@link #elements}. */
    static final int MAX_LISTED_POINTS = 8;

    private final int m;

    PermutationGroup(int m) {
        this.m = m;
    }

    int points() {
        return m;
    }

    @Override
    Kind kind() {
        return Kind.PERM;
    }

    @Override
    public String spec() {
        return "perm:" + m;
    }

    @Override
    int dimensionMultiple() {
        return m;
    }

    /** {@code m!}, saturating at {@link Long#MAX_VALUE} for {@code m > 20}. */
    @Override
    public long order(int dim) {
        long f = 1;
        for (int i = 2; i <= m; i++) {
            if (f > Long.MAX_VALUE / i) {
                return Long.MAX_VALUE;
            }
            f *= i;
        }
        return f;
    }

    @Override
    public List<GroupElement> elements(int dim, int resolution) {
        checkDimension(dim);
        if (m > MAX_LISTED_POINTS) {
            throw InvalidInputException.of("--group %s: %d! permutations are too many to list (at most m = %d points, "
                    + "8! = 40320 elements); use the orbit distance or random elements instead", spec(), m, MAX_LISTED_POINTS);
        }
        int p = dim / m;
        List<GroupElement> out = new ArrayList<>();
        int[] perm = new int[m];
        for (int i = 0; i < m; i++) {
            perm[i] = i;
        }
        // Lexicographic next-permutation enumeration.
        while (true) {
            out.add(new Elements.BlockPermutation(perm, p));
            int i = m - 2;
            while (i >= 0 && perm[i] > perm[i + 1]) {
                i--;
            }
            if (i < 0) {
                return out;
            }
            int j = m - 1;
            while (perm[j] < perm[i]) {
                j--;
            }
            swap(perm, i, j);
            for (int a = i + 1, b = m - 1; a < b; a++, b--) {
                swap(perm, a, b);
            }
        }
    }

    private static void swap(int[] a, int i, int j) {
        int t = a[i];
        a[i] = a[j];
        a[j] = t;
    }

    @Override
    public GroupElement random(int dim, SplittableRandom rng) {
        int[] perm = new int[m];
        for (int i = 0; i < m; i++) {
            perm[i] = i;
        }
        for (int i = m - 1; i > 0; i--) {
            swap(perm, i, rng.nextInt(i + 1));
        }
        return new Elements.BlockPermutation(perm, dim / m);
    }

    @Override
    public GroupElement canonicalPose(double[] x) {
        int p = x.length / m;
        Integer[] order = new Integer[m];
        for (int i = 0; i < m; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> {
            for (int c = 0; c < p; c++) {
                int r = Double.compare(x[a * p + c], x[b * p + c]);
                if (r != 0) {
                    return r;
                }
            }
            return Integer.compare(a, b);
        });
        int[] perm = new int[m];
        for (int i = 0; i < m; i++) {
            perm[i] = order[i];
        }
        return new Elements.BlockPermutation(perm, p);
    }

    /** Fills {@code cost} with the {@code m x m} squared distances between the points of two slices. */
    private void costs(double[] x, int xOffset, double[] y, int yOffset, int dim, double[] cost) {
        int p = dim / m;
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < m; j++) {
                double s = 0;
                for (int c = 0; c < p; c++) {
                    double t = x[xOffset + i * p + c] - y[yOffset + j * p + c];
                    s += t * t;
                }
                cost[i * m + j] = s;
            }
        }
    }

    @Override
    double distanceVectors(double[] x, double[] y) {
        return distanceSlices(x, 0, y, 0, x.length);
    }

    @Override
    double distanceSlices(double[] a, int aOffset, double[] b, int bOffset, int dim) {
        LinearAssignment.Workspace w = LinearAssignment.workspace(m);
        costs(a, aOffset, b, bOffset, dim, w.cost);
        return Math.sqrt(w.solve());
    }

    @Override
    Alignment alignVectors(double[] x, double[] y) {
        LinearAssignment.Workspace w = LinearAssignment.workspace(m);
        costs(x, 0, y, 0, x.length, w.cost);
        double s = w.solve();
        return new Alignment(new Elements.BlockPermutation(w.rowToCol(), x.length / m), Math.sqrt(s), true);
    }

    @Override
    double[] embedding(double[] x) {
        int p = x.length / m;
        double[] phi = new double[x.length];
        double[] col = new double[m];
        for (int c = 0; c < p; c++) {
            for (int i = 0; i < m; i++) {
                col[i] = x[i * p + c];
            }
            Arrays.sort(col);
            System.arraycopy(col, 0, phi, c * m, m);
        }
        return phi;
    }

    /**
     * The sorted norms of the {@code m} points: invariant under permutations and under any isometry of
     * each point that is common to all points (rotations of its 2- or 3-blocks, sign), and 1-Lipschitz
     * for the same reason as {@link #embedding} ({@code ||x_i| - |y_j|| <= |x_i - y_j|}, then sorted
     * matching of reals).
     */
    double[] sortedPointNorms(double[] x) {
        double[] norms = Vectors.blockNorms(x, x.length / m);
        Arrays.sort(norms);
        return norms;
    }
}
