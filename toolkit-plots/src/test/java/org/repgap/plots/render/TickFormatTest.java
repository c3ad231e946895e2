package org.repgap.plots.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class TickFormatTest {

    @ParameterizedTest
    @CsvSource({"-4, 10⁻⁴", "0, 10⁰", "3, 10³", "12, 10¹²", "-10, 10⁻¹⁰"})
    void powersUseSuperscripts(int k, String expected) {
        assertEquals(expected, TickFormat.power(k));
    }

    @ParameterizedTest
    @CsvSource({"0.30000000000000004, 0.3", "-0.5, −0.5", "2500, 2500", "0, 0", "100000, 10⁵", "0.0002, 2×10⁻⁴", "1.0, 1"})
    void numbersArePlainWithTrueMinus(double v, String expected) {
        assertEquals(expected, TickFormat.number(v));
    }

    private static List<String> labels(double min, double max) {
        Function<Double, String> f = TickFormat.log(min, max);
        return Ticks.log(min, max, true).stream().map(t -> f.apply(t.value())).filter(s -> !s.isEmpty()).collect(Collectors.toList());
    }

    @Test
    void logAxesLabelDecadesOrEnoughMantissas() {
        assertEquals(List.of("10²", "10³", "10⁴"), labels(80, 16000));
        // less than two decades: 1, 2, 5 multiples as plain numbers
        assertEquals(List.of("0.02", "0.05", "0.1", "0.2"), labels(0.015, 0.25));
        // under half a decade: every tick
        assertEquals(List.of("0.2", "0.3", "0.4", "0.5"), labels(0.18, 0.55));
    }

    @Test
    void logTicksHaveMinorsAndMajors() {
        List<Ticks.Tick> t = Ticks.log(1, 1000, true);
        assertEquals(4, t.stream().filter(Ticks.Tick::major).count());
        assertEquals(28, t.size(), "1..9 x 10^0..10^2 plus 1000");
        assertTrue(Ticks.log(1e-20, 1, true).stream().allMatch(Ticks.Tick::major), "no minors over twenty decades");
    }
}
