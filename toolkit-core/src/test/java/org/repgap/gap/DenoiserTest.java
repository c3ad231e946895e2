package org.repgap.gap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.repgap.InvalidInputException;
import org.repgap.data.PointCloud;
import org.repgap.group.Groups;
import org.repgap.group.SymmetryGroup;
import org.repgap.neighbors.NeighborSearch;
import org.repgap.progress.Progress;

class DenoiserTest {
    private static final double[][] TRAIN = {{1, 0, 0}, {0, 2, 0}, {0.5, 0.5, 1}, {-1, 0.2, 0.3}};

    /** The formula of THEORY.md section 2 written out naively (no shift; fine at moderate sigma). */
    private static double[] naive(double[][] orbit, double[] y, double sigma) {
        double[] num = new double[y.length];
        double den = 0;
        for (double[] p : orbit) {
            double d2 = 0;
            for (int c = 0; c < y.length; c++) {
                d2 += (y[c] - p[c]) * (y[c] - p[c]);
            }
            double w = Math.exp(-d2 / (2 * sigma * sigma));
            den += w;
            for (int c = 0; c < y.length; c++) {
                num[c] += w * p[c];
            }
        }
        for (int c = 0; c < y.length; c++) {
            num[c] /= den;
        }
        return num;
    }

    @Test
    void matchesNaiveFormulaForTrivialAndSignGroups() {
        double[] y = {0.3, 0.7, -0.2};
        IdealDenoiser plain = IdealDenoiser.of(PointCloud.of(TRAIN), Groups.none(), 1);
        IdealDenoiser sign = IdealDenoiser.of(PointCloud.of(TRAIN), org.repgap.group.Groups.sign(), 1);
        double[][] orbit = new double[2 * TRAIN.length][];
        for (int i = 0; i < TRAIN.length; i++) {
            orbit[2 * i] = TRAIN[i];
            orbit[2 * i + 1] = new double[] {-TRAIN[i][0], -TRAIN[i][1], -TRAIN[i][2]};
        }
        for (double sigma : new double[] {0.2, 0.7, 3}) {
            assertArrayEquals(naive(TRAIN, y, sigma), plain.denoise(y, sigma), 1e-12);
            assertArrayEquals(naive(orbit, y, sigma), sign.denoise(y, sigma), 1e-12);
        }
        assertEquals(8, sign.orbitPoints());
    }

    @Test
    void isEquivariant() {
        IdealDenoiser sign = IdealDenoiser.of(PointCloud.of(TRAIN), org.repgap.group.Groups.sign(), 1);
        double[] y = {0.3, 0.7, -0.2};
        double[] minusY = {-0.3, -0.7, 0.2};
        double[] a = sign.denoise(y, 0.5);
        double[] b = sign.denoise(minusY, 0.5);
        for (int c = 0; c < 3; c++) {
            assertEquals(-a[c], b[c], 1e-12);
        }
    }

    @Test
    void extremeSigmasAreStable() {
        IdealDenoiser d = IdealDenoiser.of(PointCloud.of(TRAIN), Groups.none(), 1);
        double[] y = {0.9, 0.1, 0.05};
        // sigma^2 underflows to 0: the nearest training point, not NaN
        assertArrayEquals(TRAIN[0], d.denoise(y, 1e-200), 0);
        // naive exp(-d2 / 2 sigma^2) underflows for every point at sigma = 1e-3: still the nearest
        assertArrayEquals(TRAIN[0], d.denoise(y, 1e-3), 0);
        // huge sigma: the mean of the training points
        assertArrayEquals(new double[] {0.125, 0.675, 0.325}, d.denoise(y, 1e8), 1e-9);
        assertThrows(InvalidInputException.class, () -> d.denoise(y, 0));
        assertThrows(InvalidInputException.class, () -> d.denoise(y, Double.NaN));
        assertThrows(InvalidInputException.class, () -> d.denoise(new double[2], 1));
    }

    static Stream<Arguments> groups() {
        return Stream.of(Arguments.of(Groups.none()), Arguments.of(org.repgap.group.Groups.sign()));
    }

    /**
     * As sigma falls, GG(sigma) tends to RG_n^G measured on the same test points: within 1% at
     * sigma = 1e-3 (about 1% of the nearest-neighbour spacing, so the noise moves a query by far less
     * than the gap between orbit points), while at sigma = 0.3 (larger than the spacing) it is far off.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("groups")
    void gapTendsToRepresentationGapAsSigmaFalls(SymmetryGroup group) {
        PointCloud train = Manifolds.sphere(400, 2, 11);
        PointCloud test = Manifolds.sphere(300, 2, 12);
        DenoisingGap.Result r = DenoisingGap.compute(train, test, group, NeighborSearch.bruteForce(group.orbitMetric(3)),
                new DenoisingGap.Options(new double[] {0.3, 0.03, 0.001}, 1, 1000, 5), Progress.NONE);
        double rg = r.representationGap();
        assertEquals(1.0, r.points().get(2).gap() / rg, 0.01);
        assertTrue(r.points().get(2).trainError() < 1e-4 * rg, "training error vanishes");
        assertTrue(org.repgap.json.Json.write(r).contains("\"representation_gap\""));
        assertTrue(Math.abs(r.points().get(0).gap() / rg - 1) > 0.2, "at large sigma the ideal gap is not RG");
        assertTrue(Math.abs(r.points().get(1).gap() - rg) > Math.abs(r.points().get(2).gap() - rg), "approaches RG as sigma falls");
    }

    /**
     * so2 by quadrature (test-only rotation group, 360 angles): the limit of GG is RG_n^G up to the
     * quadrature error, at most (pi |x| / 360)^2 = 4e-4 in squared distance for |x| <= sqrt 5, about
     * 1% of RG here; tolerance 3%.
     */
    @Test
    void continuousGroupByQuadrature() {
        PointCloud train = org.repgap.datasets.Datasets.generate("rotating-pair", 200, 21);
        PointCloud test = org.repgap.datasets.Datasets.generate("rotating-pair", 100, 22);
        org.repgap.group.SymmetryGroup g = org.repgap.group.Groups.so2();
        DenoisingGap.Result r = DenoisingGap.compute(train, test, g, NeighborSearch.bruteForce(g.orbitMetric(4)),
                new DenoisingGap.Options(new double[] {1e-3}, 360, 100, 1), Progress.NONE);
        assertEquals(72000, r.orbitPoints());
        assertEquals(1.0, r.points().get(0).gap() / r.representationGap(), 0.03);
        assertTrue(r.points().get(0).gap() >= r.representationGap() * 0.999, "the grid can only be farther than the exact orbit");
    }
}
