package org.repgap.diffusion;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.repgap.diffusion.sweep.DataSource;
import org.repgap.diffusion.sweep.Sweep;
import org.repgap.diffusion.tasks.Tasks;
import org.repgap.progress.Progress;

/**
 * Documented example (not a test): learning curves on {@code rotated-clouds:4:2} with and without so2
 * canonicalization, through the test-only so2 group until the groups module provides {@code so2}.
 * Prints the log-log slope of {@code sample_rg} and of {@code ideal_rg} against {@code n} per mechanism.
 * Run: {@code java -cp toolkit-core/target/test-classes:toolkit-core/target/classes:<deps>
 * org.repgap.diffusion.So2LearningCurveExample OUT_DIR STEPS}.
 */
public final class So2LearningCurveExample {
    private So2LearningCurveExample() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]);
        int steps = Integer.parseInt(args[1]);
        Sweep.Spec spec = new Sweep.Spec(DataSource.of(Tasks.parse("rotated-clouds:4:2")), org.repgap.group.Groups.so2(),
                List.of(Equivariance.NONE, Equivariance.CANONICAL), new int[] {32, 64, 128, 256, 512}, 1,
                Trainer.Options.defaults(steps, 0).withModel(128, 3, 128), org.repgap.diffusion.TrainingBudget.fixed(steps),
                RunMetrics.Options.defaults(0), 512, 4, 2, out);
        Sweep.run(spec, Progress.NONE);
        List<String> rows = java.nio.file.Files.readAllLines(out.resolve("runs.csv"));
        for (String mech : new String[] {"none", "canonical"}) {
            int cnt = 0;
            double sxx = 0;
            double sxy = 0;
            double sxyIdeal = 0;
            double sumX = 0;
            double sumY = 0;
            double sumYi = 0;
            for (String r : rows.subList(1, rows.size())) {
                String[] c = r.split(",");
                if (!c[4].equals(mech)) {
                    continue;
                }
                double x = Math.log(Double.parseDouble(c[1]));
                double y = Math.log(Double.parseDouble(c[7]));
                double yi = Math.log(Double.parseDouble(c[8]));
                cnt++;
                sumX += x;
                sumY += y;
                sumYi += yi;
                sxx += x * x;
                sxy += x * y;
                sxyIdeal += x * yi;
            }
            double den = sxx - sumX * sumX / cnt;
            System.out.printf(Locale.ROOT, "%s: slope(sample_rg) = %.3f, slope(ideal_rg) = %.3f%n", mech,
                    (sxy - sumX * sumY / cnt) / den, (sxyIdeal - sumX * sumYi / cnt) / den);
        }
    }
}
