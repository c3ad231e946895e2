package org.repgap.plots.results;

import java.util.List;
import org.repgap.InvalidInputException;
import org.repgap.fit.FitReport;
import org.repgap.gap.GapAnalysis;
import org.repgap.id.IdReport;
import org.repgap.plots.ChartKind;
import org.repgap.plots.FigureSpec;
import org.repgap.plots.data.ChartData;
import org.repgap.plots.data.LearningCurveData;
import org.repgap.quantization.QuantizationResult;

/**
 * The one way from a core result record to a figure: which adapter draws which kind. Used by
 * {@link org.repgap.plots.Figures#of(Object, ChartKind)}, by the commands' {@code --plot} and, after
 * {@link org.repgap.plots.io.ResultReader} has read the JSON back into the same record, by
 * {@code repgap plot}, so both give the same figure.
 */
public final class ResultFigures {
    private ResultFigures() {
    }

    /**
     * The figure of {@code result} as {@code kind} ({@code null}: the result's own kind).
     *
     * @param result an {@link IdReport} (or a list of them: one group each), a {@link GapAnalysis.Result},
     *               a {@link FitReport} or a {@link QuantizationResult}
     * @throws InvalidInputException when the result cannot be drawn as {@code kind}
     */
    public static FigureSpec of(Object result, ChartKind kind) {
        if (result instanceof FitReport fit) {
            check(kind, "fit", ChartKind.LEARNING_CURVE);
            List<LearningCurveData> panels = FitCharts.panels(fit);
            return panels.size() == 1 ? FigureSpec.of(panels.get(0)) : FigureSpec.grid(Math.min(panels.size(), 3), panels);
        }
        return FigureSpec.of(chart(result, kind));
    }

    /** The one-panel chart of {@code result} (a fit result: its first group's panel). */
    public static ChartData chart(Object result, ChartKind kind) {
        if (result instanceof IdReport r) {
            return id(List.of(r), kind);
        }
        if (result instanceof List<?> list && !list.isEmpty() && list.stream().allMatch(IdReport.class::isInstance)) {
            return id(list.stream().map(IdReport.class::cast).toList(), kind);
        }
        if (result instanceof GapAnalysis.Result r) {
            check(kind, "gap", ChartKind.LEARNING_CURVE, ChartKind.QUANTIZATION);
            return kind == ChartKind.QUANTIZATION ? QuantizationCharts.curve(r) : GapCharts.learningCurve(r);
        }
        if (result instanceof QuantizationResult q) {
            check(kind, "quantization", ChartKind.QUANTIZATION);
            return QuantizationCharts.curve(q);
        }
        if (result instanceof FitReport f) {
            check(kind, "fit", ChartKind.LEARNING_CURVE);
            return FitCharts.panels(f).get(0);
        }
        throw new IllegalArgumentException("no figure for a " + (result == null ? "null" : result.getClass().getName()));
    }

    private static ChartData id(List<IdReport> reports, ChartKind kind) {
        check(kind, "id", ChartKind.ID_COMPARISON, ChartKind.LOCAL_ID, ChartKind.SCALE, ChartKind.TWONN);
        if (kind == null || kind == ChartKind.ID_COMPARISON) {
            return IdCharts.comparison(reports);
        }
        return switch (kind) {
            case LOCAL_ID -> IdCharts.localId(reports);
            case SCALE -> IdCharts.scale(reports);
            default -> IdCharts.twoNn(reports);
        };
    }

    private static void check(ChartKind kind, String what, ChartKind... allowed) {
        if (kind == null) {
            return;
        }
        for (ChartKind k : allowed) {
            if (k == kind) {
                return;
            }
        }
        throw InvalidInputException.of("kind '%s' cannot be drawn from a %s result; it makes %s", kind, what,
                String.join(", ", java.util.Arrays.stream(allowed).map(ChartKind::cliName).toList()));
    }
}
