package org.repgap.plots.data;

import java.util.List;
import org.repgap.plots.ChartKind;

/**
 * A histogram of pointwise values, typically local intrinsic dimensions, with optional reference
 * lines (the global estimate, the true dimension).
 *
 * @param xLabel     x axis title
 * @param values     the values (non-finite ones are ignored)
 * @param bins       number of bins, or 0 for the Freedman-Diaconis rule
 * @param references labelled vertical reference lines
 */
public record HistogramData(String xLabel, double[] values, int bins, List<Reference> references) implements ChartData {

    /** A labelled vertical line at {@code value}. */
    public record Reference(String label, double value) {
    }

    public HistogramData {
        xLabel = xLabel == null ? "local intrinsic dimension" : xLabel;
        values = values.clone();
        references = List.copyOf(references);
        if (bins < 0 || bins > 10_000) {
            throw new IllegalArgumentException("bins must be in [0, 10000], got " + bins);
        }
    }

    @Override
    public double[] values() {
        return values.clone();
    }

    @Override
    public ChartKind kind() {
        return ChartKind.LOCAL_ID;
    }
}
