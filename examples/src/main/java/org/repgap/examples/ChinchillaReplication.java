package org.repgap.examples;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.repgap.fit.CurveFitter;
import org.repgap.fit.FitAnalysis;
import org.repgap.fit.LawReport;
import org.repgap.fit.Laws;
import org.repgap.fit.LearningCurve;
import org.repgap.progress.Progress;
import org.repgap.runs.CurveExtraction;
import org.repgap.runs.ReadOptions;
import org.repgap.runs.Reduce;
import org.repgap.runs.RunFormat;
import org.repgap.runs.RunInputs;
import org.repgap.runs.Table;

/**
 * The Chinchilla replication of Besiroglu et al. 2024 ("Chinchilla Scaling: A replication attempt",
 * arXiv:2404.10102): {@code L = E + A/N^alpha + B/D^beta} fitted to the 245 digitised training runs of
 * Hoffmann et al. 2022 (arXiv:2203.15556; data by Epoch AI, {@code chinchilla/README.md}) after dropping
 * the 5 highest losses, with a Huber loss ({@code delta = 1e-3}) on {@code log L} from their 4,500-start
 * grid. Published: E = 1.817, A = 482.0, B = 2085, alpha = 0.3478, beta = 0.3658. The same as
 * {@code repgap fit --input svg_extracted_data.csv --derive 'D=Training FLOP/(6*Model Size)' --x 'Model Size,D'
 * --y loss --drop-top 5 --law chinchilla --loss huber --delta 1e-3}.
 *
 * <pre>java -cp 'examples/target/classes:toolkit-cli/target/lib/*' org.repgap.examples.ChinchillaReplication [CSV]</pre>
 */
public final class ChinchillaReplication {
    private ChinchillaReplication() {
    }

    public static void main(String[] args) {
        Path csv = args.length > 0 ? Path.of(args[0]) : Resources.copy("chinchilla/svg_extracted_data.csv");
        CurveExtraction.Spec spec = new CurveExtraction.Spec(List.of("Model Size", "D"), "loss",
                List.of("D=Training FLOP/(6*Model Size)"), null, List.of(), 5);
        Table table = RunInputs.read(csv, RunFormat.CSV, new RunInputs.Selection(spec.x(), spec.y(), Reduce.parse("last")), ReadOptions.strict());
        LearningCurve runs = CurveExtraction.curves(CurveExtraction.transform(table, spec), spec, System.err::println).get(0).curve();
        FitAnalysis.Options options = FitAnalysis.Options.defaults().withFit(CurveFitter.Options.chinchilla());
        LawReport r = FitAnalysis.analyse(Laws.chinchilla(), runs, Map.of(), options, Progress.NONE);
        System.out.printf(Locale.ROOT, "%d runs; %s%n", runs.size(), r.law());
        for (String p : List.of("E", "A", "B", "alpha", "beta")) {
            System.out.printf(Locale.ROOT, "%-5s = %.4g%n", p, r.params().get(p));
        }
    }
}
