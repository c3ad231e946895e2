package org.repgap.plots.render;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.repgap.plots.Style;

/**
 * The legend of one panel, drawn inside the axes with matplotlib's proportions (handle two font
 * sizes long, a white box with a light grey edge). Layers sharing a label share an entry, so a line
 * with markers and its band read as one item. {@link Plot.LegendLocation#BEST} tries the corners and
 * edge centres in matplotlib's order and keeps the first that covers the least data.
 */
final class Legend {
    private static final Color EDGE = new Color(0xCCCCCC);

    /** One legend item: any of a line sample, a marker, a filled swatch. */
    private static final class Entry {
        final String label;
        SeriesStyle line;
        SeriesStyle marker;
        Color fill;

        Entry(String label) {
            this.label = label;
        }
    }

    private Legend() {
    }

    /**
     * Draws the legend inside the axes.
     *
     * @return how much data the legend covers (see {@link #covered}; 0 when clear)
     */
    static double paint(LayerPainter painter, Graphics2D g, Plot plot, Rectangle2D box, Style style) {
        if (plot.legend() == Plot.LegendLocation.NONE || plot.legend() == Plot.LegendLocation.ABOVE) {
            return 0;
        }
        List<Entry> entries = entries(plot);
        if (entries.isEmpty()) {
            return 0;
        }
        Font font = Fonts.sans(style.tickPt());
        double fs = style.tickPt();
        double lineH = Text.height(font);
        double pad = 0.4 * fs;
        double spacing = 0.3 * fs;
        double gap = 0.5 * fs;
        double entryW = 0;
        for (Entry e : entries) {
            entryW = Math.max(entryW, entryWidth(e, font, fs));
        }
        double w = 2 * pad + entryW;
        double h = 2 * pad + entries.size() * lineH + (entries.size() - 1) * spacing;
        Rectangle2D frame = place(painter, plot.legend(), box, w, h, gap);

        g.setColor(painter.paint(new Color(255, 255, 255, 204)));
        RoundRectangle2D.Double shape = new RoundRectangle2D.Double(frame.getX(), frame.getY(), w, h, 0.4 * fs, 0.4 * fs);
        g.fill(shape);
        g.setColor(EDGE);
        g.setStroke(new BasicStroke((float) (0.64 * style.lineWidthPt())));
        g.draw(shape);
        double y = frame.getY() + pad;
        for (Entry e : entries) {
            drawEntry(painter, g, e, font, fs, frame.getX() + pad, y);
            y += lineH + spacing;
        }
        return covered(painter, frame);
    }

    /** Height of a legend laid out in rows above the axes within {@code width}; 0 when there is none. */
    static double rowsHeight(Plot plot, Style style, double width) {
        if (plot.legend() != Plot.LegendLocation.ABOVE) {
            return 0;
        }
        int rows = rows(entries(plot), Fonts.sans(style.tickPt()), style.tickPt(), width).size();
        return rows == 0 ? 0 : rows * Text.height(Fonts.sans(style.tickPt())) + (rows - 1) * 0.3 * style.tickPt();
    }

    /** Draws the legend in centred rows, without a frame, from {@code top} down, within {@code width} around {@code centreX}. */
    static void paintRows(LayerPainter painter, Graphics2D g, Plot plot, Style style, double centreX, double top, double width) {
        Font font = Fonts.sans(style.tickPt());
        double fs = style.tickPt();
        double y = top;
        for (List<Entry> row : rows(entries(plot), font, fs, width)) {
            double total = rowWidth(row, font, fs);
            double x = centreX - total / 2;
            for (Entry e : row) {
                drawEntry(painter, g, e, font, fs, x, y);
                x += entryWidth(e, font, fs) + 1.2 * fs;
            }
            y += Text.height(font) + 0.3 * fs;
        }
    }

    private static List<List<Entry>> rows(List<Entry> entries, Font font, double fs, double width) {
        List<List<Entry>> rows = new ArrayList<>();
        List<Entry> row = new ArrayList<>();
        for (Entry e : entries) {
            row.add(e);
            if (row.size() > 1 && rowWidth(row, font, fs) > width) {
                row.remove(row.size() - 1);
                rows.add(row);
                row = new ArrayList<>();
                row.add(e);
            }
        }
        if (!row.isEmpty()) {
            rows.add(row);
        }
        return rows;
    }

    private static double rowWidth(List<Entry> row, Font font, double fs) {
        double w = 0;
        for (Entry e : row) {
            w += entryWidth(e, font, fs);
        }
        return w + (row.size() - 1) * 1.2 * fs;
    }

