package org.repgap.plots.charts;

import java.util.ArrayList;
import java.util.List;
import org.repgap.plots.data.ConstraintTrajectoriesData;
import org.repgap.plots.data.Curve;
import org.repgap.plots.data.EquivarianceErrorData;
import org.repgap.plots.data.SigmaGapData;
import org.repgap.plots.data.TrainingCurvesData;
import org.repgap.plots.render.AxisSpec;
import org.repgap.plots.render.Dash;
import org.repgap.plots.render.Layer;
import org.repgap.plots.render.Marker;
import org.repgap.plots.render.Palette;
import org.repgap.plots.render.Plot;
import org.repgap.plots.render.SeriesStyle;

/** The trainer's figures: losses, generalization gap against sigma, equivariance error, constraint trajectories. */
final class TrainerCharts {
    private TrainerCharts() {
    }

    static Plot training(TrainingCurvesData d) {
        List<Layer> layers = new ArrayList<>();
        for (int i = 0; i < d.curves().size(); i++) {
            Curve c = d.curves().get(i);
            layers.add(new Layer.Line(c.label(), c.x(), c.y(), Palette.series(i).withMarker(Marker.NONE)));
        }
        return new Plot(null, "step", d.yLabel(), AxisSpec.linear(), d.logY() ? AxisSpec.logarithmic() : AxisSpec.linear(),
                layers, List.of(), Plot.LegendLocation.BEST);
    }

    static Plot sigmaGap(SigmaGapData d) {
        List<Layer> layers = new ArrayList<>();
        layers.add(new Layer.RefLine(null, 0, false, new SeriesStyle(Palette.GREY, Dash.SOLID, Marker.NONE, 0.5)));
        for (int i = 0; i < d.runs().size(); i++) {
            SigmaGapData.Run r = d.runs().get(i);
            layers.add(new Layer.Line(r.runId(), r.sigma(), r.gap(),
                    new SeriesStyle(Palette.color(i), Dash.SOLID, Palette.marker(i), 1.0)));
        }
        boolean anyIdeal = false;
        for (int i = 0; i < d.runs().size(); i++) {
            SigmaGapData.Run r = d.runs().get(i);
            if (r.idealGap() != null) {
                anyIdeal = true;
                layers.add(new Layer.Line(r.runId() + " (ideal)", r.sigma(), r.idealGap(),
                        new SeriesStyle(Palette.color(i), Dash.DASHED, Marker.NONE, 1.0)));
            }
        }
        return new Plot(null, "noise level σ", "generalization gap GG(σ)",
                AxisSpec.logarithmic(), AxisSpec.linear(), layers, List.of(), anyIdeal ? Plot.LegendLocation.ABOVE : Plot.LegendLocation.BEST);
    }

    static Plot equivariance(EquivarianceErrorData d) {
        List<Layer> layers = new ArrayList<>();
        for (int i = 0; i < d.curves().size(); i++) {
            Curve c = d.curves().get(i);
            layers.add(new Layer.Line(c.label(), c.x(), c.y(), Palette.series(i).withMarker(Marker.NONE)));
        }
        return new Plot(null, d.xLabel(), "equivariance error", AxisSpec.linear(), AxisSpec.logarithmic(), layers, List.of(),
                Plot.LegendLocation.BEST);
    }

    static Plot constraints(ConstraintTrajectoriesData d) {
        List<Layer> layers = new ArrayList<>();
        layers.add(new Layer.RefLine(null, 0, false, new SeriesStyle(Palette.GREY, Dash.SOLID, Marker.NONE, 0.5)));
        for (int i = 0; i < d.gammas().size(); i++) {
            Curve c = d.gammas().get(i);
            layers.add(new Layer.Line(c.label(), c.x(), c.y(), new SeriesStyle(Palette.color(i), Dash.SOLID, Marker.NONE, 1.0)));
        }
        for (int i = 0; i < d.duals().size(); i++) {
            Curve c = d.duals().get(i);
            layers.add(new Layer.Line(c.label(), c.x(), c.y(), new SeriesStyle(Palette.color(i), Dash.DASHED, Marker.NONE, 1.0)));
        }
        return new Plot(null, "step", "γ (solid), dual λ (dashed)", AxisSpec.linear(), AxisSpec.linear(), layers, List.of(),
                Plot.LegendLocation.ABOVE);
    }
}
