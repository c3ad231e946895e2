package org.repgap.plots.charts;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.repgap.plots.data.IdComparisonData;
import org.repgap.plots.render.AxisSpec;
import org.repgap.plots.render.Dash;
import org.repgap.plots.render.Layer;
import org.repgap.plots.render.Marker;
import org.repgap.plots.render.Palette;
import org.repgap.plots.render.Plot;
import org.repgap.plots.render.SeriesStyle;

/**
 * Intrinsic-dimension comparison: one row per estimator (first one at the top), each group's point
 * and interval side by side within the row (group g in colour and marker g), the true ID as a dotted
 * vertical line.
 */
final class IdComparisonChart {
    private IdComparisonChart() {
    }

    static Plot plot(IdComparisonData d) {
        Set<String> estimators = new LinkedHashSet<>();
        Set<String> groups = new LinkedHashSet<>();
        for (IdComparisonData.Estimate e : d.estimates()) {
            estimators.add(e.estimator());
            groups.add(e.group());
        }
        List<String> rows = new ArrayList<>(estimators);
        List<String> groupList = new ArrayList<>(groups);
        int k = rows.size();
        int g = groupList.size();
        double step = g > 1 ? Math.min(0.25, 0.7 / (g - 1)) : 0;
        List<Layer> layers = new ArrayList<>();
        if (Double.isFinite(d.trueId())) {
            layers.add(new Layer.RefLine("true ID = " + Charts.fmt(d.trueId()), d.trueId(), true,
                    new SeriesStyle(Palette.BLACK, Dash.DOTTED, Marker.NONE, 1.0)));
        }
        for (int gi = 0; gi < g; gi++) {
            List<IdComparisonData.Estimate> mine = new ArrayList<>();
            for (IdComparisonData.Estimate e : d.estimates()) {
                if (e.group().equals(groupList.get(gi))) {
                    mine.add(e);
                }
            }
            double[] y = new double[mine.size()];
            double[] v = new double[mine.size()];
            double[] lo = new double[mine.size()];
            double[] hi = new double[mine.size()];
            for (int i = 0; i < mine.size(); i++) {
                IdComparisonData.Estimate e = mine.get(i);
                int row = k - 1 - rows.indexOf(e.estimator());
                y[i] = row + (gi - (g - 1) / 2.0) * step * -1;
                v[i] = e.value();
                lo[i] = e.low();
                hi[i] = e.high();
            }
            SeriesStyle s = new SeriesStyle(Palette.color(gi), Dash.SOLID, Palette.marker(gi), 1.0);
            layers.add(new Layer.ErrorBars(y, lo, hi, Palette.color(gi), true));
            String label = groupList.get(gi).isEmpty() ? (g == 1 ? null : "estimate") : groupList.get(gi);
            layers.add(new Layer.Points(label, v, y, s));
        }
        List<String> categories = new ArrayList<>();
        for (int j = 0; j < k; j++) {
            categories.add(rows.get(k - 1 - j));
        }
        return new Plot(null, "intrinsic dimension", null, AxisSpec.linear(), AxisSpec.linear(), layers, categories,
                Plot.LegendLocation.ABOVE);
    }
}
