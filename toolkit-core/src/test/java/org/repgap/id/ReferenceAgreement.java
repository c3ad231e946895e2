package org.repgap.id;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.repgap.data.PointCloud;

/**
 * Prints the largest relative difference per estimator between this package and reference.csv over
 * every data set of a reference directory. Not a test (it reads a directory outside the repository):
 * <pre>
 * mvn -B -q -o -pl toolkit-core test-compile dependency:build-classpath -Dmdep.outputFile=/tmp/cp.txt
 * java -cp toolkit-core/target/classes:toolkit-core/target/test-classes:$(cat /tmp/cp.txt) \
 *     org.repgap.id.ReferenceAgreement /path/to/reference/skdim
 * </pre>
 * With {@code -Dtle.referenceSlicing=1}, TLE reproduces scikit-dimension's slicing bug.
 * Output of 2026-11-27 (24 data sets, n = 2500): GRIDE n1 = 1..32 identical; skdim TwoNN 1.0e-13,
 * DADApy TwoNN 4.9e-10 (its own neighbour search), DADApy TwoNN ml 8.0e-14; MLE mle 8.2e-15,
 * mean 2.4e-15, median 1.1e-13; MOM 2.6e-15; CorrInt 1.1e-13; lPCA: 6 integer rules identical,
 * participation ratio 1.6e-15; TLE 2.5e-4 corrected (M5a_Helix1d), 6.1e-14 with the bug reproduced.
 */
public final class ReferenceAgreement {
    private ReferenceAgreement() {
    }

    public static void main(String[] args) {
        Path dir = Path.of(args[0]);
        List<ReferenceCases.Row> rows = ReferenceCases.read(dir.resolve("reference.csv"));
        Map<String, double[]> worst = new TreeMap<>();
        Map<String, String> where = new LinkedHashMap<>();
        Map<String, IdContext> contexts = new LinkedHashMap<>();
        for (ReferenceCases.Row row : rows) {
            IdEstimator e = ReferenceCases.estimatorFor(row);
            if (e == null) {
                continue;
            }
            IdContext ctx = contexts.get(row.dataset());
            if (ctx == null) {
                contexts.clear();
                PointCloud x = NpyTestReader.read(dir.resolve("datasets").resolve(row.dataset() + ".npy"));
                ctx = IdContext.of(x);
                contexts.put(row.dataset(), ctx);
            }
            double ours = IdEstimation.run(e, ctx).value();
            if (e instanceof TleEstimator && System.getProperty("tle.referenceSlicing") != null) {
                ours = IdEstimation.run(TleEstimator.withReferenceSlicing(TleEstimator.Options.defaults()), ctx).value();
            }
            double rel = ReferenceCases.relativeDifference(ours, row.estimate());
            String label = row.label();
            double[] w = worst.computeIfAbsent(label, l -> new double[] {-1, 0});
            w[1]++;
            if (rel > w[0]) {
                w[0] = rel;
                where.put(label, String.format(Locale.ROOT, "%s ours=%.15g ref=%.15g", row.dataset(), ours, row.estimate()));
            }
        }
        for (Map.Entry<String, double[]> en : worst.entrySet()) {
            System.out.printf(Locale.ROOT, "%-34s %3d datasets  max rel diff %.2e  (%s)%n", en.getKey(),
                    (int) en.getValue()[1], en.getValue()[0], where.get(en.getKey()));
        }
    }
}
