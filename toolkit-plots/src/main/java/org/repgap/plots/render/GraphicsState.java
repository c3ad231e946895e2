package org.repgap.plots.render;

import java.awt.Color;
import java.awt.Composite;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.Paint;
import java.awt.Shape;
import java.awt.Stroke;
import java.awt.geom.AffineTransform;

/**
 * The drawing state of a {@link Graphics2D} (transform, clip, paint, colour, stroke, font, composite), saved and
 * restored on the same object. Used instead of {@code g.create()} / {@code dispose()}: VectorGraphics2D 0.13, which
 * writes the SVG, PDF and EPS files, does not restore the state when a copy is disposed, so everything drawn after
 * a clipped copy landed in the clipped SVG group, and browsers hid it (every tick label of every figure).
 *
 * <pre>{@code
 * GraphicsState s = GraphicsState.save(g);
 * try {
 *     g.clip(area);
 *     ...
 * } finally {
 *     s.restore();
 * }
 * }</pre>
 */
public final class GraphicsState {

    private final Graphics2D g;
    private final AffineTransform transform;
    private final Shape clip;
    private final Paint paint;
    private final Color color;
    private final Stroke stroke;
    private final Font font;
    private final Composite composite;

    private GraphicsState(Graphics2D g) {
        this.g = g;
        this.transform = g.getTransform();
        this.clip = g.getClip();
        this.paint = g.getPaint();
        this.color = g.getColor();
        this.stroke = g.getStroke();
        this.font = g.getFont();
        this.composite = g.getComposite();
    }

    /** The current state of {@code g}. */
    public static GraphicsState save(Graphics2D g) {
        return new GraphicsState(g);
    }

    /** Puts {@code g} back into the saved state (the clip in the saved transform's coordinates). */
    public void restore() {
        g.setTransform(transform);
        g.setClip(clip);
        g.setComposite(composite);
        g.setStroke(stroke);
        g.setFont(font);
        g.setColor(color);
        g.setPaint(paint);
    }
}
