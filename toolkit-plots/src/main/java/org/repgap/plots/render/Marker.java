package org.repgap.plots.render;

import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;

/**
 * Marker shapes, distinct in outline so that series stay apart in a greyscale print. Sizes are the
 * marker's nominal diameter in points (matplotlib's {@code markersize}); areas are roughly equal.
 */
public enum Marker {
    NONE, CIRCLE, SQUARE, TRIANGLE_UP, DIAMOND, TRIANGLE_DOWN, PENTAGON, CROSS;

    /** The marker outline centred at ({@code x}, {@code y}); {@code null} for {@link #NONE}. */
    public Shape shape(double x, double y, double size) {
        double r = size / 2;
        switch (this) {
            case NONE:
                return null;
            case CIRCLE:
                return new Ellipse2D.Double(x - r, y - r, size, size);
            case SQUARE:
                double s = r * 0.9;
                return new Rectangle2D.Double(x - s, y - s, 2 * s, 2 * s);
            case TRIANGLE_UP:
                return polygon(x, y, r * 1.15, 3, -Math.PI / 2);
            case TRIANGLE_DOWN:
                return polygon(x, y, r * 1.15, 3, Math.PI / 2);
            case DIAMOND:
                return polygon(x, y, r * 1.2, 4, -Math.PI / 2);
            case PENTAGON:
                return polygon(x, y, r * 1.05, 5, -Math.PI / 2);
            case CROSS:
                Path2D.Double p = new Path2D.Double();
                double c = r * 0.85;
                p.moveTo(x - c, y - c);
                p.lineTo(x + c, y + c);
                p.moveTo(x - c, y + c);
                p.lineTo(x + c, y - c);
                return p;
            default:
                throw new AssertionError(this);
        }
    }

    /** Whether the marker is drawn as a stroke only (it has no interior to fill). */
    public boolean strokeOnly() {
        return this == CROSS;
    }

    private static Shape polygon(double x, double y, double radius, int sides, double start) {
        Path2D.Double p = new Path2D.Double();
        for (int i = 0; i < sides; i++) {
            double a = start + 2 * Math.PI * i / sides;
            double px = x + radius * Math.cos(a);
            double py = y + radius * Math.sin(a);
            if (i == 0) {
                p.moveTo(px, py);
            } else {
                p.lineTo(px, py);
            }
        }
        p.closePath();
        return p;
    }
}
