package org.repgap.group;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Random elements follow the Haar (uniform) law; quadrature grids integrate low moments. Tolerances are
 * four standard errors of the sample means over {@value #N} draws.
 */
class RandomElementsTest {
    private static final int N = 20_000;

    @Test
    void so2AnglesAreUniform() {
        SplittableRandom rng = new SplittableRandom(21);
        double c = 0;
        double s = 0;
        double c2 = 0;
        for (int i = 0; i < N; i++) {
            Elements.Rotation2 r = (Elements.Rotation2) Groups.so2().random(2, rng);
            c += r.cos();
            s += r.sin();
            c2 += r.cos() * r.cos();
        }
        // sd(cos) = 1/sqrt(2), sd(cos^2) = sqrt(1/8): standard errors 0.005 and 0.0025.
        assertEquals(0, c / N, 0.02);
        assertEquals(0, s / N, 0.02);
        assertEquals(0.5, c2 / N, 0.01);
    }

    @Test
    void so3RotationsAreHaar() {
        SplittableRandom rng = new SplittableRandom(22);
        double[] moments = traceMoments(java.util.stream.Stream.generate(() -> Groups.so3().random(3, rng)).limit(N).toList());
        // Haar on SO(3): E tr R = 0, E (tr R)^2 = 1 (tr R = 1 + 2 cos(angle), angle density (1 - cos)/pi);
        // sd(tr) = 1 and sd(tr^2) = sqrt(E tr^4 - 1) = sqrt(2): standard errors 0.007 and 0.01.
        assertEquals(0, moments[0], 0.03);
        assertEquals(1, moments[1], 0.04);
    }

    @Test
    void so3QuadratureIntegratesTraceMoments() {
        double[] moments = traceMoments(Groups.so3().elements(3, 4000));
        // A low-discrepancy grid of 4000 is far better than 4000 random draws (measured: errors 2e-4 and 9e-4).
        assertEquals(0, moments[0], 0.01);
        assertEquals(1, moments[1], 0.01);
    }

    private static double[] traceMoments(List<GroupElement> rotations) {
        double t = 0;
        double t2 = 0;
        for (GroupElement g : rotations) {
            double[] r = ((Elements.Rotation3) g).r();
            double tr = r[0] + r[4] + r[8];
            t += tr;
            t2 += tr * tr;
        }
        return new double[] {t / rotations.size(), t2 / rotations.size()};
    }

    @Test
    void permutationsAreUniform() {
        SplittableRandom rng = new SplittableRandom(23);
        Map<String, Integer> counts = new HashMap<>();
        int n = 24_000;
        for (int i = 0; i < n; i++) {
            Elements.BlockPermutation p = (Elements.BlockPermutation) Groups.perm(4).random(8, rng);
            counts.merge(java.util.Arrays.toString(p.perm()), 1, Integer::sum);
        }
        assertEquals(24, counts.size());
        double chi2 = counts.values().stream().mapToDouble(c -> (c - 1000.0) * (c - 1000.0) / 1000.0).sum();
        // chi-square with 23 degrees of freedom: P(chi2 > 49.7) = 0.001.
        assertTrue(chi2 < 49.7, "chi2 = " + chi2);
    }

    @Test
    void finiteGroupsDrawEveryElementEvenly() {
        SplittableRandom rng = new SplittableRandom(24);
        for (String spec : new String[] {"sign", "signs", "cyclic", "dihedral", "signxcyclic"}) {
            SymmetryGroup g = Groups.parse(spec);
            int dim = 3;
            List<GroupElement> all = g.elements(dim, 0);
            double[] probe = {0.3, -1.1, 2.0};
            int[] counts = new int[all.size()];
            int n = 2000 * all.size();
            for (int i = 0; i < n; i++) {
                double[] image = g.random(dim, rng).apply(probe);
                for (int j = 0; j < all.size(); j++) {
                    if (Vectors.distance(image, all.get(j).apply(probe)) < 1e-12) {
                        counts[j]++;
                    }
                }
            }
            double chi2 = 0;
            for (int c : counts) {
                chi2 += (c - 2000.0) * (c - 2000.0) / 2000.0;
            }
            // At most 11 degrees of freedom: P(chi2 > 31.3) = 0.001.
            assertTrue(chi2 < 31.3, spec + ": chi2 = " + chi2 + " over " + all.size() + " elements");
        }
    }

    @Test
    void translationsAreStandardNormalShifts() {
        SplittableRandom rng = new SplittableRandom(25);
        double m = 0;
        double v = 0;
        for (int i = 0; i < N; i++) {
            double[] t = ((Elements.Translation) Groups.translation(1).random(1, rng)).t();
            m += t[0];
            v += t[0] * t[0];
        }
        assertEquals(0, m / N, 0.03);
        assertEquals(1, v / N, 0.04);
    }

    @Test
    void sameSeedSameElements() {
        for (String spec : new String[] {"so3", "perm:8xso2", "translation:2xso2", "signs"}) {
            SymmetryGroup g = Groups.parse(spec);
            double[] probe = new GroupCase(spec, 48).gaussian(new SplittableRandom(1));
            double[] a = g.random(48, new SplittableRandom(7)).apply(probe);
            double[] b = g.random(48, new SplittableRandom(7)).apply(probe);
            assertEquals(0, Vectors.distance(a, b), 0, spec);
        }
    }
}
