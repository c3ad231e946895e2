package org.repgap.plots.data;

import java.util.List;
import java.util.Objects;
import org.repgap.plots.ChartKind;

/**
 * Intrinsic dimension against the scale it was measured at (neighbour rank for GRIDE, sample size
 * n for subsampling), each series with its interval; ID plateaus where the scale is right.
 *
 * @param xLabel x axis title (e.g. "neighbour rank n₂" or "sample size n")
 * @param logX   whether the scale axis is logarithmic
 * @param series one or more estimators
 * @param trueId reference line, NaN for none
 */
public record ScaleAnalysisData(String xLabel, boolean logX, List<Series> series, double trueId) implements ChartData {

    /** One estimator's ID at each scale, with interval bounds (NaN for none). */
    public record Series(String label, double[] scale, double[] id, double[] low, double[] high) {
        public Series {
            Objects.requireNonNull(label, "label");
            scale = scale.clone();
            id = id.clone();
            low = low.clone();
            high = high.clone();
            Checks.sameLength("scale series '" + label + "'", scale, id, low, high);
        }

        @Override
        public double[] scale() {
            return scale.clone();
        }

        @Override
        public double[] id() {
            return id.clone();
        }

        @Override
        public double[] low() {
            return low.clone();
        }

        @Override
        public double[] high() {
            return high.clone();
        }
    }

    public ScaleAnalysisData {
        xLabel = xLabel == null ? "scale" : xLabel;
        series = List.copyOf(series);
    }

    @Override
    public ChartKind kind() {
        return ChartKind.SCALE;
    }
}
