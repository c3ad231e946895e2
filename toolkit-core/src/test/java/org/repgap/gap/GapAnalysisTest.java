package org.repgap.gap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.repgap.InvalidInputException;
import org.repgap.data.PointCloud;
import org.repgap.group.Groups;
import org.repgap.group.SymmetryGroup;
import org.repgap.json.Json;
import org.repgap.neighbors.Metric;
import org.repgap.neighbors.NeighborSearch;
import org.repgap.progress.Progress;

class GapAnalysisTest {

    @Test
    void leaveOneOutAndTestSetMatchNaiveOracle() {
        PointCloud x = Manifolds.sphere(300, 3, 1);
        PointCloud q = Manifolds.sphere(50, 3, 2);
        double loo = 0;
        for (int i = 0; i < x.n(); i++) {
            double best = Double.POSITIVE_INFINITY;
            for (int j = 0; j < x.n(); j++) {
                if (j != i) {
                    best = Math.min(best, x.squaredDistance(i, j));
                }
            }
            loo += best / x.n();
        }
        double test = 0;
        for (int i = 0; i < q.n(); i++) {
            double best = Double.POSITIVE_INFINITY;
            for (int j = 0; j < x.n(); j++) {
                double s = 0;
                for (int c = 0; c < 4; c++) {
                    s += Math.pow(q.get(i, c) - x.get(j, c), 2);
                }
                best = Math.min(best, s);
            }
            test += best / q.n();
        }
        NeighborSearch brute = NeighborSearch.bruteForce(Metric.euclidean());
        GapEstimate e = RepresentationGap.leaveOneOut(x, brute);
        assertEquals(loo, e.value(), 1e-12 * loo);
        assertEquals(299, e.n());
        assertEquals(test, RepresentationGap.withTestSet(x, q, brute).value(), 1e-12 * test);
    }

    @Test
    void duplicatesCountAsZeroAndAreReported() {
        PointCloud x = PointCloud.of(new double[][] {{0, 0}, {0, 0}, {3, 4}});
        GapEstimate e = RepresentationGap.leaveOneOut(x, NeighborSearch.bruteForce(Metric.euclidean()));
        assertEquals(2, e.zeroDistances());
        assertEquals(25.0 / 3, e.value(), 1e-12);
    }

    @Test
    void torusMetricWraps() {
        TorusMetric t = TorusMetric.unit();
        assertEquals(0.2, t.distance(new double[] {0.05}, new double[] {0.85}), 1e-12);
        assertEquals(Math.hypot(0.1, 0.3), t.distance(new double[] {0.95, 0.1}, new double[] {0.05, 2.8}), 1e-12);
        assertEquals(0.5, TorusMetric.withPeriod(2).distance(new double[] {-0.25}, new double[] {1.25}), 1e-12);
        assertThrows(InvalidInputException.class, () -> TorusMetric.withPeriod(Double.NaN));
    }

    /** With a test set the estimate is unbiased: on T^2 it matches the exact finite-n law at every n (5 seeds). */
    @Test
    void testSetCurveMatchesExactLawOnTorus() {
        PointCloud x = Manifolds.torus(5000, 2, 7);
        RepresentationGapCurve.Result c = RepresentationGapCurve.compute(x, NeighborSearch.bruteForce(TorusMetric.unit()),
                RepresentationGapCurve.Options.testSet(new int[] {100, 400, 1600}, 5, 3, 0.2), Progress.NONE);
        for (RepresentationGapCurve.CurvePoint p : c.points()) {
            // 5 seeds x 1000 test points, CV of a squared NN distance in d = 2 is 1 (plus training-set noise): 4%
            assertEquals(1.0, p.rgMean() / Manifolds.torusExact(2, p.n()), 0.04, "n=" + p.n());
            assertEquals(5, p.seeds());
        }
        assertEquals(1000, c.testPoints());
    }