    private static double entryWidth(Entry e, Font font, double fs) {
        return 2.0 * fs + 0.6 * fs + Text.width(e.label, font);
    }

    private static void drawEntry(LayerPainter painter, Graphics2D g, Entry e, Font font, double fs, double x0, double top) {
        double handle = 2.0 * fs;
        double lineH = Text.height(font);
        double mid = top + lineH / 2;
        if (e.fill != null) {
            g.setColor(painter.paint(e.fill));
            g.fill(new Rectangle2D.Double(x0, mid - 0.35 * fs, handle, 0.7 * fs));
        }
        if (e.line != null) {
            g.setColor(painter.paint(e.line.color()));
            g.setStroke(e.line.dash().stroke(painter.lineWidth(e.line.widthFactor())));
            g.draw(new Line2D.Double(x0, mid, x0 + handle, mid));
        }
        if (e.marker != null) {
            painter.marker(g, e.marker, x0 + handle / 2, mid);
        }
        g.setColor(Color.BLACK);
        Text.draw(g, e.label, font, x0 + handle + 0.6 * fs, top + Text.ascent(font), 0);
    }

    private static List<Entry> entries(Plot plot) {
        Map<String, Entry> byLabel = new LinkedHashMap<>();
        for (Layer layer : plot.layers()) {
            String label = layer.label();
            if (label == null || label.isEmpty()) {
                continue;
            }
            Entry e = byLabel.computeIfAbsent(label, Entry::new);
            if (layer instanceof Layer.Line l) {
                e.line = l.style();
                if (l.style().marker() != Marker.NONE) {
                    e.marker = l.style();
                }
            } else if (layer instanceof Layer.Points p) {
                e.marker = p.style();
            } else if (layer instanceof Layer.RefLine r) {
                e.line = r.style();
            } else if (layer instanceof Layer.Band b) {
                e.fill = Palette.withAlpha(b.color(), b.alpha());
            } else if (layer instanceof Layer.Span s) {
                e.fill = Palette.withAlpha(s.color(), s.alpha());
            } else if (layer instanceof Layer.Bars b) {
                e.fill = b.color();
            }
        }
        return new ArrayList<>(byLabel.values());
    }

    /**
     * How much data {@code r} hides: 10 per marker, bar or error-bar segment under it, 1 per line
     * segment crossing it or band vertex inside it (a legend over a line is a lesser harm than over
     * a measurement).
     */
    private static double covered(LayerPainter painter, Rectangle2D r) {
        double score = 0;
        for (double[] p : painter.inkPoints) {
            if (r.contains(p[0], p[1])) {
                score += 10;
            }
        }
        for (Line2D s : painter.inkSegments) {
            if (s.intersects(r)) {
                score += 10;
            }
        }
        for (double[] p : painter.softPoints) {
            if (r.contains(p[0], p[1])) {
                score++;
            }
        }
        for (Line2D s : painter.softSegments) {
            if (s.intersects(r)) {
                score++;
            }
        }
        return score;
    }

    private static Rectangle2D place(LayerPainter painter, Plot.LegendLocation where, Rectangle2D box,
                                     double w, double h, double gap) {
        double left = box.getMinX() + gap;
        double right = box.getMaxX() - gap - w;
        double top = box.getMinY() + gap;
        double bottom = box.getMaxY() - gap - h;
        double cx = box.getCenterX() - w / 2;
        double cy = box.getCenterY() - h / 2;
        switch (where) {
            case UPPER_RIGHT:
                return new Rectangle2D.Double(right, top, w, h);
            case UPPER_LEFT:
                return new Rectangle2D.Double(left, top, w, h);
            case LOWER_LEFT:
                return new Rectangle2D.Double(left, bottom, w, h);
            case LOWER_RIGHT:
                return new Rectangle2D.Double(right, bottom, w, h);
            default:
                break;
        }
        double[][] candidates = {
            {right, top}, {left, top}, {left, bottom}, {right, bottom},
            {right, cy}, {left, cy}, {cx, bottom}, {cx, top}, {cx, cy}};
        Rectangle2D best = null;
        double bestScore = Double.POSITIVE_INFINITY;
        for (double[] c : candidates) {
            Rectangle2D r = new Rectangle2D.Double(c[0], c[1], w, h);
            double score = covered(painter, r);
            if (score < bestScore) {
                bestScore = score;
                best = r;
            }
        }
        return best;
    }
}
