package org.repgap.examples;

import java.util.List;
import java.util.Locale;
import org.repgap.compare.SymmetryComparison;
import org.repgap.data.PointCloud;
import org.repgap.datasets.Datasets;
import org.repgap.group.Groups;
import org.repgap.progress.Progress;

/**
 * The Representation Gap law with and without a symmetry: two points of the plane turning together
 * ({@code rotating-pair}, a 3-manifold in R^4) have a 2-dimensional quotient under the common
 * rotation {@code so2}, so a model that respects the rotation sees the gap fall as {@code n^(-1)}
 * instead of {@code n^(-2/3)}. The same as {@code repgap demo}, from Java:
 *
 * <pre>java -cp 'examples/target/classes:toolkit-cli/target/lib/*' org.repgap.examples.SymmetryLowersDimension</pre>
 */
public final class SymmetryLowersDimension {
    private SymmetryLowersDimension() {
    }

    public static void main(String[] args) {
        PointCloud x = Datasets.generate("rotating-pair", 4000, 1);
        SymmetryComparison result = SymmetryComparison.run(x, List.of(Groups.none(), Groups.so2()),
                new SymmetryComparison.Options(new int[] {250, 500, 1000, 2000, 4000}, 3, 1, 100), Progress.NONE);
        for (SymmetryComparison.Row row : result.rows()) {
            System.out.printf(Locale.ROOT, "%-5s TwoNN d = %.2f, gap slope %.3f (implied d = %.2f), law %.3g n^(-%.3f)%n",
                    row.group(), row.estimate("twonn").dimension(), row.gap().fit().slope(), row.gap().fit().dimension(),
                    row.gap().law().constant(), row.gap().law().exponent());
        }
        System.out.printf(Locale.ROOT, "samples needed modulo so2 to match n = 4000 without: %.0f%n", result.equivalentSize());
    }
}
