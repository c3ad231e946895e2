package org.repgap.plots.render;

import java.awt.Color;
import java.util.Objects;

/**
 * How one series looks: colour, dash, marker, and line-width and marker-size factors relative to the
 * style's base sizes.
 */
public record SeriesStyle(Color color, Dash dash, Marker marker, double widthFactor, double markerFactor) {

    /** A style with the style's marker size. */
    public SeriesStyle(Color color, Dash dash, Marker marker, double widthFactor) {
        this(color, dash, marker, widthFactor, 1.0);
    }

    public SeriesStyle {
        if (!(markerFactor > 0 && markerFactor < 20)) {
            throw new IllegalArgumentException("markerFactor must be in (0, 20), got " + markerFactor);
        }
        Objects.requireNonNull(color, "color");
        Objects.requireNonNull(dash, "dash");
        Objects.requireNonNull(marker, "marker");
        if (!(widthFactor > 0 && widthFactor < 20)) {
            throw new IllegalArgumentException("widthFactor must be in (0, 20), got " + widthFactor);
        }
    }

    public SeriesStyle withDash(Dash d) {
        return new SeriesStyle(color, d, marker, widthFactor, markerFactor);
    }

    public SeriesStyle withMarker(Marker m) {
        return new SeriesStyle(color, dash, m, widthFactor, markerFactor);
    }

    public SeriesStyle withColor(Color c) {
        return new SeriesStyle(c, dash, marker, widthFactor, markerFactor);
    }

    public SeriesStyle withWidthFactor(double f) {
        return new SeriesStyle(color, dash, marker, f, markerFactor);
    }

    public SeriesStyle withMarkerFactor(double f) {
        return new SeriesStyle(color, dash, marker, widthFactor, f);
    }
}
