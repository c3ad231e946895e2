package org.repgap.diffusion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.repgap.InvalidInputException;

class TrainingBudgetTest {

    @Test
    void perPointBudgetsAreClampedLinearInN() {
        TrainingBudget b = TrainingBudget.parse("per-point:1000:4000:60000");
        assertEquals(4000, b.steps(2), "floor");
        assertEquals(16_000, b.steps(16));
        assertEquals(60_000, b.steps(512), "cap");
        assertEquals("per-point:1000:4000:60000", b.spec());
        assertEquals(b, TrainingBudget.parse(b.spec()), "spec round trip");
        assertEquals(TrainingBudget.DEFAULT.min(), TrainingBudget.parse("per-point:7").min(), "missing parts from the default");
    }

    @Test
    void fixedBudgetsGiveEveryRunTheSameSteps() {
        TrainingBudget b = TrainingBudget.parse("fixed:2500");
        assertTrue(b.isFixed());
        assertEquals(2500, b.steps(4));
        assertEquals(2500, b.steps(4096));
    }

    @Test
    void badSpecsNameTheSpecAndTheForm() {
        for (String bad : new String[] {"linear:3", "per-point", "per-point:x", "fixed:0", "per-point:10:500:100", "per-point:0"}) {
            InvalidInputException e = assertThrows(InvalidInputException.class, () -> TrainingBudget.parse(bad), bad);
            assertTrue(e.getMessage().contains("budget"), e.getMessage());
        }
    }
}
