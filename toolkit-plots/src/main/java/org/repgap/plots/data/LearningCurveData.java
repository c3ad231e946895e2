package org.repgap.plots.data;

import java.util.List;
import java.util.Objects;
import org.repgap.plots.ChartKind;

/**
 * A learning curve on log-log axes: measured points with their seed spread, predicted laws, fitted
 * laws with confidence bands and implied dimensions, and where the fit stops and extrapolation
 * begins.
 *
 * @param points          measured points, n increasing
 * @param laws            predicted law curves (e.g. {@code RG_n = C n^(-2/d)} with d from an estimator)
 * @param fits            fitted laws
 * @param extrapolateFrom n beyond which the fits are extrapolations (held-out points); NaN for none
 * @param xLabel          x axis title
 * @param yLabel          y axis title
 */
public record LearningCurveData(List<Point> points, List<Curve> laws, List<FittedLaw> fits, double extrapolateFrom,
                                String xLabel, String yLabel) implements ChartData {

    /** Default axis titles. */
    public static final String X_LABEL = "training-set size n";
    public static final String Y_LABEL = "Representation Gap RGₙ";

    /**
     * One measured point: mean over seeds and the spread shown as an error bar
     * ({@code low <= mean <= high}; NaN bounds for no bar).
     */
    public record Point(double n, double mean, double low, double high) {
    }

    /**
     * A fitted law drawn as a line, with its confidence band ({@code bandLow}, {@code bandHigh} over
     * {@code x}; null for none) and the implied intrinsic dimension (NaN when the law implies none)
     * with its interval.
     */
    public record FittedLaw(String label, double[] x, double[] y, double[] bandLow, double[] bandHigh,
                            double dImplied, double dLow, double dHigh) {
        public FittedLaw {
            Objects.requireNonNull(label, "label");
            x = x.clone();
            y = y.clone();
            Checks.sameLength("fit '" + label + "'", x, y);
            if ((bandLow == null) != (bandHigh == null)) {
                throw new IllegalArgumentException("fit '" + label + "': give both band edges or neither");
            }
            if (bandLow != null) {
                bandLow = bandLow.clone();
                bandHigh = bandHigh.clone();
                Checks.sameLength("fit '" + label + "' band", x, bandLow, bandHigh);
            }
        }

        /** A fit without a band or implied dimension. */
        public static FittedLaw line(String label, double[] x, double[] y) {
            return new FittedLaw(label, x, y, null, null, Double.NaN, Double.NaN, Double.NaN);
        }

        @Override
        public double[] x() {
            return x.clone();
        }

        @Override
        public double[] y() {
            return y.clone();
        }

        @Override
        public double[] bandLow() {
            return Checks.copy(bandLow);
        }

        @Override
        public double[] bandHigh() {
            return Checks.copy(bandHigh);
        }

        /** Whether a band is present. */
        public boolean hasBand() {
            return bandLow != null;
        }
    }

    public LearningCurveData {
        points = List.copyOf(points);
        laws = List.copyOf(laws);
        fits = List.copyOf(fits);
        xLabel = xLabel == null ? X_LABEL : xLabel;
        yLabel = yLabel == null ? Y_LABEL : yLabel;
    }

    @Override
    public ChartKind kind() {
        return ChartKind.LEARNING_CURVE;
    }
}
