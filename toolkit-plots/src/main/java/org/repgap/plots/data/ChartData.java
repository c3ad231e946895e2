package org.repgap.plots.data;

import org.repgap.plots.ChartKind;

/**
 * The values one chart shows, as small immutable records independent of the analysis result types:
 * the core (or the CLI, from saved JSON and CSV) fills them in, the charts only draw them.
 */
public sealed interface ChartData permits LearningCurveData, IdComparisonData, TwoNnDiagnosticData, ScaleAnalysisData,
        HistogramData, QuantizationCurveData, TrainingCurvesData, SigmaGapData, EquivarianceErrorData,
        ConstraintTrajectoriesData {

    /** Which chart this data makes. */
    ChartKind kind();
}
