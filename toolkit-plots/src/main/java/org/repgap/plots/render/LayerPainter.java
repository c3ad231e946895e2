package org.repgap.plots.render;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.Shape;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import org.repgap.plots.Style;

/**
 * Paints layers in canvas coordinates and records where data ink went (points and segments), so
 * that the legend can be placed where it hides the least.
 */
final class LayerPainter {
    private final Graphics2D g;
    private final Transform t;
    private final Style style;
    private final boolean opaque;
    /** Canvas points of data a legend must not hide (markers, bars, notes), for legend placement. */
    final List<double[]> inkPoints = new ArrayList<>();
    /** Canvas segments of data a legend must not hide (error bars). */
    final List<Line2D> inkSegments = new ArrayList<>();
    /** Band outline vertices: a legend over them is a lesser harm. */
    final List<double[]> softPoints = new ArrayList<>();
    /** Line and reference-line segments: a legend crossing them is a lesser harm. */
    final List<Line2D> softSegments = new ArrayList<>();

    LayerPainter(Graphics2D g, Transform t, Style style, boolean opaque) {
        this.g = g;
        this.t = t;
        this.style = style;
        this.opaque = opaque;
    }

    /** The colour as drawn: alpha kept, or flattened over white for formats without transparency. */
    Color paint(Color c) {
        return opaque && c.getAlpha() < 255 ? Palette.overWhite(c) : c;
    }

    float lineWidth(double factor) {
        return (float) (style.lineWidthPt() * factor);
    }

    void paint(Layer layer) {
        if (layer instanceof Layer.Line l) {
            line(l);
        } else if (layer instanceof Layer.Points p) {
            points(p);
        } else if (layer instanceof Layer.ErrorBars b) {
            errorBars(b);
        } else if (layer instanceof Layer.Band b) {
            band(b);
        } else if (layer instanceof Layer.Span s) {
            span(s);
        } else if (layer instanceof Layer.RefLine r) {
            refLine(r);
        } else if (layer instanceof Layer.Bars b) {
            bars(b);
        } else if (layer instanceof Layer.Note n) {
            note(n);
        }
    }

    private void line(Layer.Line l) {
        Path2D.Double path = new Path2D.Double();
        boolean open = false;
        double px = Double.NaN;
        double py = Double.NaN;
        for (int i = 0; i < l.x().length; i++) {
            double cx = t.x(l.x()[i]);
            double cy = t.y(l.y()[i]);
            if (!Double.isFinite(cx) || !Double.isFinite(cy)) {
                open = false;
                continue;
            }
            if (open) {
                path.lineTo(cx, cy);
                softSegments.add(new Line2D.Double(px, py, cx, cy));
            } else {
                path.moveTo(cx, cy);
                open = true;
            }
            px = cx;
            py = cy;
        }
        g.setColor(paint(l.style().color()));
        g.setStroke(l.style().dash().stroke(lineWidth(l.style().widthFactor())));
        g.draw(path);
        if (l.style().marker() != Marker.NONE) {
            for (int i = 0; i < l.x().length; i++) {
                marker(l.style(), t.x(l.x()[i]), t.y(l.y()[i]));
            }
        }
    }

    private void points(Layer.Points p) {
        for (int i = 0; i < p.x().length; i++) {
            marker(p.style(), t.x(p.x()[i]), t.y(p.y()[i]));
        }
    }

    void marker(SeriesStyle s, double cx, double cy) {
        if (Double.isFinite(cx) && Double.isFinite(cy) && s.marker() != Marker.NONE) {
            inkPoints.add(new double[] {cx, cy});
            marker(g, s, cx, cy);
        }
    }

    /** Draws one marker on {@code g} (also used for legend handles, outside the clip). */
    void marker(Graphics2D g, SeriesStyle s, double cx, double cy) {
        Shape shape = s.marker().shape(cx, cy, style.markerPt() * s.markerFactor());
        if (shape == null) {
            return;
        }
        g.setColor(paint(s.color()));
        g.setStroke(new BasicStroke(lineWidth(0.8), BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER));
        if (!s.marker().strokeOnly()) {
            g.fill(shape);
        }
        g.draw(shape);
    }

    private void errorBars(Layer.ErrorBars b) {
        g.setColor(paint(b.color()));
        g.setStroke(new BasicStroke(lineWidth(0.8), BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER));
        double cap = style.markerPt() * 0.55;
        for (int i = 0; i < b.at().length; i++) {
            if (b.horizontal()) {
                double cy = t.y(b.at()[i]);
                double lo = t.xClamped(b.low()[i]);
                double hi = t.xClamped(b.high()[i]);
                if (!Double.isFinite(cy) || !Double.isFinite(lo) || !Double.isFinite(hi)) {
                    continue;
                }
                segment(lo, cy, hi, cy);
                segment(lo, cy - cap, lo, cy + cap);
                segment(hi, cy - cap, hi, cy + cap);
            } else {
                double cx = t.x(b.at()[i]);
                double lo = t.yClamped(b.low()[i]);
                double hi = t.yClamped(b.high()[i]);
                if (!Double.isFinite(cx) || !Double.isFinite(lo) || !Double.isFinite(hi)) {
                    continue;
                }
                segment(cx, lo, cx, hi);
                segment(cx - cap, lo, cx + cap, lo);
                segment(cx - cap, hi, cx + cap, hi);
            }
        }
    }

