package org.repgap.plots.results;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.repgap.fit.FitReport;
import org.repgap.fit.Law;
import org.repgap.plots.data.LearningCurveData;

/**
 * The learning curves of a {@link FitReport} ({@code repgap fit}), one panel per group: the points
 * (mean -+ sd over seeds) against the first x column, every one-input law drawn from the core's
 * {@link Law#predict} with its fitted parameters, its bootstrap band when the report has one, the
 * implied dimension with its interval in the legend, and the held-out larger x of the extrapolation
 * check in grey.
 */
public final class FitCharts {
    /** Points of a law's curve when it has no band. */
    static final int CURVE_POINTS = 60;

    private FitCharts() {
    }

    /** One panel per curve of the report. */
    public static List<LearningCurveData> panels(FitReport report) {
        List<LearningCurveData> panels = new ArrayList<>();
        for (FitReport.Curve c : report.curves()) {
            panels.add(panel(report, c));
        }
        return panels;
    }

    private static LearningCurveData panel(FitReport report, FitReport.Curve c) {
        List<LearningCurveData.Point> pts = new ArrayList<>();
        for (FitReport.Point p : c.points()) {
            pts.add(new LearningCurveData.Point(p.x(), p.y(), Labels.orNaN(p.yLow()), Labels.orNaN(p.yHigh())));
        }
        pts.sort((a, b) -> Double.compare(a.n(), b.n()));
        if (pts.isEmpty()) {
            throw org.repgap.InvalidInputException.of("the fit result has an empty curve");
        }
        double[] grid = Labels.logspace(pts.get(0).n(), pts.get(pts.size() - 1).n(), CURVE_POINTS);
        List<LearningCurveData.FittedLaw> fits = new ArrayList<>();
        for (FitReport.LawFit f : report.fitsOf(c)) {
            Law law = report.law(f);
            if (law.inputs() != 1) {
                continue;
            }
            double[] p = f.values();
            double[] x = grid;
            double[] bl = null;
            double[] bh = null;
            if (f.band() != null) {
                x = f.band().stream().mapToDouble(FitReport.BandPoint::x).toArray();
                bl = f.band().stream().mapToDouble(FitReport.BandPoint::low).toArray();
                bh = f.band().stream().mapToDouble(FitReport.BandPoint::high).toArray();
            }
            double[] y = new double[x.length];
            boolean finite = true;
            for (int i = 0; i < x.length; i++) {
                y[i] = law.predict(p, x[i]);
                finite &= Double.isFinite(y[i]);
            }
            if (!finite) {
                continue;
            }
            fits.add(new LearningCurveData.FittedLaw(f.law(), x, y, bl, bh, Labels.orNaN(f.dimension()),
                    Labels.orNaN(f.dimensionCiLow()), Labels.orNaN(f.dimensionCiHigh())));
        }
        double extrapolateFrom = Double.NaN;
        if (c.holdoutCut() != null) {
            int fitted = 0;
            for (LearningCurveData.Point p : pts) {
                fitted += p.n() <= c.holdoutCut() ? 1 : 0;
            }
            if (fitted > 0 && fitted < pts.size()) {
                extrapolateFrom = pts.get(fitted - 1).n();
            }
        }
        String yLabel = c.group().isEmpty() ? report.yLabel() : report.yLabel() + ", " + c.group().entrySet().stream()
                .map(e -> e.getKey() + " = " + e.getValue()).collect(Collectors.joining(", "));
        return new LearningCurveData(pts, List.of(), fits, extrapolateFrom, report.xLabel(), yLabel);
    }
}
