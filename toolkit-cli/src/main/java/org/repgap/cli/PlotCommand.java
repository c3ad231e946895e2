package org.repgap.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.repgap.InvalidInputException;
import org.repgap.plots.ChartKind;
import org.repgap.plots.FigureSize;
import org.repgap.plots.FigureSpec;
import org.repgap.plots.Figures;
import org.repgap.plots.Gallery;
import org.repgap.plots.OutputFormat;
import org.repgap.plots.Style;
import org.repgap.plots.io.ResultReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code repgap plot}: renders a saved result as a figure for a paper, a slide or a notebook. */
@Command(name = "plot",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Renders a saved result as a figure: the JSON of 'repgap id', 'gap' or",
            "'fit', or the trainer's history.csv or sigmas.csv. PNG, SVG, PDF or EPS",
            "by the extension of --output; column width (3.25 in) by default; a",
            "colour-blind-safe palette with distinct markers and dashes, so that a",
            "greyscale print still reads.",
            "",
            "Kinds (--kind; guessed from the file when omitted):",
            "  learning-curve  RG_n against n, log-log: points with seed spread,",
            "                  predicted law, fitted laws with confidence bands,",
            "                  extrapolation region, implied d   (gap or fit JSON)",
            "  id              one row per ID estimator, point and interval per",
            "                  group, true ID line                      (id JSON)",
            "  twonn           TwoNN diagnostic: -log(1 - F) against log mu with",
            "                  the fitted line     (id JSON saved with --diagnostic)",
            "  scale           ID against neighbour rank (GRIDE), with intervals",
            "  local-id        histogram of pointwise IDs, global estimate marked",
            "  quantization    error e_k against k, log-log, fit, d = -2/slope",
            "  training        loss columns of history.csv against the step",
            "  sigma-gap       gap GG(sigma) per run from sigmas.csv, ideal dashed",
            "  equivariance    equivariance-error columns of history.csv",
            "  constraints     gamma_* and dual_* columns of history.csv",
            "",
            "Lengths: 3.25in, 8.5cm, 85mm, 234pt, or single (3.25in), double",
            "(6.75in), slide (8in).",
            "",
            "Examples:",
            "  repgap plot --input gap.json --output fig2.pdf",
            "  repgap plot --input id.json --kind id --width double -o ids.svg",
            "  repgap plot --input history.csv --style slide -o loss.png",
            "  repgap plot --gallery toolkit-plots/gallery --dpi 130"})
final class PlotCommand implements Callable<Integer> {

    @Option(names = "--input", paramLabel = "FILE", description = "Saved result: .json from id/gap/fit, or history.csv / sigmas.csv.")
    Path input;

    @Option(names = "--kind", paramLabel = "KIND", description = "Chart kind (see above); guessed from the file when omitted.")
    String kind;

    @Option(names = "--style", paramLabel = "S", defaultValue = "paper",
            description = "paper (8 pt labels), slide (14 pt) or notebook (10 pt, grid). Default: ${DEFAULT-VALUE}.")
    String style;

    @Option(names = "--width", paramLabel = "LEN", description = "Figure width (default: the style's, 3.25in for paper).")
    String width;

    @Option(names = "--height", paramLabel = "LEN", description = "Figure height (default: the style's, 2.4in for paper).")
    String height;

    @Option(names = "--dpi", paramLabel = "N", defaultValue = "300", description = "PNG resolution. Default: ${DEFAULT-VALUE}.")
    int dpi;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Figure file; .png, .svg, .pdf or .eps.")
    Path output;

    @Option(names = "--gallery", paramLabel = "DIR",
            description = "Instead of --input: render every kind from synthetic sample data into DIR (the README gallery).")
    Path gallery;

    @Override
    public Integer call() throws IOException {
        if (gallery != null) {
            if (input != null) {
                throw InvalidInputException.of("--gallery and --input exclude each other");
            }
            for (Path p : Gallery.write(gallery, dpi)) {
                Output.emit(null, "wrote " + p);
            }
            return 0;
        }
        if (input == null) {
            throw InvalidInputException.of("--input: missing; give a saved result file (or --gallery DIR)");
        }
        if (output == null) {
            throw InvalidInputException.of("--output: missing; give the figure file (.png, .svg, .pdf or .eps)");
        }
        Output.checkOutputs(input, output, null);
        OutputFormat.of(output);
        FigureSpec spec = ResultReader.figure(input, kind == null ? null : ChartKind.parse(kind))
                .withStyle(Style.parse(style)).withDpi(dpi);
        if (width != null) {
            spec = spec.withWidthPt(FigureSize.parseLength(width, "--width"));
        }
        if (height != null) {
            spec = spec.withHeightPt(FigureSize.parseLength(height, "--height"));
        }
        try {
            Figures.render(spec, output);
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.of("%s: cannot draw this figure at %s: %s", output, spec.resolvedSize(), e.getMessage());
        }
        String kinds = String.join(", ", spec.kinds().stream().map(ChartKind::cliName).distinct().toList());
        Output.emit(null, "wrote " + output + " (" + kinds + ", " + spec.resolvedSize() + ")");
        return 0;
    }

    /** Every kind's command-line name, for tests and completion. */
    static List<String> kinds() {
        return java.util.Arrays.stream(ChartKind.values()).map(ChartKind::cliName).toList();
    }
}
