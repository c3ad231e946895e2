package org.repgap.plots;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.repgap.plots.data.ChartData;

/**
 * Renders one PNG of every chart kind from {@link SampleData}, plus a multi-panel figure, into a
 * directory: the pictures of {@code toolkit-plots/README.md}. Run it with
 * {@code ./repgap plot --gallery toolkit-plots/gallery --dpi 130}.
 */
public final class Gallery {
    private Gallery() {
    }

    /** Writes {@code <kind>.png} for every kind and {@code multi-panel.png}; returns the files written. */
    public static List<Path> write(Path dir, int dpi) throws IOException {
        List<Path> out = new ArrayList<>();
        for (ChartKind kind : ChartKind.values()) {
            Path file = dir.resolve(kind.cliName() + ".png");
            Figures.render(FigureSpec.of(SampleData.of(kind, 42)).withDpi(dpi), file);
            out.add(file);
        }
        Path multi = dir.resolve("multi-panel.png");
        Figures.render(multiPanel().withDpi(dpi), multi);
        out.add(multi);
        return out;
    }

    /** The sample multi-panel figure: four kinds on a double-column 2 x 2 grid, letters (a)-(d). */
    public static FigureSpec multiPanel() {
        List<ChartData> panels = List.of(SampleData.of(ChartKind.LEARNING_CURVE, 42), SampleData.of(ChartKind.ID_COMPARISON, 42),
                SampleData.of(ChartKind.TWONN, 42), SampleData.of(ChartKind.QUANTIZATION, 42));
        return FigureSpec.grid(2, panels).withSize(FigureSize.inches(6.75, 4.6));
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "toolkit-plots/gallery");
        int dpi = args.length > 1 ? Integer.parseInt(args[1]) : 130;
        for (Path p : write(dir, dpi)) {
            System.out.println(p);
        }
    }
}
