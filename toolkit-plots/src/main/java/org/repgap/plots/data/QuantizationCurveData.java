package org.repgap.plots.data;

import org.repgap.plots.ChartKind;

/**
 * The quantization curve of Raginsky & Lazebnik (NeurIPS 2005): held-out distortion {@code e_k} of
 * k-point codebooks against {@code k} on log-log axes, with the fitted line
 * {@code log e_k = intercept + slope log k} (natural logarithms) and the implied dimension
 * {@code d = -2 / slope}.
 */
public record QuantizationCurveData(double[] k, double[] error, double slope, double intercept, double dimension)
        implements ChartData {

    public QuantizationCurveData {
        k = k.clone();
        error = error.clone();
        Checks.sameLength("quantization curve", k, error);
    }

    @Override
    public double[] k() {
        return k.clone();
    }

    @Override
    public double[] error() {
        return error.clone();
    }

    @Override
    public ChartKind kind() {
        return ChartKind.QUANTIZATION;
    }
}
