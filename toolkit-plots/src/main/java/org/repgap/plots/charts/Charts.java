package org.repgap.plots.charts;

import java.util.Locale;
import org.repgap.plots.Style;
import org.repgap.plots.data.ChartData;
import org.repgap.plots.data.ConstraintTrajectoriesData;
import org.repgap.plots.data.EquivarianceErrorData;
import org.repgap.plots.data.HistogramData;
import org.repgap.plots.data.IdComparisonData;
import org.repgap.plots.data.LearningCurveData;
import org.repgap.plots.data.QuantizationCurveData;
import org.repgap.plots.data.ScaleAnalysisData;
import org.repgap.plots.data.SigmaGapData;
import org.repgap.plots.data.TrainingCurvesData;
import org.repgap.plots.data.TwoNnDiagnosticData;
import org.repgap.plots.render.Plot;

/** Turns chart data into a plot description, one builder per kind. */
public final class Charts {
    private Charts() {
    }

    /** The plot of {@code data} in {@code style}. */
    public static Plot plot(ChartData data, Style style) {
        if (data instanceof LearningCurveData d) {
            return LearningCurveChart.plot(d);
        } else if (data instanceof IdComparisonData d) {
            return IdComparisonChart.plot(d);
        } else if (data instanceof TwoNnDiagnosticData d) {
            return DiagnosticCharts.twoNn(d);
        } else if (data instanceof ScaleAnalysisData d) {
            return DiagnosticCharts.scale(d);
        } else if (data instanceof HistogramData d) {
            return DiagnosticCharts.histogram(d);
        } else if (data instanceof QuantizationCurveData d) {
            return DiagnosticCharts.quantization(d);
        } else if (data instanceof TrainingCurvesData d) {
            return TrainerCharts.training(d);
        } else if (data instanceof SigmaGapData d) {
            return TrainerCharts.sigmaGap(d);
        } else if (data instanceof EquivarianceErrorData d) {
            return TrainerCharts.equivariance(d);
        } else if (data instanceof ConstraintTrajectoriesData d) {
            return TrainerCharts.constraints(d);
        }
        throw new IllegalArgumentException("no chart for " + data.getClass().getName());
    }

    /** A value with three significant digits for legends ({@code 4.12}, {@code 12.3}), true minus. */
    static String fmt(double v) {
        if (!Double.isFinite(v)) {
            return "n/a";
        }
        String s = String.format(Locale.ROOT, "%.3g", v);
        if (s.contains("e")) {
            return s.replace('-', '\u2212');
        }
        if (s.contains(".")) {
            s = s.replaceAll("0+$", "").replaceAll("\\.$", "");
        }
        return s.replace('-', '\u2212');
    }

    /** {@code " d = 4.1 [3.8, 4.5]"} style text: value and interval when finite. */
    static String withInterval(double v, double lo, double hi) {
        String s = fmt(v);
        if (Double.isFinite(lo) && Double.isFinite(hi)) {
            s += " [" + fmt(lo) + ", " + fmt(hi) + "]";
        }
        return s;
    }
}
