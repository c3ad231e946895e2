package org.repgap.plots.render;

import java.util.List;
import java.util.Objects;

/**
 * One panel, fully described and immutable: axes, titles, layers. XChart objects are built from it
 * only when it is painted. {@code yCategories}, when not empty, makes the y axis categorical: row
 * {@code i} sits at y = i and is labelled {@code yCategories.get(i)}, top row first.
 */
public record Plot(String title, String xLabel, String yLabel, AxisSpec x, AxisSpec y,
                   List<Layer> layers, List<String> yCategories, LegendLocation legend) {

    /** Where the legend goes. {@code BEST} picks the corner covering the fewest data. */
    public enum LegendLocation { BEST, UPPER_RIGHT, UPPER_LEFT, LOWER_LEFT, LOWER_RIGHT, /** In rows above the axes. */ ABOVE, NONE }

    public Plot {
        Objects.requireNonNull(x, "x");
        Objects.requireNonNull(y, "y");
        layers = List.copyOf(layers);
        yCategories = List.copyOf(yCategories);
        Objects.requireNonNull(legend, "legend");
        if (!yCategories.isEmpty() && y.log()) {
            throw new IllegalArgumentException("a categorical y axis cannot be logarithmic");
        }
    }

    /** This plot with other axes (used to share ranges across panels). */
    public Plot withAxes(AxisSpec newX, AxisSpec newY) {
        return new Plot(title, xLabel, yLabel, newX, newY, layers, yCategories, legend);
    }

    /** This plot with another legend location. */
    public Plot withLegend(LegendLocation where) {
        return new Plot(title, xLabel, yLabel, x, y, layers, yCategories, where);
    }
}
