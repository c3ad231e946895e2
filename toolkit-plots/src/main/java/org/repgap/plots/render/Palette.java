package org.repgap.plots.render;

import java.awt.Color;
import java.util.List;

/**
 * The Okabe-Ito colour-blind-safe palette (Okabe & Ito, "Color Universal Design", 2008; Wong, Nature
 * Methods 8:441, 2011, doi:10.1038/nmeth.1618), ordered so that the first colours differ most in
 * lightness as well as hue, paired with a marker and a dash per index so that a greyscale print of a
 * figure still tells the series apart.
 */
public final class Palette {
    public static final Color BLACK = new Color(0x000000);
    public static final Color ORANGE = new Color(0xE69F00);
    public static final Color SKY_BLUE = new Color(0x56B4E9);
    public static final Color BLUISH_GREEN = new Color(0x009E73);
    public static final Color YELLOW = new Color(0xF0E442);
    public static final Color BLUE = new Color(0x0072B2);
    public static final Color VERMILLION = new Color(0xD55E00);
    public static final Color REDDISH_PURPLE = new Color(0xCC79A7);
    /** A neutral grey for reference lines and shaded regions. */
    public static final Color GREY = new Color(0x7F7F7F);

    private static final List<Color> SERIES =
            List.of(BLUE, VERMILLION, BLUISH_GREEN, REDDISH_PURPLE, ORANGE, SKY_BLUE, BLACK, YELLOW);
    private static final List<Marker> MARKERS = List.of(Marker.CIRCLE, Marker.SQUARE, Marker.TRIANGLE_UP,
            Marker.DIAMOND, Marker.TRIANGLE_DOWN, Marker.PENTAGON, Marker.CROSS);
    private static final List<Dash> DASHES = List.of(Dash.SOLID, Dash.DASHED, Dash.DASH_DOT, Dash.DOTTED, Dash.LONG_DASH);

    private Palette() {
    }

    /** The colour of series {@code i} (cycling). */
    public static Color color(int i) {
        return SERIES.get(Math.floorMod(i, SERIES.size()));
    }

    /** The marker of series {@code i} (cycling). */
    public static Marker marker(int i) {
        return MARKERS.get(Math.floorMod(i, MARKERS.size()));
    }

    /** The dash of series {@code i} (cycling). */
    public static Dash dash(int i) {
        return DASHES.get(Math.floorMod(i, DASHES.size()));
    }

    /** Series {@code i}'s colour, marker and dash together. */
    public static SeriesStyle series(int i) {
        return new SeriesStyle(color(i), dash(i), marker(i), 1.0);
    }

    /** {@code c} with opacity {@code alpha} in [0, 1]. */
    public static Color withAlpha(Color c, double alpha) {
        return new Color(c.getRed(), c.getGreen(), c.getBlue(), (int) Math.round(255 * alpha));
    }

    /** The opaque colour that {@code c} at its alpha shows over white: for formats without transparency (EPS). */
    public static Color overWhite(Color c) {
        double a = c.getAlpha() / 255.0;
        return new Color(blend(c.getRed(), a), blend(c.getGreen(), a), blend(c.getBlue(), a));
    }

    private static int blend(int v, double a) {
        return (int) Math.round(a * v + (1 - a) * 255);
    }
}
