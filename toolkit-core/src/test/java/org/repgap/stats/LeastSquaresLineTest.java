package org.repgap.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.repgap.InvalidInputException;

class LeastSquaresLineTest {

    /**
     * x = 1..5, y = (1.1, 1.9, 3.2, 3.9, 5.1): slope 1.0, intercept 0.04, se sqrt(0.024 / 10) = 0.04899...; the
     * t quantile t_{0.975, 3} = 3.182446305284263 (R 4.x: qt(0.975, 3)); values by the textbook formulas (Python 3, plain arithmetic).
     */
    @Test
    void matchesTextbookValues() {
        LeastSquaresLine l = LeastSquaresLine.fit(new double[] {1, 2, 3, 4, 5}, new double[] {1.1, 1.9, 3.2, 3.9, 5.1});
        assertEquals(1.0, l.slope(), 1e-12);
        assertEquals(0.04, l.intercept(), 1e-12);
        assertEquals(0.0489897948556636, l.slopeStandardError(), 1e-12);
        Bootstrap.Interval ci = l.slopeInterval(0.95);
        assertEquals(1.0 - 3.182446305284263 * 0.0489897948556636, ci.low(), 1e-9);
        assertEquals(1.0 + 3.182446305284263 * 0.0489897948556636, ci.high(), 1e-9);
    }

    @Test
    void twoPointsHaveNoStandardErrorAndBadInputIsRejected() {
        LeastSquaresLine l = LeastSquaresLine.fit(new double[] {0, 2}, new double[] {1, 0});
        assertEquals(-0.5, l.slope(), 0);
        assertNull(l.slopeStandardError());
        assertEquals(Double.NaN, l.slopeInterval(0.9).low());
        assertThrows(InvalidInputException.class, () -> LeastSquaresLine.fit(new double[] {1, 1}, new double[] {1, 2}));
        assertThrows(InvalidInputException.class, () -> LeastSquaresLine.fit(new double[] {1, Double.NaN}, new double[] {1, 2}));
        assertThrows(InvalidInputException.class, () -> LeastSquaresLine.fit(new double[] {1}, new double[] {1}));
    }
}
