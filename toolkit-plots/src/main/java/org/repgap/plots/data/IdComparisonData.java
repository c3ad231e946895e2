package org.repgap.plots.data;

import java.util.List;
import java.util.Objects;
import org.repgap.plots.ChartKind;

/**
 * Intrinsic-dimension estimates side by side: one row per estimator, a point and its interval for
 * each group (e.g. "without symmetry" and "modulo G"), and the true dimension as a reference line
 * when it is known.
 *
 * @param estimates the estimates, rows in order of first appearance of each estimator
 * @param trueId    the true intrinsic dimension, NaN when unknown
 */
public record IdComparisonData(List<Estimate> estimates, double trueId) implements ChartData {

    /** One estimate: {@code low <= value <= high}, NaN bounds for no interval. */
    public record Estimate(String estimator, String group, double value, double low, double high) {
        public Estimate {
            Objects.requireNonNull(estimator, "estimator");
            group = group == null ? "" : group;
        }
    }

    public IdComparisonData {
        estimates = List.copyOf(estimates);
    }

    @Override
    public ChartKind kind() {
        return ChartKind.ID_COMPARISON;
    }
}
