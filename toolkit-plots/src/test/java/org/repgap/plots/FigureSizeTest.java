package org.repgap.plots;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.repgap.InvalidInputException;

class FigureSizeTest {

    @ParameterizedTest
    @CsvSource({"3.25in, 234", "6.75in, 486", "single, 234", "double, 486", "slide, 576", "2.54cm, 72", "25.4mm, 72",
                "234pt, 234", "3.25, 234"})
    void lengthsConvertToPoints(String text, double pt) {
        assertEquals(pt, FigureSize.parseLength(text, "--width"), 1e-9);
    }

    @ParameterizedTest
    @CsvSource({"abc", "3.25 furlongs", "0.1in", "-3in", "NaN"})
    void badLengthsNameTheOption(String text) {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> FigureSize.parseLength(text, "--width"));
        assertTrue(e.getMessage().startsWith("--width"), e.getMessage());
    }

    @Test
    void presetsAndDefaults() {
        assertEquals(234, FigureSize.SINGLE_COLUMN.widthPt(), 1e-9);
        assertEquals(486, FigureSize.DOUBLE_COLUMN.widthPt(), 1e-9);
        assertEquals(FigureSize.SLIDE, FigureSpec.of(SampleData.of(ChartKind.TRAINING, 1)).withStyle(Style.SLIDE).resolvedSize());
        assertEquals(3.25, FigureSpec.of(SampleData.of(ChartKind.TRAINING, 1)).resolvedSize().widthIn(), 1e-12);
        assertThrows(InvalidInputException.class, () -> new FigureSize(Double.NaN, 100));
        assertThrows(InvalidInputException.class, () -> Style.parse("poster"));
        assertThrows(InvalidInputException.class, () -> ChartKind.parse("pie"));
        assertEquals(ChartKind.SIGMA_GAP, ChartKind.parse("Sigma-Gap"));
    }
}
