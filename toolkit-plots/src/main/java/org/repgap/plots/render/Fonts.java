package org.repgap.plots.render;

import java.awt.Font;
import java.awt.FontFormatException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The one typeface of every figure: DejaVu Sans (matplotlib's default), bundled with the module so
 * that text metrics, and hence layouts and SVG coordinates, are the same on every machine, and so
 * that PDF output can embed the very font the layout was measured with. It covers the Unicode
 * superscripts of log-axis labels ({@code 10⁻³}) and the Greek letters of axis titles.
 */
public final class Fonts {
    /** Classpath location of the bundled TrueType file (Bitstream Vera licence, see LICENSE-DejaVu.txt). */
    public static final String RESOURCE = "/org/repgap/plots/fonts/DejaVuSans.ttf";
    private static final Font BASE = load();

    private Fonts() {
    }

    /** The bundled font at {@code sizePt} points. */
    public static Font sans(double sizePt) {
        return BASE.deriveFont((float) sizePt);
    }

    /** A fresh stream over the bundled font file (for PDF embedding); the caller closes it. */
    public static InputStream open() {
        InputStream in = Fonts.class.getResourceAsStream(RESOURCE);
        if (in == null) {
            throw new IllegalStateException("font resource missing from the jar: " + RESOURCE);
        }
        return in;
    }

    /** The font's name as Java reports it; PDF export registers the embedded file under this name. */
    public static String name() {
        return BASE.getFontName();
    }

    private static Font load() {
        try (InputStream in = open()) {
            return Font.createFont(Font.TRUETYPE_FONT, in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        } catch (FontFormatException e) {
            throw new IllegalStateException("bad font resource " + RESOURCE, e);
        }
    }
}
