package org.repgap.plots.charts;

import java.util.ArrayList;
import java.util.List;
import org.repgap.plots.data.Curve;
import org.repgap.plots.data.LearningCurveData;
import org.repgap.plots.render.AxisSpec;
import org.repgap.plots.render.Dash;
import org.repgap.plots.render.Layer;
import org.repgap.plots.render.Marker;
import org.repgap.plots.render.Palette;
import org.repgap.plots.render.Plot;
import org.repgap.plots.render.SeriesStyle;

/**
 * Learning curve on log-log axes. Layers bottom to top: the extrapolation region (grey), each fit's
 * confidence band (its colour, 20 % opacity), predicted laws (black, dashed then dotted), fitted laws
 * (colours from the palette's second on, solid then dash-dot...), the measured points with their
 * error bars (blue circles) on top. A fit's legend entry carries its implied {@code d} with interval.
 */
final class LearningCurveChart {
    static final double BAND_ALPHA = 0.2;

    private LearningCurveChart() {
    }

    static Plot plot(LearningCurveData d) {
        List<Layer> layers = new ArrayList<>();
        if (Double.isFinite(d.extrapolateFrom())) {
            layers.add(new Layer.Span("extrapolation", d.extrapolateFrom(), Double.MAX_VALUE, false, Palette.GREY, 0.12));
        }
        for (int i = 0; i < d.fits().size(); i++) {
            LearningCurveData.FittedLaw f = d.fits().get(i);
            if (f.hasBand()) {
                layers.add(new Layer.Band(fitLabel(f), f.x(), f.bandLow(), f.bandHigh(), Palette.color(i + 1), BAND_ALPHA));
            }
        }
        for (int i = 0; i < d.laws().size(); i++) {
            Curve law = d.laws().get(i);
            SeriesStyle s = new SeriesStyle(Palette.BLACK, i == 0 ? Dash.DASHED : Dash.DOTTED, Marker.NONE, 1.0);
            layers.add(new Layer.Line(law.label(), law.x(), law.y(), s));
        }
        for (int i = 0; i < d.fits().size(); i++) {
            LearningCurveData.FittedLaw f = d.fits().get(i);
            SeriesStyle s = new SeriesStyle(Palette.color(i + 1), fitDash(i), Marker.NONE, 1.0);
            layers.add(new Layer.Line(fitLabel(f), f.x(), f.y(), s));
        }
        int n = d.points().size();
        double[] x = new double[n];
        double[] y = new double[n];
        double[] lo = new double[n];
        double[] hi = new double[n];
        boolean bars = false;
        for (int i = 0; i < n; i++) {
            LearningCurveData.Point p = d.points().get(i);
            x[i] = p.n();
            y[i] = p.mean();
            lo[i] = p.low();
            hi[i] = p.high();
            bars |= Double.isFinite(p.low()) || Double.isFinite(p.high());
        }
        if (bars) {
            layers.add(new Layer.ErrorBars(x, lo, hi, Palette.BLUE, false));
        }
        if (n > 0) {
            layers.add(new Layer.Points(bars ? "measured (mean ± spread)" : "measured", x, y,
                    new SeriesStyle(Palette.BLUE, Dash.SOLID, Marker.CIRCLE, 1.0)));
        }
        return new Plot(null, d.xLabel(), d.yLabel(), AxisSpec.logarithmic(), AxisSpec.logarithmic(), layers, List.of(),
                Plot.LegendLocation.BEST);
    }

    private static Dash fitDash(int i) {
        Dash[] d = {Dash.SOLID, Dash.DASH_DOT, Dash.LONG_DASH, Dash.DOTTED};
        return d[i % d.length];
    }

    static String fitLabel(LearningCurveData.FittedLaw f) {
        if (!Double.isFinite(f.dImplied())) {
            return f.label();
        }
        return f.label() + ", d = " + Charts.withInterval(f.dImplied(), f.dLow(), f.dHigh());
    }
}
