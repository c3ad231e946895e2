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
    @ValueSource(ints = {2})
    void assignmentRejectsNaN(int m) {
        assertThrows(IllegalArgumentException.class, () -> LinearAssignment.solve(new double[] {Double.NaN, 1, 1, Double.NaN}, m));
    }
}
