package org.repgap.examples;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.repgap.data.PointCloud;
import org.repgap.datasets.Datasets;
import org.repgap.gap.GapAnalysis;
import org.repgap.gap.RepresentationGapCurve;
import org.repgap.gap.SlopeFit;
import org.repgap.group.Groups;
import org.repgap.group.SymmetryGroup;
import org.repgap.id.IdContext;
import org.repgap.id.IdEstimation;
import org.repgap.id.IdReport;
import org.repgap.id.IdResult;
import org.repgap.id.MleEstimator;
import org.repgap.id.TwoNnEstimator;
import org.repgap.neighbors.NeighborSearch;
import org.repgap.plots.ChartKind;
import org.repgap.plots.FigureSize;
import org.repgap.plots.FigureSpec;
import org.repgap.plots.Figures;
import org.repgap.plots.data.ChartData;
import org.repgap.progress.Progress;

/**
 * A two-column paper figure with two panels, built from the toolkit's result records and written as PDF
 * (fonts embedded) and SVG (text as {@code <text>} elements, so it stays selectable and searchable):
 * <ul>
 *   <li>(a) intrinsic dimension of {@code rotating-pair} (two points of the plane turning together: a
 *       3-manifold in R^4) by TwoNN and MLE, without symmetry and modulo the common rotation {@code so2}
 *       (about 3 and 2), with 95% bootstrap intervals;</li>
 *   <li>(b) the ideal Representation Gap curve modulo {@code so2} (leave-one-out, THEORY.md section 2) with
 *       its fitted slope and the law {@code C n^(-2/d_task)}, {@code d_task} the TwoNN estimate of panel (a).</li>
 * </ul>
 * Each panel is the one its command draws ({@code repgap id --plot}, {@code repgap gap --plot}), taken from
 * {@link Figures#of(Object, ChartKind)} and laid out by {@link FigureSpec#grid} at
 * {@link FigureSize#DOUBLE_COLUMN} (6.75 in by 2.6 in, 486 by 187.2 pt), so {@code \includegraphics} of the
 * PDF at {@code \textwidth} of a two-column paper needs no scaling and its labels print at the style's size.
 *
 * <pre>java -cp 'examples/target/classes:toolkit-cli/target/lib/*' org.repgap.examples.TwoColumnFigure [OUT_DIR]</pre>
 */
public final class TwoColumnFigure {
    private TwoColumnFigure() {
    }

    public static void main(String[] args) {
        Path out = args.length > 0 ? Path.of(args[0]) : tempDir();
        PointCloud x = Datasets.generate("rotating-pair", 2000, 1);
        SymmetryGroup so2 = Groups.so2();
        IdEstimation.Options idOptions = IdEstimation.Options.defaults().withBootstrap(100, 7);

        // (a) the same estimators on the Euclidean and on the orbit distance
        List<IdReport> ids = new ArrayList<>();
        for (SymmetryGroup g : List.of(Groups.none(), so2)) {
            IdContext ctx = IdContext.of(x, g.orbitMetric(x.dim()));
            List<IdResult> r = IdEstimation.run(List.of(TwoNnEstimator.withDefaults(), MleEstimator.withDefaults()), ctx, idOptions);
            ids.add(IdReport.of(ctx, r).withGroup(g.spec()));
            for (IdResult e : r) {
                System.out.printf(Locale.ROOT, "(a) %-5s %-6s d = %.2f [%.2f, %.2f]%n", g.spec(), e.estimator(), e.dimension(),
                        e.ciLow(), e.ciHigh());
            }
        }

        // (b) the ideal gap curve modulo so2, its law from d_task = TwoNN modulo so2
        double dTask = ids.get(1).estimates().get(0).dimension();
        GapAnalysis.Options gapOptions = new GapAnalysis.Options(
                RepresentationGapCurve.Options.leaveOneOut(new int[] {125, 250, 500, 1000, 2000}, 3, 1), SlopeFit.Options.defaults(),
                null, "twonn", 5, null);
        GapAnalysis.Result gap = GapAnalysis.run(x, so2, metric -> NeighborSearch.auto(metric, x.dim()), gapOptions,
                (data, group) -> dTask, Progress.NONE);
        System.out.printf(Locale.ROOT, "(b) so2   RG slope %.3f, law %.3g n^(-%.3f) (d_task = %.2f)%n", gap.fit().slope(),
                gap.law().constant(), gap.law().exponent(), dTask);

        List<ChartData> panels = List.of(panel(Figures.of(ids, ChartKind.ID_COMPARISON)), panel(Figures.of(gap)));
        FigureSpec figure = FigureSpec.grid(2, panels).withSize(FigureSize.DOUBLE_COLUMN);
        try {
            Files.createDirectories(out);
            for (String ext : List.of("pdf", "svg")) {
                Path file = out.resolve("two-column." + ext);
                Figures.render(figure, file);
                System.out.printf(Locale.ROOT, "wrote %s (%.1f x %.1f pt)%n", file, figure.resolvedSize().widthPt(),
                        figure.resolvedSize().heightPt());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the figure to " + out + ": " + e.getMessage(), e);
        }
    }

    /** The one panel of a result's own figure. */
    private static ChartData panel(FigureSpec single) {
        return single.panels().get(0);
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("repgap-two-column");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
