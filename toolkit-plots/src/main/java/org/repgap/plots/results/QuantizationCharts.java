package org.repgap.plots.results;

import org.repgap.gap.GapAnalysis;
import org.repgap.plots.data.QuantizationCurveData;
import org.repgap.quantization.QuantizationEstimator;
import org.repgap.quantization.QuantizationResult;

/**
 * The quantization curve of a {@link QuantizationResult}: held-out distortion {@code e_k} against
 * {@code k} with the estimator's own line ({@code slope}, {@code intercept}, natural logs) and
 * {@code d = -2/slope}. A gap result whose dimension came from the quantization estimator carries one.
 */
public final class QuantizationCharts {
    private QuantizationCharts() {
    }

    /** The curve of a quantization result. */
    public static QuantizationCurveData curve(QuantizationResult q) {
        double[] k = q.distortions().stream().mapToDouble(QuantizationEstimator.Distortion::k).toArray();
        double[] e = q.distortions().stream().mapToDouble(QuantizationEstimator.Distortion::distortion).toArray();
        return new QuantizationCurveData(k, e, q.slope(), q.intercept(), Labels.orNaN(q.dimension()));
    }

    /** The curve of the quantization estimate inside a gap result ({@code repgap gap --estimator quantization}). */
    public static QuantizationCurveData curve(GapAnalysis.Result r) {
        if (r.quantization() == null) {
            throw org.repgap.InvalidInputException.of("this gap result has no quantization estimate; run 'repgap gap --estimator quantization'");
        }
        return curve(r.quantization());
    }
}
