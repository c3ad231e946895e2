package org.repgap.plots.render;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.repgap.plots.Style;

/**
 * Paints one panel into a rectangle of a shared canvas. XChart draws the axes box, ticks, tick
 * labels and grid (its tick placement, with our label formats); everything XChart lacks for paper
 * figures is drawn here on top, in the same coordinates: data layers as single paths (so dashes run
 * on), bands as polygons, asymmetric log-safe error bars, the legend, axis titles and the panel letter
 * as real text (XChart outlines its own text, which would make it unsearchable in SVG and PDF).
 */
public final class PanelPainter {

    /**
     * Per-panel decisions of the figure layout.
     *
     * @param letter       panel label such as {@code "(a)"}, or null
     * @param xTickLabels  whether x tick labels are drawn (off for inner panels of a shared x axis)
     * @param yTickLabels  whether y tick labels are drawn
     * @param xTitle       whether the x axis title is drawn
     * @param yTitle       whether the y axis title is drawn
     * @param opaque       whether transparency must be flattened over white (EPS)
     * @param extraLeft    points added to the left margin, to line up the axes of a column of panels
     * @param extraTop     points added to the top margin, to line up the axes of a row
     * @param extraBottom  points added to the bottom margin, to line up the axes of a row
     */
    public record Options(String letter, boolean xTickLabels, boolean yTickLabels, boolean xTitle, boolean yTitle,
                          boolean opaque, double extraLeft, double extraTop, double extraBottom) {
        /** A lone panel: every label drawn, no letter. */
        public static Options single(boolean opaque) {
            return new Options(null, true, true, true, true, opaque, 0, 0, 0);
        }

        /** These options with margins added to line panels up. */
        public Options withExtra(double left, double top, double bottom) {
            return new Options(letter, xTickLabels, yTickLabels, xTitle, yTitle, opaque, left, top, bottom);
        }
    }

    private PanelPainter() {
    }

    /**
     * Paints {@code plot} with axis ranges {@code xr}, {@code yr} inside {@code area} of {@code g}
     * (canvas units are points).
     *
     * @return the axes box in canvas coordinates
     */
    public static Rectangle2D paint(Graphics2D g, Plot plot, double[] xr, double[] yr, Rectangle2D area,
                                    Style style, Options o) {
        if (plot.legend() == Plot.LegendLocation.BEST) {
            // Try the legend inside (on a scratch canvas); if every place inside hides a measurement or
            // more than a brush with a line, put it above the axes.
            BufferedImage scratch = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
            Graphics2D sg = scratch.createGraphics();
            double covered;
            try {
                covered = paintPanel(sg, plot, xr, yr, area, style, o).legendCovers();
            } finally {
                sg.dispose();
            }
            if (covered > MAX_LEGEND_COVER) {
                return paintPanel(g, plot.withLegend(Plot.LegendLocation.ABOVE), xr, yr, area, style, o).box();
            }
        }
        return paintPanel(g, plot, xr, yr, area, style, o).box();
    }

    /** The most a legend inside may cover (two line segments or band vertices, no measurement). */
    private static final double MAX_LEGEND_COVER = 2;

    private record Painted(Rectangle2D box, double legendCovers) {
    }