    @Test
    void curveIsDeterministicAndNestedDiffersFromIndependent() {
        PointCloud x = Manifolds.torus(2000, 3, 8);
        NeighborSearch s = NeighborSearch.bruteForce(TorusMetric.unit());
        RepresentationGapCurve.Options o = RepresentationGapCurve.Options.leaveOneOut(new int[] {100, 300}, 2, 42);
        RepresentationGapCurve.Result a = RepresentationGapCurve.compute(x, s, o, Progress.NONE);
        RepresentationGapCurve.Result b = RepresentationGapCurve.compute(x, s, o, Progress.NONE);
        assertArrayEquals(a.points().get(1).rgValues(), b.points().get(1).rgValues(), 0);
        RepresentationGapCurve.Result ind = RepresentationGapCurve.compute(x, s, o.withSubsampling(RepresentationGapCurve.Subsampling.INDEPENDENT), Progress.NONE);
        // the first size of both schemes is a different draw
        assertNotEquals(a.points().get(1).rgValues()[0], ind.points().get(1).rgValues()[0]);
        assertEquals(299, a.points().get(1).gapSize());
    }

    @Test
    void badOptionsAreNamed() {
        PointCloud x = Manifolds.torus(100, 2, 1);
        NeighborSearch s = NeighborSearch.bruteForce(TorusMetric.unit());
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> RepresentationGapCurve.compute(x, s, RepresentationGapCurve.Options.testSet(new int[] {50, 90}, 1, 0, 0.2), Progress.NONE));
        assertTrue(e.getMessage().contains("--sizes") && e.getMessage().contains("80"), e.getMessage());
        assertThrows(InvalidInputException.class, () -> RepresentationGapCurve.Options.leaveOneOut(new int[] {50, 40}, 1, 0));
        assertThrows(InvalidInputException.class, () -> RepresentationGapCurve.Options.leaveOneOut(new int[] {1}, 1, 0));
        assertThrows(InvalidInputException.class, () -> RepresentationGapCurve.Options.leaveOneOut(new int[] {10}, 0, 0));
        assertThrows(InvalidInputException.class, () -> RepresentationGapCurve.Options.testSet(new int[] {10}, 1, 0, Double.NaN));
    }

    /** For k = 1 the Renyi constant is (N - 1)^(2/d) times the leave-one-out gap (THEORY.md section 4). */
    @Test
    void renyiConstantWithKOneIsLeaveOneOut() {
        PointCloud x = Manifolds.sphere(1000, 2, 3);
        NeighborSearch s = NeighborSearch.bruteForce(Metric.euclidean());
        AsymptoticLaw law = AsymptoticLaw.estimate(x, s, 2, "given", 1, 1, AsymptoticLaw.Route.QUOTIENT);
        assertEquals(RepresentationGap.leaveOneOut(x, s).value() * 999, law.constant(), 1e-9 * law.constant());
        assertEquals(law.constant() / 999, law.predict(999), 1e-12);
    }

    /** Renyi constant with k = 5 on T^3 (N = 5000) against the closed form: CV of the k = 5 estimate is about 0.4%. */
    @Test
    void renyiConstantMatchesClosedFormOnTorus() {
        PointCloud x = Manifolds.torus(5000, 3, 4);
        AsymptoticLaw law = AsymptoticLaw.estimate(x, NeighborSearch.bruteForce(TorusMetric.unit()), 3, "given", 5, 1,
                AsymptoticLaw.Route.QUOTIENT);
        assertEquals(1.0, law.constant() / AsymptoticLaw.uniformConstant(3, 1), 0.02);
        assertEquals(2.0 / 3, law.exponent(), 1e-15);
    }

    @Test
    void unitBallVolumes() {
        assertEquals(2, AsymptoticLaw.unitBallVolume(1), 1e-14);
        assertEquals(Math.PI, AsymptoticLaw.unitBallVolume(2), 1e-14);
        assertEquals(4 * Math.PI / 3, AsymptoticLaw.unitBallVolume(3), 1e-14);
        assertEquals(Math.PI * Math.PI / 2, AsymptoticLaw.unitBallVolume(4), 1e-13);
        assertThrows(InvalidInputException.class, () -> AsymptoticLaw.unitBallVolume(0));
    }

    /**
     * Full analysis on T^2 (torus metric injected as the search): the implied d and the law.
     * Leave-one-out, sizes 125..2000, 5 seeds (bootstrap interval over seeds).
     */
    @Test
    void analysisRecoversDimensionAndLawOnTorus() {
        PointCloud x = Manifolds.torus(2000, 2, 9);
        GapAnalysis.Options o = GapAnalysis.Options.of(RepresentationGapCurve.Options.leaveOneOut(new int[] {125, 250, 500, 1000, 2000}, 5, 1));
        GapAnalysis.Result r = GapAnalysis.run(x, Groups.none(), m -> NeighborSearch.bruteForce(TorusMetric.unit()), o, null, Progress.NONE);
        assertEquals(2.0, r.fit().dimension(), 0.1);
        assertTrue(r.fit().slopeCiLow() < -1.0 + 0.1 && r.fit().slopeCiHigh() > -1.0 - 0.1);
        assertEquals("bootstrap-seeds", r.fit().method());
        assertEquals("curve", r.law().dimensionSource());
        for (AsymptoticLaw.Check c : r.comparison()) {
            // 4 standard errors of a 5-seed leave-one-out mean (CV 1 in d = 2, x1.5 for dependence) plus 2% for the constant
            assertEquals(1.0, c.ratio(), 0.02 + 4 * 1.5 / Math.sqrt(5.0 * c.n()), "n=" + c.n());
        }
        String json = Json.write(r);
        assertTrue(json.contains("\"rg_mean\"") && json.contains("\"dimension\"") && json.contains("\"dimension_source\"") && json.contains("\"ci_level\""), json);
        GapAnalysis.Result given = GapAnalysis.run(x, Groups.none(), m -> NeighborSearch.bruteForce(TorusMetric.unit()), o.withD(2.0),
                null, Progress.NONE);
        assertEquals("given", given.law().dimensionSource());
        assertEquals(1.0, given.law().constant() / AsymptoticLaw.uniformConstant(2, 1), 0.03);
    }

    /**
     * A free finite group: both routes of the constant agree (ambient: Euclidean neighbours and
     * |G| n; quotient: orbit neighbours) and predict the measured curve (sign flip on S^2).
     */
    @Test
    void finiteGroupRoutesAgree() {
        PointCloud x = Manifolds.sphere(3000, 2, 10);
        RepresentationGapCurve.Options c = RepresentationGapCurve.Options.leaveOneOut(new int[] {500, 1500, 3000}, 1, 2);
        GapAnalysis.Options auto = new GapAnalysis.Options(c, SlopeFit.Options.defaults(), 2.0, null, 5, null);
        GapAnalysis.Options quotient = new GapAnalysis.Options(c, SlopeFit.Options.defaults(), 2.0, null, 5, AsymptoticLaw.Route.QUOTIENT);
        GapAnalysis.Result a = GapAnalysis.run(x, org.repgap.group.Groups.sign(), NeighborSearch::bruteForce, auto, null, Progress.NONE);
        GapAnalysis.Result q = GapAnalysis.run(x, org.repgap.group.Groups.sign(), NeighborSearch::bruteForce, quotient, null, Progress.NONE);
        assertEquals("ambient", a.law().route());
        assertEquals(2.0, a.law().sampleMultiplier());
        assertEquals(1.0, a.law().predict(1000) / q.law().predict(1000), 0.03);
        for (AsymptoticLaw.Check ch : a.comparison()) {
            assertEquals(1.0, ch.ratio(), 0.06, "n=" + ch.n());
        }
        assertEquals(2L, a.group().order());
    }

    /**
     * The gap is in the data's units squared: times 1e100 the curve is 1e200 times the unscaled one and the implied d
     * the same (slope to 1e-9, rounding only); times 1e160 (squared distances overflow: the gap was NaN) and 1e-200
     * (they underflow: the gap was 0) the data are refused with one line naming the magnitude (issue 12, defect 4).
     */
    @Test
    void extremeMagnitudesGiveTheSameSlopeOrAreRefused() {
        PointCloud x = Manifolds.sphere(400, 2, 4);
        GapAnalysis.Options o = GapAnalysis.Options.of(RepresentationGapCurve.Options.leaveOneOut(new int[] {100, 200, 400}, 1, 3));
        GapAnalysis.Result ref = GapAnalysis.run(x, Groups.none(), NeighborSearch::bruteForce, o, null, Progress.NONE);
        GapAnalysis.Result big = GapAnalysis.run(times(x, 1e100), Groups.none(), NeighborSearch::bruteForce, o, null, Progress.NONE);
        assertEquals(ref.fit().dimension(), big.fit().dimension(), 1e-9);
        assertEquals(1.0, big.curve().get(0).rgMean() / (1e200 * ref.curve().get(0).rgMean()), 1e-9);
        for (double factor : new double[] {1e160, 1e-200}) {
            InvalidInputException e = assertThrows(InvalidInputException.class,
                    () -> GapAnalysis.run(times(x, factor), Groups.none(), NeighborSearch::bruteForce, o, null, Progress.NONE));
            assertTrue(e.getMessage().contains("largest |x|") && e.getMessage().contains("power of ten"), e.getMessage());
        }
    }

    private static PointCloud times(PointCloud x, double factor) {
        double[] v = x.values().clone();
        for (int i = 0; i < v.length; i++) {
            v[i] *= factor;
        }
        return PointCloud.wrap(x.n(), x.dim(), v, "sphere x " + factor);
    }

    private static double impliedD(SymmetryGroup g) {
        PointCloud x = org.repgap.datasets.Datasets.generate("rotating-pair", 4000, 5);
        GapAnalysis.Options o = GapAnalysis.Options.of(RepresentationGapCurve.Options.leaveOneOut(new int[] {250, 500, 1000, 2000, 4000}, 1, 3));
        return GapAnalysis.run(x, g, NeighborSearch::bruteForce, o, null, Progress.NONE).fit().dimension();
    }

    /**
     * The example of the brief (a 3-manifold in R^4 with a free circle action): without the group
     * the curve implies d near 3, modulo so2 near 2 = 3 - 1. The
     * quotient (angle p, radius r) has a boundary in r, which biases the slope slightly (n^(-1/d)
     * correction), hence tolerances of 0.35.
     */
    @Test
    void circleActionLowersImpliedDimensionWithSo2() {
        assertEquals(3.0, impliedD(Groups.none()), 0.35);
        SymmetryGroup so2 = Groups.parse("so2");
        assertEquals(2.0, impliedD(so2), 0.35);
        assertEquals(1, so2.lieDimension(4));
    }

    /** An exact power law RG = 3 n^(-1/2) (d = 4): OLS recovers the slope, a zero-width interval, d = 4. */
    @Test
    void slopeFitOnExactPowerLaw() {
        int[] n = {100, 200, 400, 800};
        java.util.List<RepresentationGapCurve.CurvePoint> pts = new java.util.ArrayList<>();
        for (int v : n) {
            double rg = 3 * Math.pow(v, -0.5);
            pts.add(new RepresentationGapCurve.CurvePoint(v, v, rg, 0.0, 3, new double[] {rg, rg, rg}, 0));
        }
        RepresentationGapCurve.Result curve = new RepresentationGapCurve.Result(pts, RepresentationGapCurve.Evaluation.TEST_SET, RepresentationGapCurve.Subsampling.NESTED,
                10, "euclidean", null);
        SlopeFit f = SlopeFit.fit(curve, SlopeFit.Options.defaults(), Progress.NONE);
        assertEquals("ols", f.method());
        assertEquals(-0.5, f.slope(), 1e-12);
        assertEquals(4.0, f.dimension(), 1e-10);
        assertEquals(Math.log(3), f.intercept(), 1e-12);
        assertEquals(-0.5, f.slopeCiLow(), 1e-9);
        assertEquals(-0.5, f.slopeCiHigh(), 1e-9);
        SlopeFit b = SlopeFit.fit(curve, new SlopeFit.Options(SlopeFit.Method.BOOTSTRAP, 0.9, 50, 1), Progress.NONE);
        assertEquals("bootstrap-seeds", b.method());
        assertEquals(-0.5, b.slopeCiLow(), 1e-12);
    }
}
