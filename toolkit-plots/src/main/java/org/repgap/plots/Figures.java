package org.repgap.plots;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.repgap.io.AtomicFiles;
import org.repgap.plots.charts.Charts;
import org.repgap.plots.data.ChartData;
import org.repgap.plots.render.Exporters;
import org.repgap.plots.render.PanelPainter;
import org.repgap.plots.render.Plot;
import org.repgap.plots.render.Ranges;

/**
 * The entry point: renders a {@link FigureSpec} to PNG, SVG, PDF or EPS. Every panel is painted on
 * one canvas whose units are points, so raster and vector output share one layout and panel letters
 * land in the same place in both. Output is headless and deterministic (the same specification gives
 * byte-identical SVG), files are written atomically.
 *
 * <pre>{@code
 * Figures.render(FigureSpec.of(data).withStyle(Style.PAPER), Path.of("figure.pdf"));
 * Figures.plot(data, Path.of("figure.png"));      // what analysis commands' --plot FILE calls
 * }</pre>
 */
public final class Figures {

    private Figures() {
    }

    /** Renders {@code data} as a one-panel paper figure at its default size to {@code out} (format by extension). */
    public static void plot(ChartData data, Path out) throws IOException {
        render(FigureSpec.of(data), out);
    }

    /** Renders {@code spec} to {@code out}, the format chosen by the file extension, atomically. */
    public static void render(FigureSpec spec, Path out) throws IOException {
        OutputFormat format = OutputFormat.of(out);
        Consumer<Graphics2D> painter = painter(spec, format == OutputFormat.EPS);
        AtomicFiles.write(out, os -> write(spec, format, painter, os));
    }

    /** Alias of {@link #render(FigureSpec, Path)} for commands wiring {@code --plot FILE}. */
    public static void write(FigureSpec spec, Path out) throws IOException {
        render(spec, out);
    }

    /** Writes {@code spec} in {@code format} to a stream. */
    public static void write(FigureSpec spec, OutputFormat format, OutputStream out) throws IOException {
        write(spec, format, painter(spec, format == OutputFormat.EPS), out);
    }

    /** The figure as an image at the specification's DPI. */
    public static BufferedImage image(FigureSpec spec) {
        FigureSize size = spec.resolvedSize();
        return Exporters.image(painter(spec, false), size.widthPt(), size.heightPt(), spec.dpi());
    }

    private static void write(FigureSpec spec, OutputFormat format, Consumer<Graphics2D> painter, OutputStream out)
            throws IOException {
        FigureSize size = spec.resolvedSize();
        switch (format) {
            case PNG:
                Exporters.png(painter, size.widthPt(), size.heightPt(), spec.dpi(), out);
                break;
            case SVG:
                Exporters.vector(painter, size.widthPt(), size.heightPt(), "svg", out);
                break;
            case EPS:
                Exporters.vector(painter, size.widthPt(), size.heightPt(), "eps", out);
                break;
            case PDF:
                Exporters.pdf(painter, size.widthPt(), size.heightPt(), out);
                break;
            default:
                throw new AssertionError(format);
        }
    }

    /** The panels of {@code spec} as plot descriptions, with shared ranges applied. */
    public static List<Plot> plots(FigureSpec spec) {
        int n = spec.panels().size();
        int cols = spec.columns();
        List<Plot> plots = new ArrayList<>(n);
        double[][] xr = new double[n][];
        double[][] yr = new double[n][];
        for (int i = 0; i < n; i++) {
            Plot p = Charts.plot(spec.panels().get(i), spec.style());
            plots.add(p);
            xr[i] = Ranges.x(p);
            yr[i] = Ranges.y(p);
        }
        if (spec.shareX()) {
            for (int c = 0; c < cols; c++) {
                union(xr, c, n, cols);
            }
        }
        if (spec.shareY()) {
            for (int r = 0; r < spec.rows(); r++) {
                double lo = Double.POSITIVE_INFINITY;
                double hi = Double.NEGATIVE_INFINITY;
                for (int i = r * cols; i < Math.min(n, (r + 1) * cols); i++) {
                    lo = Math.min(lo, yr[i][0]);
                    hi = Math.max(hi, yr[i][1]);
                }
                for (int i = r * cols; i < Math.min(n, (r + 1) * cols); i++) {
                    yr[i] = new double[] {lo, hi};
                }
            }
        }
        List<Plot> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Plot p = plots.get(i);
            out.add(p.withAxes(p.x().withRange(xr[i][0], xr[i][1]), p.y().withRange(yr[i][0], yr[i][1])));
        }
        return out;
    }

    private static void union(double[][] ranges, int column, int n, int cols) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int i = column; i < n; i += cols) {
            lo = Math.min(lo, ranges[i][0]);
            hi = Math.max(hi, ranges[i][1]);
        }
        for (int i = column; i < n; i += cols) {
            ranges[i] = new double[] {lo, hi};
        }
    }

    /** Paints the whole figure on a canvas in points. */
    static Consumer<Graphics2D> painter(FigureSpec spec, boolean opaque) {
        List<Plot> plots = plots(spec);
        return g -> {
            FigureSize size = spec.resolvedSize();
            int n = plots.size();
            int cols = spec.columns();
            int rows = spec.rows();
            double outer = 0.25 * spec.style().tickPt();
            double cellW = (size.widthPt() - 2 * outer) / cols;
            double cellH = (size.heightPt() - 2 * outer) / rows;
            double gapX = n > 1 ? 0.6 * spec.style().labelPt() : 0;
            for (int i = 0; i < n; i++) {
                int r = i / cols;
                int c = i % cols;
                Rectangle2D area = new Rectangle2D.Double(outer + c * cellW + (c > 0 ? gapX : 0), outer + r * cellH,
                        cellW - (c > 0 ? gapX : 0), cellH);
                boolean bottomOfColumn = i + cols >= n;
                boolean xLabels = !spec.shareX() || bottomOfColumn;
                boolean yLabels = !spec.shareY() || c == 0;
                String letter = n > 1 && spec.panelLabels() ? "(" + (char) ('a' + i) + ")" : null;
                PanelPainter.Options o = new PanelPainter.Options(letter, xLabels, yLabels, xLabels, yLabels, opaque, 0);
                Plot p = plots.get(i);
                PanelPainter.paint(g, p, new double[] {p.x().min(), p.x().max()}, new double[] {p.y().min(), p.y().max()},
                        area, spec.style(), o);
            }
        };
    }
}
