package org.repgap.plots.results;

import java.util.ArrayList;
import java.util.List;
import org.repgap.gap.AsymptoticLaw;
import org.repgap.gap.GapAnalysis;
import org.repgap.gap.RepresentationGapCurve;
import org.repgap.gap.SlopeFit;
import org.repgap.plots.data.Curve;
import org.repgap.plots.data.LearningCurveData;

/**
 * The learning curve of a {@link GapAnalysis.Result} ({@code repgap gap}): {@code RG_n} (mean -+ sd
 * over seeds) against {@code n}, the law {@link AsymptoticLaw#predict} dashed, and the fitted line
 * {@code log RG = intercept + slope log n} of its {@link SlopeFit} with the slope interval drawn as
 * a band pivoting at the centroid of {@code log n}.
 */
public final class GapCharts {
    private GapCharts() {
    }

    /** The learning-curve chart of a gap result. */
    public static LearningCurveData learningCurve(GapAnalysis.Result r) {
        List<LearningCurveData.Point> pts = new ArrayList<>();
        for (RepresentationGapCurve.CurvePoint p : r.curve()) {
            double sd = Labels.orNaN(p.rgSd());
            pts.add(new LearningCurveData.Point(p.n(), p.rgMean(), p.rgMean() - sd, p.rgMean() + sd));
        }
        pts.sort((a, b) -> Double.compare(a.n(), b.n()));
        if (pts.isEmpty()) {
            throw org.repgap.InvalidInputException.of("the gap result has no curve");
        }
        double[] x = Labels.logspace(pts.get(0).n(), pts.get(pts.size() - 1).n(), 40);
        List<Curve> laws = new ArrayList<>();
        AsymptoticLaw law = r.law();
        if (law != null && Double.isFinite(law.constant()) && Double.isFinite(law.exponent())) {
            double[] y = new double[x.length];
            for (int i = 0; i < x.length; i++) {
                y[i] = law.predict(x[i]);
            }
            String src = law.dimensionSource() == null ? "" : law.dimensionSource();
            laws.add(new Curve("law, d = " + Labels.fmt(law.dimension()) + (src.isEmpty() ? "" : " (" + src + ")"), x, y));
        }
        List<LearningCurveData.FittedLaw> fits = new ArrayList<>();
        if (r.fit() != null && Double.isFinite(r.fit().slope())) {
            fits.add(slopeFit(r.fit(), pts, x));
        }
        String group = r.group() == null ? "" : r.group().spec();
        String yLabel = LearningCurveData.Y_LABEL + (group.isEmpty() || group.equals("none") ? "" : " (mod " + group + ")");
        return new LearningCurveData(pts, laws, fits, Double.NaN, null, yLabel);
    }

    /**
     * The fitted line {@code exp(a + slope log x)} and, when the slope has an interval, the band of
     * the lines of slopes {@code slope_ci_low} and {@code slope_ci_high} through the fitted value at
     * the centroid of {@code log n}: a slope-only band; the legend's interval of {@code d} is
     * {@code -2/slope} at the interval's ends.
     */
    private static LearningCurveData.FittedLaw slopeFit(SlopeFit fit, List<LearningCurveData.Point> pts, double[] x) {
        double slope = fit.slope();
        double sx = 0;
        int m = 0;
        for (LearningCurveData.Point p : pts) {
            if (p.n() > 0 && p.mean() > 0) {
                sx += Math.log(p.n());
                m++;
            }
        }
        double a = fit.intercept();
        double cx = sx / Math.max(m, 1);
        double lo = Labels.orNaN(fit.slopeCiLow());
        double hi = Labels.orNaN(fit.slopeCiHigh());
        double[] y = new double[x.length];
        double[] bl = new double[x.length];
        double[] bh = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            double lx = Math.log(x[i]);
            y[i] = Math.exp(a + slope * lx);
            double yc = a + slope * cx;
            double y1 = yc + lo * (lx - cx);
            double y2 = yc + hi * (lx - cx);
            bl[i] = Math.exp(Math.min(y1, y2));
            bh[i] = Math.exp(Math.max(y1, y2));
        }
        boolean band = Double.isFinite(lo) && Double.isFinite(hi);
        double d = Labels.orNaN(fit.dimension());
        double d1 = -2 / lo;
        double d2 = -2 / hi;
        return new LearningCurveData.FittedLaw("fit, slope " + Labels.fmt(slope), x, y, band ? bl : null, band ? bh : null,
                d, band ? Math.min(d1, d2) : Double.NaN, band ? Math.max(d1, d2) : Double.NaN);
    }
}
