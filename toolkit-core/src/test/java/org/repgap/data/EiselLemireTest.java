package org.repgap.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Oracle: {@link Double#parseDouble}, correctly rounded by specification. */
class EiselLemireTest {

    private static void check(long w, int q) {
        double got = EiselLemire.toDouble(w, q, false);
        if (Double.isNaN(got)) {
            return; // undecided: the caller falls back to parseDouble
        }
        double expected = Double.parseDouble(Long.toUnsignedString(w) + "e" + q);
        assertEquals(Double.doubleToRawLongBits(expected), Double.doubleToRawLongBits(got), () -> w + "e" + q);
    }

    @Test
    void agreesWithParseDoubleOnRandomMantissasAndExponents() {
        SplittableRandom r = new SplittableRandom(2024);
        int decided = 0;
        int total = 60_000;
        for (int i = 0; i < total; i++) {
            long w = switch (i % 3) {
                case 0 -> r.nextLong(1, 1_000_000_000_000_000_000L); // up to 18 digits
                case 1 -> r.nextLong(10_000_000_000_000_000L, 100_000_000_000_000_000L); // 17 digits
                default -> r.nextLong(1, 10_000_000);
            };
            int q = r.nextInt(-340, 300);
            check(w, q);
            decided += Double.isNaN(EiselLemire.toDouble(w, q, false)) ? 0 : 1;
        }
        assertTrue(decided > 0.95 * total, "decided " + decided);
    }

    @Test
    void agreesOnShortestReprOfRandomDoubles() {
        SplittableRandom r = new SplittableRandom(5);
        for (int i = 0; i < 30_000; i++) {
            double v = Double.longBitsToDouble(r.nextLong() & 0x7FEF_FFFF_FFFF_FFFFL);
            if (v < Double.MIN_NORMAL) {
                continue;
            }
            BigDecimal d = new BigDecimal(Double.toString(v));
            long w = d.unscaledValue().longValueExact();
            double got = EiselLemire.toDouble(w, -d.scale(), false);
            if (!Double.isNaN(got)) {
                assertEquals(v, got, Double.toString(v));
            }
        }
    }

    /** Exact halfway points between two doubles must round to even (or be left undecided). */
    @ParameterizedTest
    @CsvSource({
        "9007199254740993, 0", // 2^53 + 1: halfway, rounds to 2^53
        "9007199254740995, 0", // 2^53 + 3: halfway, rounds up to 2^53 + 4
        "4503599627370497, 0",
        "17976931348623157, 292", // Double.MAX_VALUE
        "22250738585072014, -324", // Double.MIN_NORMAL
        "1, -22",
        "1, 22",
        "1, 23",
        "7, -342",
        "123456789012345678, -300",
    })
    void edgeCases(long w, int q) {
        check(w, q);
    }
}
