package org.repgap.examples;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.repgap.fit.FitAnalysis;
import org.repgap.fit.LawReport;
import org.repgap.fit.Laws;
import org.repgap.fit.LearningCurve;
import org.repgap.progress.Progress;

/**
 * Fits scaling laws to a learning curve, with bootstrap intervals, AICc and the implied intrinsic
 * dimension {@code d = 2/alpha}. The curve here is synthetic, {@code L = 0.05 + 3 n^(-0.5)} with 3%
 * multiplicative noise and three seeds per size (so {@code d = 4}); replace it with your own
 * {@code (n, loss)} pairs, or use {@code repgap fit} on a CSV/W&B/MLflow/TensorBoard export.
 *
 * <pre>java -cp 'examples/target/classes:toolkit-cli/target/lib/*' org.repgap.examples.FitScalingLaw</pre>
 */
public final class FitScalingLaw {
    private FitScalingLaw() {
    }

    public static void main(String[] args) {
        SplittableRandom rng = new SplittableRandom(7);
        int[] sizes = {100, 200, 400, 800, 1600, 3200, 6400, 12800};
        double[] n = new double[sizes.length * 3];
        double[] loss = new double[n.length];
        for (int i = 0; i < n.length; i++) {
            n[i] = sizes[i / 3];
            loss[i] = (0.05 + 3 * Math.pow(n[i], -0.5)) * Math.exp(0.03 * rng.nextGaussian());
        }
        LearningCurve curve = LearningCurve.ofColumn(n, loss); // rows with equal n are seeds
        // bootstrap over seeds; extrapolation check: fit on the smallest 75% of sizes, predict the rest
        FitAnalysis.Options options = FitAnalysis.Options.defaults().withBootstrap(300, 1).withHoldout(0.75);
        List<LawReport> reports = FitAnalysis.analyse(List.of(Laws.power(), Laws.powerWithOffset()), curve, Map.of(), options,
                Progress.NONE);
        for (LawReport r : reports) {
            System.out.printf(Locale.ROOT, "%-13s AICc %8.2f  holdout error %.4f  params %s  implied d %s%n", r.law(),
                    r.aicc(), r.holdoutError(), r.params(), r.dimension() == null ? "-" : String.format(Locale.ROOT, "%.2f", r.dimension()));
        }
    }
}