    private static Painted paintPanel(Graphics2D g, Plot plot, double[] xr, double[] yr, Rectangle2D area,
                                      Style style, Options o) {
        Font labelFont = Fonts.sans(style.labelPt());
        Font tickFont = Fonts.sans(style.tickPt());
        Font letterFont = Fonts.sans(style.labelPt() * 1.1);
        double labelH = Text.height(labelFont);
        double tickLen = 0.5 * style.tickPt();
        double tickPad = 0.35 * style.tickPt();
        List<Ticks.Tick> ownX = plot.x().log() ? Ticks.log(xr[0], xr[1], o.xTickLabels()) : null;
        List<Ticks.Tick> ownY = !plot.yCategories().isEmpty() ? Ticks.categories(plot.yCategories(), o.yTickLabels())
                : plot.y().log() ? Ticks.log(yr[0], yr[1], o.yTickLabels()) : null;

        double top = 0.25 * style.tickPt();
        boolean hasTitle = plot.title() != null && !plot.title().isEmpty();
        if (hasTitle || o.letter() != null) {
            top += Math.max(labelH, Text.height(letterFont)) + 0.15 * style.labelPt();
        }
        double left = o.yTitle() && plot.yLabel() != null ? labelH + 0.25 * style.labelPt() : 0;
        if (ownY != null) {
            double w = 0;
            for (Ticks.Tick t : ownY) {
                w = Math.max(w, Text.width(t.label(), tickFont));
            }
            left += tickLen + (w > 0 ? tickPad + w : 0) + 1;
        }
        left += o.extraLeft();
        double bottom = o.xTitle() && plot.xLabel() != null ? labelH + 0.3 * style.labelPt() : 0;
        if (ownX != null) {
            boolean any = ownX.stream().anyMatch(t -> !t.label().isEmpty());
            bottom += tickLen + (any ? tickPad + Text.height(tickFont) : 0);
        }
        bottom += o.extraBottom();
        double right = 0.9 * style.tickPt();
        double legendRows = Legend.rowsHeight(plot, style, area.getWidth() - left - right);
        double legendTop = area.getY() + top;
        top += legendRows > 0 ? legendRows + 0.4 * style.tickPt() : 0;
        top += o.extraTop();

        int cw = (int) Math.floor(area.getWidth() - left - right);
        int ch = (int) Math.floor(area.getHeight() - top - bottom);
        if (cw < 20 || ch < 20) {
            throw new IllegalArgumentException("panel too small for its labels: " + cw + " x " + ch + " pt left for the axes");
        }
        double ox = area.getX() + left;
        double oy = area.getY() + top;

        XYChart chart = chart(plot, xr, yr, cw, ch, style, tickFont, o, ownX != null, ownY != null);
        GraphicsState outer = GraphicsState.save(g);
        Rectangle2D box;
        double covers;
        try {
            g.translate(ox, oy);
            chart.paint(g, cw, ch);
            double bx0 = chart.getScreenXFromChart(xr[0]);
            double bx1 = chart.getScreenXFromChart(xr[1]);
            double by0 = chart.getScreenYFromChart(yr[1]);
            double by1 = chart.getScreenYFromChart(yr[0]);
            Rectangle2D local = new Rectangle2D.Double(bx0, by0, bx1 - bx0, by1 - by0);
            Transform t = new Transform(local, xr[0], xr[1], plot.x().log(), yr[0], yr[1], plot.y().log());

            GraphicsState inner = GraphicsState.save(g);
            LayerPainter painter;
            try {
                g.clip(local);
                if (style.grid()) {
                    grid(g, t, ownX, ownY, style);
                }
                painter = new LayerPainter(g, t, style, o.opaque());
                for (Layer layer : plot.layers()) {
                    painter.paint(layer);
                }
            } finally {
                inner.restore();
            }
            g.setColor(Color.BLACK);
            g.setStroke(new BasicStroke((float) (0.8 * style.lineWidthPt()), BasicStroke.CAP_SQUARE, BasicStroke.JOIN_MITER));
            g.draw(local);
            if (ownX != null) {
                ticks(g, ownX, t, style, tickFont, true);
            }
            if (ownY != null) {
                ticks(g, ownY, t, style, tickFont, false);
            }
            covers = Legend.paint(painter, g, plot, local, style);
            if (legendRows > 0) {
                Legend.paintRows(painter, g, plot, style, local.getCenterX(), legendTop - oy, area.getWidth() - left - right);
            }
            box = new Rectangle2D.Double(ox + local.getX(), oy + local.getY(), local.getWidth(), local.getHeight());
        } finally {
            outer.restore();
        }

        g.setColor(Color.BLACK);
        if (o.xTitle() && plot.xLabel() != null) {
            double baseline = area.getMaxY() - Text.height(labelFont) + Text.ascent(labelFont);
            Text.draw(g, plot.xLabel(), labelFont, box.getCenterX(), baseline, 0.5);
        }
        if (o.yTitle() && plot.yLabel() != null) {
            Text.drawVertical(g, plot.yLabel(), labelFont, area.getX() + Text.ascent(labelFont), box.getCenterY());
        }
        double headBaseline = area.getY() + 0.25 * style.tickPt() + Text.ascent(letterFont);
        if (hasTitle) {
            Text.draw(g, plot.title(), labelFont, box.getCenterX(), headBaseline, 0.5);
        }
        if (o.letter() != null) {
            Text.draw(g, o.letter(), letterFont, area.getX(), headBaseline, 0);
        }
        return new Painted(box, covers);
    }

    private static void ticks(Graphics2D g, List<Ticks.Tick> ticks, Transform t, Style style, Font font, boolean xAxis) {
        double major = 0.5 * style.tickPt();
        double minor = 0.3 * style.tickPt();
        double pad = 0.35 * style.tickPt();
        Rectangle2D box = t.box();
        double capHalf = Text.capHeight(font) / 2;
        BasicStroke majorStroke = new BasicStroke((float) (0.8 * style.lineWidthPt()));
        BasicStroke minorStroke = new BasicStroke((float) (0.6 * style.lineWidthPt()));
        g.setColor(Color.BLACK);
        for (Ticks.Tick tick : ticks) {
            double len = tick.major() ? major : minor;
            g.setStroke(tick.major() ? majorStroke : minorStroke);
            if (xAxis) {
                double x = t.x(tick.value());
                g.draw(new Line2D.Double(x, box.getMaxY(), x, box.getMaxY() + len));
                Text.draw(g, tick.label(), font, x, box.getMaxY() + major + pad + Text.ascent(font), 0.5);
            } else {
                double y = t.y(tick.value());
                g.draw(new Line2D.Double(box.getMinX() - len, y, box.getMinX(), y));
                Text.draw(g, tick.label(), font, box.getMinX() - major - pad, y + capHalf, 1.0);
            }
        }
    }

