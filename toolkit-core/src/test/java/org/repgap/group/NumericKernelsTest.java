package org.repgap.group;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The FFT against the O(n^2) DFT sum, the assignment solver against enumeration of all permutations. */
class NumericKernelsTest {

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 5, 7, 8, 12, 16, 31, 64, 100, 127})
    void fftMatchesTheDefinition(int n) {
        SplittableRandom rng = new SplittableRandom(n);
        double[] re = new double[n];
        double[] im = new double[n];
        for (int j = 0; j < n; j++) {
            re[j] = Gaussian.next(rng);
            im[j] = Gaussian.next(rng);
        }
        double[] er = new double[n];
        double[] ei = new double[n];
        for (int k = 0; k < n; k++) {
            for (int j = 0; j < n; j++) {
                double a = -2 * Math.PI * ((long) j * k % n) / n;
                er[k] += re[j] * Math.cos(a) - im[j] * Math.sin(a);
                ei[k] += re[j] * Math.sin(a) + im[j] * Math.cos(a);
            }
        }
        double[] fr = re.clone();
        double[] fi = im.clone();
        Fft.of(n).transform(fr, fi);
        // Rounding of both grows like eps * sqrt(n) * |x|: 1e-10 is far above it, far below any indexing error.
        assertArrayEquals(er, fr, 1e-10);
        assertArrayEquals(ei, fi, 1e-10);
        Fft.of(n).inverse(fr, fi);
        assertArrayEquals(re, fr, 1e-12);
        assertArrayEquals(im, fi, 1e-12);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7})
    void assignmentMatchesEnumeration(int m) {
        SplittableRandom rng = new SplittableRandom(100 + m);
        for (int trial = 0; trial < 20; trial++) {
            double[] cost = new double[m * m];
            for (int i = 0; i < cost.length; i++) {
                // Integer costs make ties frequent, which exercises the tie handling of the potentials.
                cost[i] = trial % 2 == 0 ? rng.nextInt(5) : rng.nextDouble();
            }
            int[] sigma = LinearAssignment.solve(cost, m);
            boolean[] seen = new boolean[m];
            double total = 0;
            for (int i = 0; i < m; i++) {
                seen[sigma[i]] = true;
                total += cost[i * m + sigma[i]];
            }
            for (boolean s : seen) {
                assertEquals(true, s, "a permutation");
            }
            double best = Double.POSITIVE_INFINITY;
            for (GroupElement e : Groups.perm(m).elements(m, 0)) {
                int[] p = ((Elements.BlockPermutation) e).perm();
                double t = 0;
                for (int i = 0; i < m; i++) {
                    t += cost[i * m + p[i]];
                }
                best = Math.min(best, t);
            }
            assertEquals(best, total, 1e-12);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3, 4})
    void closedFormSymmetricEigenvaluesMatchCommonsMath(int kind) {
        SplittableRandom rng = new SplittableRandom(200 + kind);
        for (int trial = 0; trial < 50; trial++) {
            double[][] a = new double[3][3];
            double[] v = {Gaussian.next(rng), Gaussian.next(rng), Gaussian.next(rng)};
            for (int i = 0; i < 3; i++) {
                for (int j = i; j < 3; j++) {
                    double e = switch (kind) {
                        case 0 -> Gaussian.next(rng);
                        case 1 -> i == j ? 2.5 : 0;              // multiple of the identity
                        case 2 -> v[i] * v[j];                   // rank one
                        case 3 -> i == j ? (i == 2 ? 1 : 4) : 0; // a double eigenvalue
                        default -> 1e6 * Gaussian.next(rng);      // large scale
                    };
                    a[i][j] = e;
                    a[j][i] = e;
                }
            }
            double[] got = So3Group.symmetricEigenvalues(a[0][0], a[1][1], a[2][2], a[0][1], a[0][2], a[1][2]);
            double[] want = new org.apache.commons.math3.linear.EigenDecomposition(
                    new org.apache.commons.math3.linear.Array2DRowRealMatrix(a)).getRealEigenvalues();
            java.util.Arrays.sort(want);
            double scale = Math.max(1, Math.abs(want[0]) + Math.abs(want[2]));
            // Away from repeated eigenvalues (1 - |r| > 1e-6, the condition under which the so3 metric uses them)
            // the error is ~1e-13 of the spectral scale; near them acos loses half the digits (~1e-8).
            double tol = got[3] > 1e-6 ? 1e-10 : 1e-7;
            assertArrayEquals(new double[] {want[2], want[1], want[0]}, java.util.Arrays.copyOf(got, 3), tol * scale);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {3, 6, 9, 30})
    void so3OnePassDistanceMatchesKabsch(int dim) {
        SplittableRandom rng = new SplittableRandom(300 + dim);
        OrbitMetric m = Groups.so3().orbitMetric(dim);
        for (int trial = 0; trial < 100; trial++) {
            double[] x = new double[dim];
            double[] y = new double[dim];
            for (int i = 0; i < dim; i++) {
                // Every fourth trial is planar (z = 0): s_3 = 0 takes the Kabsch fallback.
                boolean flat = trial % 4 == 0 && i % 3 == 2;
                x[i] = flat ? 0 : Gaussian.next(rng);
                y[i] = flat ? 0 : Gaussian.next(rng);
            }
            if (trial % 5 == 1) {
                y = Groups.so3().random(dim, rng).apply(x);
                y[0] += 1e-7;
            }
            assertEquals(m.align(x, y).distance(), m.distance(x, y), 1e-9);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {2})
    void assignmentRejectsNaN(int m) {
        assertThrows(IllegalArgumentException.class, () -> LinearAssignment.solve(new double[] {Double.NaN, 1, 1, Double.NaN}, m));
    }
}
