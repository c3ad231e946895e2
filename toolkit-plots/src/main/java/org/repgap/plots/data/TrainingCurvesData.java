package org.repgap.plots.data;

import java.util.List;
import org.repgap.plots.ChartKind;

/**
 * Loss curves of training runs against the step, one line per curve (train and test losses, or
 * several runs), on a log y axis when {@code logY}.
 */
public record TrainingCurvesData(String yLabel, boolean logY, List<Curve> curves) implements ChartData {
    public TrainingCurvesData {
        yLabel = yLabel == null ? "loss" : yLabel;
        curves = List.copyOf(curves);
    }

    @Override
    public ChartKind kind() {
        return ChartKind.TRAINING;
    }
}
