package org.repgap.plots;

import java.util.Locale;
import org.repgap.InvalidInputException;

/**
 * Figure styles: font sizes, line widths and marker sizes in points, whether a light grid is
 * drawn, and the default size. {@link #PAPER} matches a LaTeX article (8 pt labels against 10 pt
 * body text, at column width), {@link #SLIDE} is readable from the back of a room, {@link #NOTEBOOK}
 * sits between them, with a grid, for exploration.
 */
public enum Style {
    PAPER(8.0, 7.0, 1.0, 3.6, false, FigureSize.SINGLE_COLUMN),
    SLIDE(14.0, 12.0, 2.0, 7.0, false, FigureSize.SLIDE),
    NOTEBOOK(10.0, 9.0, 1.3, 4.8, true, FigureSize.NOTEBOOK);

    private final double labelPt;
    private final double tickPt;
    private final double lineWidthPt;
    private final double markerPt;
    private final boolean grid;
    private final FigureSize defaultSize;

    Style(double labelPt, double tickPt, double lineWidthPt, double markerPt, boolean grid, FigureSize defaultSize) {
        this.labelPt = labelPt;
        this.tickPt = tickPt;
        this.lineWidthPt = lineWidthPt;
        this.markerPt = markerPt;
        this.grid = grid;
        this.defaultSize = defaultSize;
    }

    /** Axis titles and panel labels, points. */
    public double labelPt() {
        return labelPt;
    }

    /** Tick labels and legend text, points. */
    public double tickPt() {
        return tickPt;
    }

    /** Base line width, points. */
    public double lineWidthPt() {
        return lineWidthPt;
    }

    /** Marker diameter, points. */
    public double markerPt() {
        return markerPt;
    }

    /** Whether a light grid is drawn behind the data. */
    public boolean grid() {
        return grid;
    }

    /** The size used when none is given. */
    public FigureSize defaultSize() {
        return defaultSize;
    }

    /** The style called {@code name} ({@code paper}, {@code slide}, {@code notebook}; any case). */
    public static Style parse(String name) {
        for (Style s : values()) {
            if (s.name().equalsIgnoreCase(name == null ? "" : name.trim())) {
                return s;
            }
        }
        throw InvalidInputException.of("style: unknown value '%s'; expected paper, slide or notebook", name);
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
