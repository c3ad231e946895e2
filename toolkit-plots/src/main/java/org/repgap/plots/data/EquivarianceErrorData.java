package org.repgap.plots.data;

import java.util.List;
import org.repgap.plots.ChartKind;

/**
 * Equivariance error {@code E_g |D(g y) - g D(y)|} of trained denoisers against the training step
 * (or sigma), one curve per model, on a log y axis.
 */
public record EquivarianceErrorData(String xLabel, List<Curve> curves) implements ChartData {
    public EquivarianceErrorData {
        xLabel = xLabel == null ? "step" : xLabel;
        curves = List.copyOf(curves);
    }

    @Override
    public ChartKind kind() {
        return ChartKind.EQUIVARIANCE;
    }
}