    private static void grid(Graphics2D g, Transform t, List<Ticks.Tick> ownX, List<Ticks.Tick> ownY, Style style) {
        g.setColor(GRID);
        g.setStroke(new BasicStroke((float) (0.5 * style.lineWidthPt())));
        Rectangle2D box = t.box();
        if (ownX != null) {
            for (Ticks.Tick tick : ownX) {
                if (tick.major()) {
                    double x = t.x(tick.value());
                    g.draw(new Line2D.Double(x, box.getMinY(), x, box.getMaxY()));
                }
            }
        }
        if (ownY != null) {
            for (Ticks.Tick tick : ownY) {
                if (tick.major()) {
                    double y = t.y(tick.value());
                    g.draw(new Line2D.Double(box.getMinX(), y, box.getMaxX(), y));
                }
            }
        }
    }

    private static final Color GRID = new Color(0xE5E5E5);

    private static XYChart chart(Plot plot, double[] xr, double[] yr, int cw, int ch, Style style, Font tickFont, Options o,
                                 boolean ownX, boolean ownY) {
        XYChart chart = new XYChart(cw, ch);
        XYStyler s = chart.getStyler();
        s.setChartTitleVisible(false);
        s.setLegendVisible(false);
        s.setAxisTitlesVisible(false);
        s.setChartBackgroundColor(Color.WHITE);
        s.setPlotBackgroundColor(Color.WHITE);
        s.setPlotBorderVisible(false);
        s.setPlotGridHorizontalLinesVisible(style.grid() && !ownY);
        s.setPlotGridVerticalLinesVisible(style.grid() && !ownX);
        s.setPlotGridLinesColor(GRID);
        s.setPlotGridLinesStroke(new BasicStroke((float) (0.5 * style.lineWidthPt())));
        s.setPlotTicksMarksVisible(false);
        s.setAxisTicksLineVisible(false);
        s.setAxisTickLabelsFont(tickFont);
        s.setAxisTickLabelsColor(Color.BLACK);
        s.setAxisTickMarksColor(Color.BLACK);
        s.setAxisTickMarksStroke(new BasicStroke((float) (0.8 * style.lineWidthPt())));
        s.setAxisTickMarkLength((int) Math.round(0.5 * style.tickPt()));
        s.setAxisTickPadding((int) Math.max(1, Math.round(0.3 * style.tickPt())));
        s.setPlotMargin(0);
        s.setPlotContentSize(1.0);
        s.setChartPadding(1);
        s.setAntiAlias(true);
        s.setXAxisTickMarkSpacingHint((int) Math.round(5.0 * style.tickPt()));
        s.setYAxisTickMarkSpacingHint((int) Math.round(3.2 * style.tickPt()));
        s.setXAxisLogarithmic(plot.x().log());
        s.setYAxisLogarithmic(plot.y().log());
        s.setXAxisLogarithmicDecadeOnly(false);
        s.setYAxisLogarithmicDecadeOnly(false);
        s.setXAxisMin(xr[0]);
        s.setXAxisMax(xr[1]);
        s.setYAxisMin(yr[0]);
        s.setYAxisMax(yr[1]);
        if (ownX) {
            s.setXAxisTicksVisible(false);
        } else {
            s.setxAxisTickLabelsFormattingFunction(o.xTickLabels() ? TickFormat.linear() : v -> " ");
        }
        if (ownY) {
            s.setYAxisTicksVisible(false);
        } else {
            s.setyAxisTickLabelsFormattingFunction(o.yTickLabels() ? TickFormat.linear() : v -> " ");
        }
        // XChart needs a series to lay out axes, and draws no ticks when the data touch the bounds:
        // an invisible one inside the range.
        XYSeries frame = chart.addSeries("frame", new double[] {inside(xr, plot.x().log(), 0.25), inside(xr, plot.x().log(), 0.75)},
                new double[] {inside(yr, plot.y().log(), 0.25), inside(yr, plot.y().log(), 0.75)});
        frame.setLineStyle(SeriesLines.NONE);
        frame.setMarker(SeriesMarkers.NONE);
        frame.setShowInLegend(false);
        return chart;
    }

    private static double inside(double[] r, boolean log, double f) {
        return log ? Math.pow(10, Math.log10(r[0]) + f * (Math.log10(r[1]) - Math.log10(r[0]))) : r[0] + f * (r[1] - r[0]);
    }
}
