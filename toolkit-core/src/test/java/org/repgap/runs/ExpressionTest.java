package org.repgap.runs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.repgap.InvalidInputException;

class ExpressionTest {
    private static final Map<String, Double> VARS = Map.of("n", 100.0, "Model Size", 4.0, "Training FLOP", 48.0, "x", 2.0);

    private static double eval(String s) {
        return Expression.parse(s, "--derive").evaluate(VARS::get);
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = ';', value = {
        "1 + 2 * 3; 7",
        "(1 + 2) * 3; 9",
        "2 ^ 3 ^ 2; 512",
        "-2 ^ 2; -4",
        "10 / 4 - 1; 1.5",
        "Training FLOP/(6*Model Size); 2",
        "`Training FLOP` / (6 * `Model Size`); 2",
        "\"Model Size\" * x; 8",
        "1e-3 * n; 0.1",
        "2.5E+2 - n; 150",
        "log(exp(x)) + sqrt(16) + abs(-1) + log10(n); 9",
        "n >= 100; 1",
        "n > 100; 0",
        "n != 100 || x == 2; 1",
        "n < 200 && x < 1; 0",
        "x^-1; 0.5"})
    void evaluates(String text, double expected) {
        assertEquals(expected, eval(text), 1e-12);
    }

    @Test
    void namesAreCollected() {
        assertEquals(Set.of("Training FLOP", "Model Size"), Expression.parse("Training FLOP/(6*Model Size)", "--derive").names());
    }

    @Test
    void errorsNameOptionAndPosition() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> Expression.parse("(n + 1", "--where"));
        assertTrue(e.getMessage().contains("--where '(n + 1'") && e.getMessage().contains("expected ')'"), e.getMessage());
        e = assertThrows(InvalidInputException.class, () -> Expression.parse("n * ", "--derive"));
        assertTrue(e.getMessage().contains("ended"), e.getMessage());
        e = assertThrows(InvalidInputException.class, () -> Expression.parse("`n + 1", "--derive"));
        assertTrue(e.getMessage().contains("unterminated"), e.getMessage());
        e = assertThrows(InvalidInputException.class, () -> Expression.parse("n ) 2", "--derive"));
        assertTrue(e.getMessage().contains("unexpected ')'"), e.getMessage());
    }

    @Test
    void nanComparisonsAreFalse() {
        Expression e = Expression.parse("y > 1", "--where");
        assertEquals(0, e.evaluate(v -> Double.NaN));
        assertEquals(0, Expression.parse("y != 1", "--where").evaluate(v -> Double.NaN));
    }
}