    private void segment(double x1, double y1, double x2, double y2) {
        Line2D.Double s = new Line2D.Double(x1, y1, x2, y2);
        inkSegments.add(s);
        g.draw(s);
    }

    private void band(Layer.Band b) {
        g.setColor(paint(Palette.withAlpha(b.color(), b.alpha())));
        int n = b.x().length;
        int start = 0;
        while (start < n) {
            while (start < n && !placeable(b, start)) {
                start++;
            }
            int end = start;
            while (end < n && placeable(b, end)) {
                end++;
            }
            if (end - start >= 2) {
                Path2D.Double path = new Path2D.Double();
                for (int i = start; i < end; i++) {
                    double cx = t.x(b.x()[i]);
                    double cy = t.yClamped(b.high()[i]);
                    if (i == start) {
                        path.moveTo(cx, cy);
                    } else {
                        path.lineTo(cx, cy);
                    }
                    softPoints.add(new double[] {cx, cy});
                }
                for (int i = end - 1; i >= start; i--) {
                    double cx = t.x(b.x()[i]);
                    double cy = t.yClamped(b.low()[i]);
                    path.lineTo(cx, cy);
                    softPoints.add(new double[] {cx, cy});
                }
                path.closePath();
                g.fill(path);
            }
            start = end;
        }
    }

    private boolean placeable(Layer.Band b, int i) {
        return Double.isFinite(t.x(b.x()[i])) && Double.isFinite(t.yClamped(b.low()[i]))
                && Double.isFinite(t.yClamped(b.high()[i]));
    }

    private void span(Layer.Span s) {
        Rectangle2D box = t.box();
        double a;
        double c;
        Rectangle2D r;
        if (s.horizontal()) {
            a = t.yClamped(s.from());
            c = t.yClamped(s.to());
            if (!Double.isFinite(a) || !Double.isFinite(c)) {
                return;
            }
            r = new Rectangle2D.Double(box.getMinX(), Math.min(a, c), box.getWidth(), Math.abs(c - a));
        } else {
            a = t.xClamped(s.from());
            c = t.xClamped(s.to());
            if (!Double.isFinite(a) || !Double.isFinite(c)) {
                return;
            }
            r = new Rectangle2D.Double(Math.min(a, c), box.getMinY(), Math.abs(c - a), box.getHeight());
        }
        g.setColor(paint(Palette.withAlpha(s.color(), s.alpha())));
        g.fill(r.createIntersection(box));
    }

    private void refLine(Layer.RefLine r) {
        Rectangle2D box = t.box();
        g.setColor(paint(r.style().color()));
        g.setStroke(r.style().dash().stroke(lineWidth(r.style().widthFactor())));
        if (r.vertical()) {
            double cx = t.x(r.value());
            if (Double.isFinite(cx)) {
                Line2D.Double s = new Line2D.Double(cx, box.getMinY(), cx, box.getMaxY());
                softSegments.add(s);
                g.draw(s);
            }
        } else {
            double cy = t.y(r.value());
            if (Double.isFinite(cy)) {
                Line2D.Double s = new Line2D.Double(box.getMinX(), cy, box.getMaxX(), cy);
                softSegments.add(s);
                g.draw(s);
            }
        }
    }

    private void bars(Layer.Bars b) {
        Color fill = paint(b.color());
        Color edge = Color.WHITE;
        g.setStroke(new BasicStroke(lineWidth(0.5)));
        for (int i = 0; i < b.left().length; i++) {
            double x0 = t.x(b.left()[i]);
            double x1 = t.x(b.right()[i]);
            double y0 = t.yClamped(0);
            double y1 = t.y(b.height()[i]);
            if (!Double.isFinite(x0) || !Double.isFinite(x1) || !Double.isFinite(y0) || !Double.isFinite(y1)) {
                continue;
            }
            Rectangle2D.Double r = new Rectangle2D.Double(Math.min(x0, x1), Math.min(y0, y1), Math.abs(x1 - x0), Math.abs(y1 - y0));
            g.setColor(fill);
            g.fill(r);
            g.setColor(edge);
            g.draw(r);
            inkPoints.add(new double[] {r.getCenterX(), r.getMinY()});
            inkPoints.add(new double[] {r.getCenterX(), r.getCenterY()});
        }
    }

    private void note(Layer.Note n) {
        Font f = Fonts.sans(style.tickPt());
        Rectangle2D box = t.box();
        double x = box.getMinX() + n.fx() * box.getWidth();
        double y = box.getMaxY() - n.fy() * box.getHeight();
        g.setColor(Color.BLACK);
        Text.draw(g, n.text(), f, x, y, n.align());
        double w = Text.width(n.text(), f);
        double x0 = x - n.align() * w;
        for (int k = 0; k <= 4; k++) {
            inkPoints.add(new double[] {x0 + w * k / 4, y - Text.ascent(f) / 2});
        }
    }
}
