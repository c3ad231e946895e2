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
import org.repgap.fit.FitReport;
import org.repgap.gap.GapAnalysis;
import org.repgap.id.IdReport;
import org.repgap.io.AtomicFiles;
import org.repgap.plots.charts.Charts;
import org.repgap.plots.data.ChartData;
import org.repgap.plots.render.Exporters;
import org.repgap.plots.render.PanelPainter;
import org.repgap.plots.render.Plot;
import org.repgap.plots.render.Ranges;
import org.repgap.plots.results.ResultFigures;
import org.repgap.quantization.QuantizationResult;

/**
 * The entry point: renders a {@link FigureSpec} to PNG, SVG, PDF or EPS. Every panel is painted on
 * one canvas whose units are points, so raster and vector output share one layout and panel letters
 * land in the same place in both. Output is headless and deterministic (the same specification gives
 * byte-identical SVG), files are written atomically.
 *
 * <pre>{@code
 * Figures.render(FigureSpec.of(data).withStyle(Style.PAPER), Path.of("figure.pdf"));
 * Figures.render(Figures.of(idReport), Path.of("ids.pdf"));   // a core result record, as its command's --plot draws it
 * Figures.plot(data, Path.of("figure.png"));      // chart data made by hand
 * }</pre>
 */
public final class Figures {

    private Figures() {
    }

    /**
     * The figure of a core result record, as the command that made it draws it with {@code --plot}
     * (paper style, default size; change them with the {@code with...} methods of the
     * specification): an {@link IdReport} (ID comparison, or {@code kind} local-id, scale, twonn), a
     * {@link GapAnalysis.Result} (learning curve, or quantization when its dimension came from the
     * quantization estimator), a {@link FitReport} (one learning-curve panel per group), a
     * {@link QuantizationResult}.
     *
     * @param kind the chart kind, {@code null} for the result's own
     */
    public static FigureSpec of(Object result, ChartKind kind) {
        return ResultFigures.of(result, kind);
    }

    /** The ID comparison of an id report (every estimate with its interval). */
    public static FigureSpec of(IdReport report) {
        return ResultFigures.of(report, null);
    }

    /** The learning curve of a gap result: curve, law, fitted slope with its band. */
    public static FigureSpec of(GapAnalysis.Result result) {
        return ResultFigures.of(result, null);
    }

    /** The learning curves of a fit result, one panel per group, each law with its band and the held-out region. */
    public static FigureSpec of(FitReport report) {
        return ResultFigures.of(report, null);
    }

    /** The quantization curve of a quantization estimate. */
    public static FigureSpec of(QuantizationResult result) {
        return ResultFigures.of(result, null);
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
                List<Integer> column = new ArrayList<>();
                for (int i = c; i < n; i += cols) {
                    column.add(i);
                }
                share(xr, column, plots, true);
            }
        }
        if (spec.shareY()) {
            for (int r = 0; r < spec.rows(); r++) {
                List<Integer> row = new ArrayList<>();
                for (int i = r * cols; i < Math.min(n, (r + 1) * cols); i++) {
                    row.add(i);
                }
                share(yr, row, plots, false);
            }
        }
        List<Plot> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Plot p = plots.get(i);
            out.add(p.withAxes(p.x().withRange(xr[i][0], xr[i][1]), p.y().withRange(yr[i][0], yr[i][1])));
        }
        return out;
    }

    /**
     * One range for the panels {@code members} that share an axis: the union of their ranges, over
     * the panels whose axis has the same scale (linear or log) as the first one; a panel on another
     * scale keeps its own.
     */
    private static void share(double[][] ranges, List<Integer> members, List<Plot> plots, boolean xAxis) {
        boolean log = xAxis ? plots.get(members.get(0)).x().log() : plots.get(members.get(0)).y().log();
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        List<Integer> same = new ArrayList<>();
        for (int i : members) {
            if ((xAxis ? plots.get(i).x().log() : plots.get(i).y().log()) == log) {
                same.add(i);
                lo = Math.min(lo, ranges[i][0]);
                hi = Math.max(hi, ranges[i][1]);
            }
        }
        for (int i : same) {
            ranges[i] = new double[] {lo, hi};
        }
    }

    /**
     * Paints the whole figure on a canvas in points. A grid is laid out twice: a first pass measures
     * where each panel's axes box falls, the second adds margins so that boxes line up along columns
     * (left edges) and rows (top and bottom edges), as matplotlib's fixed axes positions do.
     */
    static Consumer<Graphics2D> painter(FigureSpec spec, boolean opaque) {
        List<Plot> plots = plots(spec);
        FigureSize size = spec.resolvedSize();
        int n = plots.size();
        int cols = spec.columns();
        int rows = spec.rows();
        double outer = 0.25 * spec.style().tickPt();
        double cellW = (size.widthPt() - 2 * outer) / cols;
        double cellH = (size.heightPt() - 2 * outer) / rows;
        double gapX = n > 1 ? 0.6 * spec.style().labelPt() : 0;
        Rectangle2D[] areas = new Rectangle2D[n];
        PanelPainter.Options[] options = new PanelPainter.Options[n];
        for (int i = 0; i < n; i++) {
            int r = i / cols;
            int c = i % cols;
            areas[i] = new Rectangle2D.Double(outer + c * cellW + (c > 0 ? gapX : 0), outer + r * cellH,
                    cellW - (c > 0 ? gapX : 0), cellH);
            boolean xLabels = !spec.shareX() || i + cols >= n;
            boolean yLabels = !spec.shareY() || c == 0;
            String letter = n > 1 && spec.panelLabels() ? "(" + (char) ('a' + i) + ")" : null;
            options[i] = new PanelPainter.Options(letter, xLabels, yLabels, xLabels, yLabels, opaque, 0, 0, 0);
        }
        if (n > 1) {
            align(plots, areas, options, spec);
        }
        return g -> {
            for (int i = 0; i < n; i++) {
                Plot p = plots.get(i);
                PanelPainter.paint(g, p, new double[] {p.x().min(), p.x().max()}, new double[] {p.y().min(), p.y().max()},
                        areas[i], spec.style(), options[i]);
            }
        };
    }

    private static void align(List<Plot> plots, Rectangle2D[] areas, PanelPainter.Options[] options, FigureSpec spec) {
        int n = plots.size();
        int cols = spec.columns();
        double[] left = new double[n];
        double[] top = new double[n];
        double[] bottom = new double[n];
        BufferedImage scratch = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = scratch.createGraphics();
        try {
            for (int i = 0; i < n; i++) {
                Plot p = plots.get(i);
                Rectangle2D box = PanelPainter.paint(g, p, new double[] {p.x().min(), p.x().max()},
                        new double[] {p.y().min(), p.y().max()}, areas[i], spec.style(), options[i]);
                left[i] = box.getMinX() - areas[i].getMinX();
                top[i] = box.getMinY() - areas[i].getMinY();
                bottom[i] = areas[i].getMaxY() - box.getMaxY();
            }
        } finally {
            g.dispose();
        }
        for (int i = 0; i < n; i++) {
            double maxLeft = 0;
            for (int j = i % cols; j < n; j += cols) {
                maxLeft = Math.max(maxLeft, left[j]);
            }
            double maxTop = 0;
            double maxBottom = 0;
            int r0 = (i / cols) * cols;
            for (int j = r0; j < Math.min(n, r0 + cols); j++) {
                maxTop = Math.max(maxTop, top[j]);
                maxBottom = Math.max(maxBottom, bottom[j]);
            }
            options[i] = options[i].withExtra(maxLeft - left[i], maxTop - top[i], maxBottom - bottom[i]);
        }
    }
}
