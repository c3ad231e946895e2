package org.repgap.plots.render;

import de.erichseifert.vectorgraphics2d.VectorHints;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.font.FontRenderContext;
import java.awt.font.LineMetrics;

/**
 * Text drawn as text ({@code drawString}), so that SVG and PDF keep it selectable and searchable,
 * measured with one fixed, device-independent font render context so that every back-end lays a
 * figure out identically.
 */
public final class Text {
    /** Anti-aliased, fractional metrics, no transform: the same measurements on every back-end. */
    public static final FontRenderContext FRC = new FontRenderContext(null, true, true);

    private Text() {
    }

    /** Advance width of {@code s} in {@code f}, points. */
    public static double width(String s, Font f) {
        return f.getStringBounds(s, FRC).getWidth();
    }

    /** Ascent of {@code f}, points. */
    public static double ascent(Font f) {
        return metrics(f).getAscent();
    }

    /** Ascent plus descent of {@code f}, points: the height of one line without leading. */
    public static double height(Font f) {
        LineMetrics m = metrics(f);
        return m.getAscent() + m.getDescent();
    }

    /** Height of digits and capitals (without descenders), for centring a label on a tick. */
    public static double capHeight(Font f) {
        return f.createGlyphVector(FRC, "0").getVisualBounds().getHeight();
    }

    private static LineMetrics metrics(Font f) {
        return f.getLineMetrics("Ag", FRC);
    }

    /**
     * Draws {@code s} with its baseline at {@code baseline}, its left end ({@code align} 0), centre
     * (0.5) or right end (1) at {@code x}.
     */
    public static void draw(Graphics2D g, String s, Font f, double x, double baseline, double align) {
        if (s == null || s.isEmpty()) {
            return;
        }
        float x0 = (float) (x - align * width(s, f));
        if (g.getRenderingHint(VectorHints.KEY_TEXT) == VectorHints.VALUE_TEXT_VECTOR) {
            // EPS: PostScript text would need the font on the printer and Latin-1 only; draw outlines.
            g.fill(f.createGlyphVector(FRC, s).getOutline(x0, (float) baseline));
            return;
        }
        g.setFont(f);
        g.drawString(s, x0, (float) baseline);
    }

    /** Draws {@code s} rotated a quarter turn anticlockwise, centred on ({@code x}, {@code y}) along the text. */
    public static void drawVertical(Graphics2D g, String s, Font f, double x, double y) {
        if (s == null || s.isEmpty()) {
            return;
        }
        GraphicsState saved = GraphicsState.save(g);
        try {
            g.translate(x, y);
            g.rotate(-Math.PI / 2);
            draw(g, s, f, 0, 0, 0.5);
        } finally {
            saved.restore();
        }
    }
}
