package org.repgap.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import org.repgap.io.Csv;
import org.repgap.diffusion.sweep.SweepLaws;
import org.repgap.json.Json;
import org.repgap.plots.adapters.SweepLawsFigure;

/** The law checks of a trainer sweep, as {@code repgap fit --input DIR} and the end of {@code repgap train} print them. */
final class SweepReport {
    private SweepReport() {
    }

    /** The sweep directory that {@code input} names (the directory, or its {@code runs.csv}), or null if it is not one. */
    static Path sweepDirectory(Path input) {
        Path dir = Files.isDirectory(input) ? input
                : input.getFileName() != null && input.getFileName().toString().equals("runs.csv") ? input.toAbsolutePath().getParent() : null;
        return dir != null && Files.isRegularFile(dir.resolve("config.json")) && Files.isDirectory(dir.resolve("runs")) ? dir : null;
    }

    /** Computes the checks and writes them in {@code format} to {@code output} (stdout when null), and the figure when asked. */
    static SweepLaws emit(Path dir, double sigmaFactor, Output.Format format, Path output, PlotOption plot) {
        SweepLaws laws = SweepLaws.of(dir, sigmaFactor);
        Output.emit(output, switch (format) {
            case text -> SweepLawsTable.render(laws);
            case json -> Json.write(laws.toMap());
            case csv -> csv(laws);
        });
        if (plot != null && plot.file() != null) {
            plot.write(SweepLawsFigure.of(laws));
        }
        return laws;
    }

    /** One row per mechanism and size (17 significant digits). */
    static String csv(SweepLaws laws) {
        StringBuilder b = new StringBuilder("mechanism,metric,n,seeds,steps,gap,ideal_gap,ratio,ratio_low,ratio_high,memorization,n_eff,"
                + "n_eff_low,n_eff_high,gg,ideal_gg,ideal_plain_gg,regime\n");
        for (SweepLaws.Mechanism m : laws.mechanisms()) {
            for (SweepLaws.Size s : m.sizes()) {
                b.append(String.join(",", m.mechanism(), m.metric(), Integer.toString(s.n()), Integer.toString(s.seeds()),
                        Integer.toString(s.steps()), Csv.number(s.gap()), Csv.number(s.idealGap()), Csv.number(s.ratio().value()), Csv.number(s.ratio().ciLow()),
                        Csv.number(s.ratio().ciHigh()), Csv.number(s.memorization()), Csv.number(s.nEff().value()), Csv.number(s.nEff().ciLow()),
                        Csv.number(s.nEff().ciHigh()), Csv.number(s.gg()), Csv.number(s.idealGg()), Csv.number(s.idealPlainGg()), s.regime())).append('\n');
            }
        }
        return b.toString();
    }
}
