package org.repgap.examples;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.repgap.data.PointCloud;
import org.repgap.datasets.Datasets;
import org.repgap.diffusion.Equivariance;
import org.repgap.diffusion.RunMetrics;
import org.repgap.diffusion.Trainer;
import org.repgap.diffusion.TrainingBudget;
import org.repgap.diffusion.sweep.DataSource;
import org.repgap.diffusion.sweep.Sweep;
import org.repgap.diffusion.sweep.SweepDimensions;
import org.repgap.diffusion.sweep.SweepLaws;
import org.repgap.group.Groups;
import org.repgap.group.SymmetryGroup;
import org.repgap.progress.Progress;

/**
 * A symmetry ablation with the bundled diffusion trainer ({@code docs/trainer.md}): the same EDM denoiser
 * trained without symmetry ({@code none}) and canonicalised to the group ({@code canonical}: {@code D(y) = g_y^-1
 * F(g_y y)}, {@code g_y} the pose of the input), on {@code rotating-pair} (two points of the plane turning together: {@code d = 3}; modulo the common rotation
 * {@code so2}, {@code d_task = 2}), at a few small training-set sizes with steps proportional to {@code n}.
 *
 * <p>Per mechanism it prints, from the sweep's law checks ({@link SweepLaws}, THEORY.md section 3): the ratio
 * of the model's Representation Gap to the ideal one in the model's own metric ({@code sample_rg / ideal_rg},
 * orbit metric for the equivariant mechanisms, Euclidean for {@code none}: about 1 while the model memorises
 * its training set), the memorisation fraction (samples closer to one training point, modulo the group, than a
 * third of the distance to the second), and the log-log exponent of the gap over the sizes with its 95%
 * interval over seeds, beside the ideal curve's exponent and the predicted {@code -2/d} or {@code -2/d_task}.
 * The same as {@code repgap train --dataset rotating-pair --dataset-size 336 --group so2
 * --equivariance none,canonical --sizes 4,8,16 --seeds 2 --budget per-point:1000:4000:8000 --width 64
 * --test-size 256 --out DIR}, a small version of the experiment in {@code docs/trainer.md} (which adds
 * {@code ace}, sizes up to 512, three seeds and twice the steps per point: 40 minutes instead of seconds).
 *
 * <pre>java -cp 'examples/target/classes:toolkit-cli/target/lib/*' org.repgap.examples.SymmetryAblation [OUT_DIR]</pre>
 *
 * <p>{@code OUT_DIR} (default: a new temporary directory) holds the run directory; a rerun with the same
 * directory trains nothing and prints the same numbers.
 */
public final class SymmetryAblation {
    private SymmetryAblation() {
    }

    public static void main(String[] args) {
        Path out = args.length > 0 ? Path.of(args[0]) : tempDir();
        int[] sizes = {4, 8, 16};
        int seeds = 2;
        int testSize = 256;
        // a fixed point set: test points and, per seed, nested training sets and a reserve drawn from it
        PointCloud data = Datasets.generate("rotating-pair", testSize + 5 * sizes[sizes.length - 1], 0);
        SymmetryGroup so2 = Groups.so2();
        // 1000 steps per training point, at least 4000 and at most 8000 (the default rule is 2000 per point up to 64,000:
        // this is a demonstration in seconds, so n = 16 gets only 500 per point and memorises less)
        TrainingBudget budget = TrainingBudget.perPoint(1000, 4000, 8000);
        Trainer.Options trainer = Trainer.Options.defaults(budget.min(), 0).withModel(64, 3, 256);
        RunMetrics.Options metrics = RunMetrics.Options.defaults(0).withSampleFactor(4, 256);
        Sweep.Spec spec = new Sweep.Spec(DataSource.of(data), so2, List.of(Equivariance.NONE, Equivariance.CANONICAL),
                sizes, seeds, trainer, budget, metrics, testSize, 4, Runtime.getRuntime().availableProcessors(), out);
        long start = System.nanoTime();
        Sweep.Summary summary = Sweep.run(spec, Progress.NONE);
        SweepLaws laws = SweepLaws.of(out, 0.5);
        System.out.printf(Locale.ROOT, "%d runs (%d trained) in %.0f s: %s%n", summary.total(), summary.trained(),
                (System.nanoTime() - start) / 1e9, out);
        SweepDimensions dims = laws.dimensions();
        System.out.printf(Locale.ROOT, "d = %.2f [%.2f, %.2f], d_task = %.2f [%.2f, %.2f] (TwoNN on the sweep's %d points, without and modulo %s)%n",
                dims.plain().value(), dims.plain().ciLow(), dims.plain().ciHigh(), dims.task().value(), dims.task().ciLow(),
                dims.task().ciHigh(), dims.points(), so2.spec());
        for (SweepLaws.Mechanism m : laws.mechanisms()) {
            SweepLaws.Exponent e = m.all();
            System.out.printf(Locale.ROOT, "%-9s (%s metric) ratio %s  memorised %s  exponent %.3f [%.3f, %.3f] (ideal %.3f, predicted %.3f)%n",
                    m.mechanism(), m.metric(), join(m, z -> z.ratio().value()), join(m, SweepLaws.Size::memorization), e.value(),
                    e.ciLow(), e.ciHigh(), m.idealAll().value(), m.predicted().value());
        }
        System.out.println("(per size n = " + java.util.Arrays.stream(sizes).mapToObj(Integer::toString).collect(Collectors.joining("/"))
                + ", means over " + seeds + " seeds; exponent over all sizes, interval resampling seeds)");
    }

    private static String join(SweepLaws.Mechanism m, java.util.function.ToDoubleFunction<SweepLaws.Size> value) {
        return m.sizes().stream().map(z -> String.format(Locale.ROOT, "%.2f", value.applyAsDouble(z))).collect(Collectors.joining("/"));
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("repgap-symmetry-ablation");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
