package org.repgap.plots.charts;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.repgap.plots.data.HistogramData;
import org.repgap.plots.data.QuantizationCurveData;
import org.repgap.plots.data.ScaleAnalysisData;
import org.repgap.plots.data.TwoNnDiagnosticData;
import org.repgap.plots.render.AxisSpec;
import org.repgap.plots.render.Dash;
import org.repgap.plots.render.Layer;
import org.repgap.plots.render.Marker;
import org.repgap.plots.render.Palette;
import org.repgap.plots.render.Plot;
import org.repgap.plots.render.SeriesStyle;

/** The intrinsic-dimension diagnostics: TwoNN, scale analysis, local-ID histogram, quantization curve. */
final class DiagnosticCharts {
    private DiagnosticCharts() {
    }

    /** TwoNN: fitted points in blue, discarded ones in grey, the fitted line {@code y = d x} through the origin. */
    static Plot twoNn(TwoNnDiagnosticData d) {
        double[] x = d.logMu();
        double[] y = d.negLogOneMinusF();
        int m = d.fittedCount();
        List<Layer> layers = new ArrayList<>();
        double size = x.length > 100 ? 0.6 : 1.0;
        SeriesStyle fitted = new SeriesStyle(Palette.BLUE, Dash.SOLID, Marker.CIRCLE, 1.0, size);
        layers.add(new Layer.Points("fitted points", Arrays.copyOf(x, m), Arrays.copyOf(y, m), fitted));
        if (m < x.length) {
            SeriesStyle dropped = new SeriesStyle(Palette.GREY, Dash.SOLID, Marker.CROSS, 1.0, size);
            layers.add(new Layer.Points("discarded", Arrays.copyOfRange(x, m, x.length), Arrays.copyOfRange(y, m, y.length), dropped));
        }
        if (Double.isFinite(d.dimension()) && x.length > 0) {
            double xMax = Arrays.stream(x).filter(Double::isFinite).max().orElse(1);
            layers.add(new Layer.Line("fit, d = " + Charts.fmt(d.dimension()), new double[] {0, xMax},
                    new double[] {0, d.dimension() * xMax}, new SeriesStyle(Palette.VERMILLION, Dash.SOLID, Marker.NONE, 1.2)));
        }
        return new Plot(null, "log μ", "−log(1 − F(μ))", AxisSpec.linear(), AxisSpec.linear(), layers, List.of(),
                Plot.LegendLocation.BEST);
    }

    /** Scale analysis: per series a band for the interval and a line with markers; the true ID dotted. */
    static Plot scale(ScaleAnalysisData d) {
        List<Layer> layers = new ArrayList<>();
        for (int i = 0; i < d.series().size(); i++) {
            ScaleAnalysisData.Series s = d.series().get(i);
            layers.add(new Layer.Band(s.label(), s.scale(), s.low(), s.high(), Palette.color(i), 0.2));
        }
        if (Double.isFinite(d.trueId())) {
            layers.add(new Layer.RefLine("true ID = " + Charts.fmt(d.trueId()), d.trueId(), false,
                    new SeriesStyle(Palette.BLACK, Dash.DOTTED, Marker.NONE, 1.0)));
        }
        for (int i = 0; i < d.series().size(); i++) {
            ScaleAnalysisData.Series s = d.series().get(i);
            layers.add(new Layer.Line(s.label(), s.scale(), s.id(), Palette.series(i)));
        }
        return new Plot(null, d.xLabel(), "intrinsic dimension", d.logX() ? AxisSpec.logarithmic() : AxisSpec.linear(),
                AxisSpec.linear(), layers, List.of(), Plot.LegendLocation.BEST);
    }

    /** Local-ID histogram with reference lines. */
    static Plot histogram(HistogramData d) {
        double[] v = Arrays.stream(d.values()).filter(Double::isFinite).sorted().toArray();
        List<Layer> layers = new ArrayList<>();
        if (v.length > 0) {
            int bins = d.bins() > 0 ? d.bins() : freedmanDiaconis(v);
            double lo = v[0];
            double hi = v[v.length - 1];
            if (!(hi > lo)) {
                lo -= 0.5;
                hi += 0.5;
            }
            double w = (hi - lo) / bins;
            double[] left = new double[bins];
            double[] right = new double[bins];
            double[] count = new double[bins];
            for (int b = 0; b < bins; b++) {
                left[b] = lo + b * w;
                right[b] = lo + (b + 1) * w;
            }
            for (double x : v) {
                int b = (int) Math.min(bins - 1, Math.floor((x - lo) / w));
                count[b]++;
            }
            layers.add(new Layer.Bars(null, left, right, count, Palette.SKY_BLUE));
        }
        Dash[] dashes = {Dash.DASHED, Dash.DOTTED, Dash.DASH_DOT};
        java.awt.Color[] colors = {Palette.VERMILLION, Palette.BLACK, Palette.BLUISH_GREEN};
        for (int i = 0; i < d.references().size(); i++) {
            HistogramData.Reference r = d.references().get(i);
            layers.add(new Layer.RefLine(r.label() + " = " + Charts.fmt(r.value()), r.value(), true,
                    new SeriesStyle(colors[i % colors.length], dashes[i % dashes.length], Marker.NONE, 1.2)));
        }
        return new Plot(null, d.xLabel(), "number of points", AxisSpec.linear(), AxisSpec.linear(), layers, List.of(),
                Plot.LegendLocation.BEST);
    }

    /**
     * Freedman-Diaconis bin count {@code (max - min) / (2 IQR n^(-1/3))}, within [5, 60]; the square
     * root rule when the IQR is zero. {@code v} is sorted.
     */
    static int freedmanDiaconis(double[] v) {
        int n = v.length;
        double iqr = v[(int) Math.floor(0.75 * (n - 1))] - v[(int) Math.floor(0.25 * (n - 1))];
        double range = v[n - 1] - v[0];
        int bins = iqr > 0 && range > 0 ? (int) Math.ceil(range / (2 * iqr * Math.pow(n, -1.0 / 3))) : (int) Math.ceil(Math.sqrt(n));
        return Math.max(5, Math.min(60, bins));
    }

    /** Quantization curve: held-out distortion against k, log-log, with the fitted power law. */
    static Plot quantization(QuantizationCurveData d) {
        List<Layer> layers = new ArrayList<>();
        double[] k = d.k();
        if (Double.isFinite(d.slope()) && Double.isFinite(d.intercept()) && k.length > 0) {
            double kMin = Arrays.stream(k).filter(v -> v > 0).min().orElse(1);
            double kMax = Arrays.stream(k).filter(v -> v > 0).max().orElse(10);
            double[] fx = {kMin, kMax};
            double[] fy = {Math.exp(d.intercept()) * Math.pow(kMin, d.slope()), Math.exp(d.intercept()) * Math.pow(kMax, d.slope())};
            layers.add(new Layer.Line("fit, slope " + Charts.fmt(d.slope()) + ", d = " + Charts.fmt(d.dimension()), fx, fy,
                    new SeriesStyle(Palette.VERMILLION, Dash.SOLID, Marker.NONE, 1.2)));
        }
        layers.add(new Layer.Points("held-out distortion", k, d.error(),
                new SeriesStyle(Palette.BLUE, Dash.SOLID, Marker.CIRCLE, 1.0)));
        return new Plot(null, "codebook size k", "quantization error eₖ", AxisSpec.logarithmic(), AxisSpec.logarithmic(),
                layers, List.of(), Plot.LegendLocation.BEST);
    }
}
