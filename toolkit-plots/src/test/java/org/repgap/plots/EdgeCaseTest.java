package org.repgap.plots;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.repgap.plots.data.ChartData;
import org.repgap.plots.data.ConstraintTrajectoriesData;
import org.repgap.plots.data.Curve;
import org.repgap.plots.data.EquivarianceErrorData;
import org.repgap.plots.data.HistogramData;
import org.repgap.plots.data.IdComparisonData;
import org.repgap.plots.data.LearningCurveData;
import org.repgap.plots.data.QuantizationCurveData;
import org.repgap.plots.data.ScaleAnalysisData;
import org.repgap.plots.data.SigmaGapData;
import org.repgap.plots.data.TrainingCurvesData;
import org.repgap.plots.data.TwoNnDiagnosticData;
import org.repgap.plots.render.Dash;
import org.repgap.plots.render.Layer;
import org.repgap.plots.render.Marker;
import org.repgap.plots.render.Palette;
import org.repgap.plots.render.Plot;
import org.repgap.plots.render.SeriesStyle;

/** Empty, non-finite and log-hostile data draw an empty or partial figure instead of failing. */
class EdgeCaseTest {
    private static final double NAN = Double.NaN;

    static Stream<ChartData> degenerate() {
        double[] none = {};
        double[] bad = {NAN, Double.POSITIVE_INFINITY, -1};
        return Stream.of(
                new LearningCurveData(List.of(), List.of(), List.of(), NAN, null, null),
                new LearningCurveData(List.of(new LearningCurveData.Point(100, 0.1, -0.5, 0.2),
                        new LearningCurveData.Point(-5, NAN, NAN, NAN)), List.of(new Curve("law", bad, bad)), List.of(), 50, null, null),
                new IdComparisonData(List.of(), NAN),
                new IdComparisonData(List.of(new IdComparisonData.Estimate("mle", null, 2, NAN, NAN)), 2),
                new TwoNnDiagnosticData(none, none, 0, NAN),
                TwoNnDiagnosticData.fromRatios(new double[] {1.5}, 0.1, 2),
                new ScaleAnalysisData(null, true, List.of(new ScaleAnalysisData.Series("s", bad, bad, bad, bad)), NAN),
                new HistogramData(null, new double[] {NAN, NAN}, 0, List.of()),
                new HistogramData(null, new double[] {3, 3, 3}, 0, List.of(new HistogramData.Reference("r", 3))),
                new QuantizationCurveData(none, none, NAN, NAN, NAN),
                new TrainingCurvesData(null, true, List.of(new Curve("loss", new double[] {0, 1, 2}, new double[] {1, 0, -1}))),
                new SigmaGapData(List.of()),
                new EquivarianceErrorData(null, List.of(new Curve("zero", new double[] {0, 1}, new double[] {0, 0}))),
                new ConstraintTrajectoriesData(List.of(), List.of()));
    }

    @ParameterizedTest
    @MethodSource("degenerate")
    void degenerateDataStillRenders(ChartData data) {
        for (OutputFormat f : OutputFormat.values()) {
            assertDoesNotThrow(() -> Figures.write(FigureSpec.of(data).withDpi(50), f, new ByteArrayOutputStream()), data + " " + f);
        }
    }

    @Test
    void bestLegendAvoidsTheData() throws Exception {
        // data only in the upper right quarter: the legend must go elsewhere (matplotlib's next choice: upper left)
        double[] x = {8, 9, 10, 9.5, 8.5};
        double[] y = {8, 9, 10, 8.5, 9.5};
        Plot plot = new Plot(null, "x", "y", org.repgap.plots.render.AxisSpec.linear().withRange(0, 10.5),
                org.repgap.plots.render.AxisSpec.linear().withRange(0, 10.5),
                List.of(new Layer.Points("cluster", x, y, new SeriesStyle(Palette.BLUE, Dash.SOLID, Marker.CIRCLE, 1))),
                List.of(), Plot.LegendLocation.BEST);
        java.awt.image.BufferedImage img = org.repgap.plots.render.Exporters.image(
                g -> org.repgap.plots.render.PanelPainter.paint(g, plot, new double[] {0, 10.5}, new double[] {0, 10.5},
                        new java.awt.geom.Rectangle2D.Double(0, 0, 234, 172.8), Style.PAPER,
                        org.repgap.plots.render.PanelPainter.Options.single(false)), 234, 172.8, 200);
        // the legend's grey frame (0xCCCCCC) appears in the upper left, not in the upper right
        assertTrue(countColour(img, 0, img.getWidth() / 2, 0, img.getHeight() / 2, 0xCCCCCC) > 10, "no legend frame upper left");
        assertEquals(0, countColour(img, img.getWidth() / 2, img.getWidth(), 0, img.getHeight() / 2, 0xCCCCCC),
                "legend frame over the data in the upper right");
    }

    private static int countColour(java.awt.image.BufferedImage img, int x0, int x1, int y0, int y1, int rgb) {
        int n = 0;
        for (int y = y0; y < y1; y++) {
            for (int x = x0; x < x1; x++) {
                int p = img.getRGB(x, y) & 0xFFFFFF;
                if (Math.abs(((p >> 16) & 255) - ((rgb >> 16) & 255)) <= 6 && Math.abs(((p >> 8) & 255) - ((rgb >> 8) & 255)) <= 6
                        && Math.abs((p & 255) - (rgb & 255)) <= 6) {
                    n++;
                }
            }
        }
        return n;
    }
}
