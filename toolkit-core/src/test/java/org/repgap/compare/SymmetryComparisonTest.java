package org.repgap.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.repgap.data.PointCloud;
import org.repgap.datasets.Datasets;
import org.repgap.gap.SlopeFit;
import org.repgap.group.Groups;
import org.repgap.progress.Progress;

class SymmetryComparisonTest {

    /**
     * rotating-pair: d = 3 in R^4, d_task = 2 modulo so2 (Datasets javadoc). TwoNN within 0.3 of each (measured at
     * n = 2000: about 3.0 and 2.0; the bootstrap intervals are about +-0.1, so 0.3 is three half-widths), the so2 slope
     * within 15% of -2/d_task = -1, and the saving solves the fitted line exactly.
     */
    @Test
    void theSymmetryLowersTheDimensionAndTheSavingSolvesTheFittedLine() {
        PointCloud x = Datasets.generate("rotating-pair", 2000, 0);
        SymmetryComparison r = SymmetryComparison.run(x, List.of(Groups.none(), Groups.so2()),
                new SymmetryComparison.Options(new int[] {125, 250, 500, 1000, 2000}, 3, 0, 50), Progress.NONE);
        assertEquals(3.0, r.rows().get(0).estimate("twonn").dimension(), 0.3);
        assertEquals(2.0, r.rows().get(1).estimate("twonn").dimension(), 0.3);
        SlopeFit so2 = r.rows().get(1).gap().fit();
        assertEquals(-1.0, so2.slope(), 0.15);
        SymmetryComparison.Saving s = r.saving();
        double target = r.rows().get(0).largestSizeGap();
        double closedForm = Math.exp((Math.log(target) - so2.intercept()) / so2.slope());
        assertEquals(closedForm, s.equivalentN().value(), 1e-9 * closedForm);
        assertEquals(r.equivalentSize(), s.equivalentN().value(), 1e-9 * closedForm);
        assertEquals(2000 / closedForm, s.factor().value(), 1e-9 * s.factor().value());
        assertTrue(s.equivalentN().low() < closedForm && closedForm < s.equivalentN().high(), s.toString());
        assertTrue(s.factor().low() < s.factor().value() && s.factor().value() < s.factor().high(), s.toString());
        assertEquals(2000, s.targetN());
        assertNull(SymmetryComparison.run(x, List.of(Groups.none()), new SymmetryComparison.Options(new int[] {250, 500}, 1, 0, 0),
                Progress.NONE).saving(), "one group: no saving");
    }
}
