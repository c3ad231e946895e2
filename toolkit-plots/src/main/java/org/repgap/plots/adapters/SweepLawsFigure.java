package org.repgap.plots.adapters;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.repgap.diffusion.sweep.SweepLaws;
import org.repgap.plots.FigureSpec;
import org.repgap.plots.data.Curve;
import org.repgap.plots.data.LearningCurveData;

/**
 * The figure of a sweep's law checks ({@link SweepLaws}): one log-log panel per mechanism with its measured
 * gap (mean over seeds, range over seeds as the bar), the ideal {@code RG_n} of its metric, and the two
 * predicted laws {@code n^(-2/d)} and {@code n^(-2/d_task)} (anchored on the ideal curve at the smallest size,
 * bands from the dimension intervals), so a reader sees which law each trained model follows and where it
 * leaves it; the exponent fitted over the memorisation regime is drawn as a line over those sizes.
 */
public final class SweepLawsFigure {
    private SweepLawsFigure() {
    }

    /** The figure, one panel per mechanism (at most three per row). */
    public static FigureSpec of(SweepLaws laws) {
        List<LearningCurveData> panels = new ArrayList<>();
        for (SweepLaws.Mechanism m : laws.mechanisms()) {
            panels.add(panel(laws, m));
        }
        return FigureSpec.grid(Math.min(3, panels.size()), panels);
    }

    /** One mechanism's panel. */
    public static LearningCurveData panel(SweepLaws laws, SweepLaws.Mechanism m) {
        List<SweepLaws.Size> sizes = m.sizes();
        double[] n = sizes.stream().mapToDouble(SweepLaws.Size::n).toArray();
        List<LearningCurveData.Point> points = new ArrayList<>();
        for (SweepLaws.Size s : sizes) {
            SweepLaws.Estimate r = s.ratio();
            double low = r.ciLow() == null ? Double.NaN : r.ciLow() * s.idealGap();
            double high = r.ciHigh() == null ? Double.NaN : r.ciHigh() * s.idealGap();
            points.add(new LearningCurveData.Point(s.n(), s.gap(), Math.min(low, s.gap()), Math.max(high, s.gap())));
        }
        List<Curve> ideal = new ArrayList<>();
        ideal.add(new Curve("ideal RGₙ", n, sizes.stream().mapToDouble(SweepLaws.Size::idealGap).toArray()));
        List<LearningCurveData.FittedLaw> fits = new ArrayList<>();
        if (laws.dimensions() != null && n.length > 0) {
            double n0 = n[0];
            double g0 = sizes.get(0).idealGap();
            fits.add(predicted("law -2/d", laws.dimensions().plain(), n, n0, g0));
            fits.add(predicted("law -2/d_task", laws.dimensions().task(), n, n0, g0));
        }
        SweepLaws.Exponent e = m.memorisation();
        if (e != null) {
            int[] fs = e.sizes();
            double[] x = new double[fs.length];
            double[] y = new double[fs.length];
            // the fitted line through the geometric centre of the fitted means
            double lx = 0;
            double ly = 0;
            for (int i = 0; i < fs.length; i++) {
                x[i] = fs[i];
                lx += Math.log(fs[i]);
                ly += Math.log(gapAt(sizes, fs[i]));
            }
            lx /= fs.length;
            ly /= fs.length;
            for (int i = 0; i < fs.length; i++) {
                y[i] = Math.exp(ly + e.value() * (Math.log(x[i]) - lx));
            }
            fits.add(new LearningCurveData.FittedLaw("fit (memorised)", x, y, null, null,
                    -2 / e.value(), e.ciHigh() == null ? Double.NaN : -2 / e.ciLow(), e.ciLow() == null ? Double.NaN : -2 / e.ciHigh()));
        }
        return new LearningCurveData(points, ideal, fits, Double.NaN, "training-set size n",
                m.mechanism() + ": " + m.column() + " (" + m.metric() + ")");
    }

    private static double gapAt(List<SweepLaws.Size> sizes, int n) {
        return sizes.stream().filter(s -> s.n() == n).findFirst().orElseThrow().gap();
    }

    /** {@code g0 (n / n0)^(-2/d)} with the band of {@code d}'s interval. */
    private static LearningCurveData.FittedLaw predicted(String label, SweepLaws.Estimate d, double[] n, double n0, double g0) {
        double[] y = law(d.value(), n, n0, g0);
        double[] lo = null;
        double[] hi = null;
        if (d.ciLow() != null && d.ciHigh() != null) {
            double[] a = law(d.ciLow(), n, n0, g0);
            double[] b = law(d.ciHigh(), n, n0, g0);
            lo = new double[n.length];
            hi = new double[n.length];
            for (int i = 0; i < n.length; i++) {
                lo[i] = Math.min(a[i], b[i]);
                hi[i] = Math.max(a[i], b[i]);
            }
        }
        return new LearningCurveData.FittedLaw(label, n, y, lo, hi,
                d.value(), d.ciLow() == null ? Double.NaN : d.ciLow(), d.ciHigh() == null ? Double.NaN : d.ciHigh());
    }

    private static double[] law(double d, double[] n, double n0, double g0) {
        double[] y = new double[n.length];
        for (int i = 0; i < n.length; i++) {
            y[i] = g0 * Math.pow(n[i] / n0, -2 / d);
        }
        return y;
    }
}
