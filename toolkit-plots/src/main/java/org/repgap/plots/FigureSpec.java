package org.repgap.plots;

import java.util.List;
import java.util.Objects;
import org.repgap.InvalidInputException;
import org.repgap.plots.data.ChartData;

/**
 * What to draw and how, immutable: the panels (each a {@link ChartData}, hence a {@link ChartKind}),
 * the style, the size, the grid of panels and its shared axes, the PNG resolution. Configure with
 * the {@code with...} methods, which return new specifications:
 *
 * <pre>{@code
 * FigureSpec spec = FigureSpec.of(curve).withStyle(Style.PAPER).withSize(FigureSize.SINGLE_COLUMN);
 * Figures.render(spec, Path.of("fig1.pdf"));
 * }</pre>
 *
 * @param panels      the panels, row by row
 * @param style       font sizes, line widths, grid
 * @param size        the figure's size; null for the style's default (times the rows of a grid)
 * @param columns     panels per row
 * @param shareX      one x range per column, x tick labels and title on the bottom row only
 * @param shareY      one y range per row, y tick labels and title on the left column only
 * @param panelLabels whether panels get letters (a), (b), ... (when there are several)
 * @param dpi         PNG resolution, dots per inch
 */
public record FigureSpec(List<ChartData> panels, Style style, FigureSize size, int columns, boolean shareX,
                         boolean shareY, boolean panelLabels, int dpi) {

    /** The PNG resolution used when none is given. */
    public static final int DEFAULT_DPI = 300;

    public FigureSpec {
        panels = List.copyOf(panels);
        if (panels.isEmpty()) {
            throw new IllegalArgumentException("a figure needs at least one panel");
        }
        Objects.requireNonNull(style, "style");
        if (columns < 1 || columns > panels.size()) {
            throw InvalidInputException.of("columns: must be in [1, %d] for %d panels, got %d", panels.size(), panels.size(), columns);
        }
        if (dpi < 10 || dpi > 2400) {
            throw InvalidInputException.of("dpi: must be in [10, 2400], got %d", dpi);
        }
    }

    /** One panel, paper style at its default size, 300 dpi. */
    public static FigureSpec of(ChartData panel) {
        return new FigureSpec(List.of(panel), Style.PAPER, null, 1, false, false, true, DEFAULT_DPI);
    }

    /** A grid of panels, {@code columns} per row, paper style, labelled (a), (b), ... */
    public static FigureSpec grid(int columns, List<? extends ChartData> panels) {
        return new FigureSpec(List.copyOf(panels), Style.PAPER, null, columns, false, false, true, DEFAULT_DPI);
    }

    /** The chart kind of each panel, in order. */
    public List<ChartKind> kinds() {
        return panels.stream().map(ChartData::kind).toList();
    }

    /** Number of rows of the panel grid. */
    public int rows() {
        return (panels.size() + columns - 1) / columns;
    }

    /**
     * The size drawn: the given one, or the style's default; a default-sized grid of several columns
     * takes the double-column width (paper) and one default height per row.
     */
    public FigureSize resolvedSize() {
        if (size != null) {
            return size;
        }
        FigureSize base = style.defaultSize();
        double w = base.widthPt();
        if (columns > 1 && style == Style.PAPER) {
            w = FigureSize.DOUBLE_COLUMN.widthPt();
        } else if (columns > 1) {
            w = base.widthPt() * Math.min(columns, 2) * 0.75;
        }
        double h = base.heightPt() * rows() * (rows() > 1 ? 0.8 : 1.0);
        return new FigureSize(w, h);
    }

    public FigureSpec withStyle(Style s) {
        return new FigureSpec(panels, s, size, columns, shareX, shareY, panelLabels, dpi);
    }

    public FigureSpec withSize(FigureSize s) {
        return new FigureSpec(panels, style, s, columns, shareX, shareY, panelLabels, dpi);
    }

    /** This figure with another width in points, the height kept (or the default height). */
    public FigureSpec withWidthPt(double w) {
        return withSize(resolvedSize().withWidthPt(w));
    }

    /** This figure with another height in points, the width kept (or the default width). */
    public FigureSpec withHeightPt(double h) {
        return withSize(resolvedSize().withHeightPt(h));
    }

    public FigureSpec withSharedAxes(boolean x, boolean y) {
        return new FigureSpec(panels, style, size, columns, x, y, panelLabels, dpi);
    }

    public FigureSpec withPanelLabels(boolean on) {
        return new FigureSpec(panels, style, size, columns, shareX, shareY, on, dpi);
    }

    public FigureSpec withDpi(int d) {
        return new FigureSpec(panels, style, size, columns, shareX, shareY, panelLabels, d);
    }
}
