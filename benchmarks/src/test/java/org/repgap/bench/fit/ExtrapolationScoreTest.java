package org.repgap.bench.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.repgap.fit.Laws;
import org.repgap.fit.LearningCurve;

/**
 * The extrapolation benchmark's scoring against hand computations on tiny curves, so that the figures in
 * {@code docs/fit.md} cannot drift with a change of the score, the cut or the split.
 */
class ExtrapolationScoreTest {

    @Test
    void rmsleOfOpposedRatiosIsTheirLogarithm() {
        // log(0.2/0.25) = -log 1.25 and log(0.05/0.04) = +log 1.25, so RMSLE = log 1.25 = 0.22314355131420976
        assertEquals(0.22314355131420976, ExtrapolationScore.rmsle(new double[] {0.2, 0.05}, new double[] {0.25, 0.04}), 1e-15);
    }

    @Test
    void rmsleOfAPowerLawOnAHeldOutCurveWithReplicates() {
        // L = 2 x^(-1/2) at x = 100, 1000 predicts 0.2 and 0.0632455532; observed: mean(0.2, 0.3) = 0.25 and 0.04.
        // errors log(0.2/0.25) = -0.2231435513, log(0.0632455532/0.04) = 0.4581453659;
        // squares 0.0497930 + 0.2098972 = 0.2596902, / 2 = 0.1298451, sqrt = 0.3603402703
        LearningCurve test = LearningCurve.ofColumn(new double[] {100, 100, 1000}, new double[] {0.2, 0.3, 0.04});
        assertEquals(0.3603402703159443, ExtrapolationScore.rmsle(Laws.power(), new double[] {2, 0.5}, test), 1e-12);
    }

    @Test
    void aNonPositivePredictionScoresInfinity() {
        assertEquals(Double.POSITIVE_INFINITY, ExtrapolationScore.rmsle(new double[] {0.1, -0.01}, new double[] {0.1, 0.05}));
        assertEquals(Double.POSITIVE_INFINITY, ExtrapolationScore.rmsle(new double[] {Double.NaN}, new double[] {0.1}));
        assertThrows(IllegalArgumentException.class, () -> ExtrapolationScore.rmsle(new double[] {0.1}, new double[] {0}));
    }

    @Test
    void cutIsAFractionOfTheLogRange() {
        assertEquals(100, ExtrapolationScore.logCut(10, 1000, 0.5), 1e-12);
        assertEquals(2, ExtrapolationScore.logCut(1, 16, 0.25), 1e-14);
        assertThrows(IllegalArgumentException.class, () -> ExtrapolationScore.logCut(10, 1000, 1));
        assertThrows(IllegalArgumentException.class, () -> ExtrapolationScore.logCut(0, 1000, 0.5));
    }

    @Test
    void splitFitsUpToTheCutIncludedAndHoldsOutTheRest() {
        LearningCurve c = LearningCurve.ofColumn(new double[] {10, 100, 1000, 316}, new double[] {1, 0.5, 0.25, 0.3});
        ExtrapolationBenchmark.Task t = ExtrapolationBenchmark.split(new ExtrapolationBenchmark.Curve("c", "test", c), 0.5);
        assertEquals(2, t.train().size());        // x = 10 and x = 100 (the cut itself, up to rounding)
        assertEquals(2, t.test().size());         // x = 316 and 1000
        assertEquals(100, t.train().x(1)[0]);
    }

    @Test
    void medianSortsInfinitiesLast() {
        assertEquals(3, ExtrapolationScore.median(new double[] {Double.POSITIVE_INFINITY, 1, 3}));
        assertEquals(2.5, ExtrapolationScore.median(new double[] {4, 1, 3, 2}));
        assertEquals(Double.POSITIVE_INFINITY, ExtrapolationScore.median(new double[] {1, 2, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY}));
    }
}
