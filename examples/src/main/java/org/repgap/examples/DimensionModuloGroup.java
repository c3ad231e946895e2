package org.repgap.examples;

import java.util.List;
import java.util.Locale;
import org.repgap.data.PointCloud;
import org.repgap.datasets.Datasets;
import org.repgap.group.Groups;
import org.repgap.group.SymmetryGroup;
import org.repgap.id.IdContext;
import org.repgap.id.IdEstimation;
import org.repgap.id.IdResult;
import org.repgap.id.TwoNnEstimator;

/**
 * Intrinsic dimension modulo a symmetry group: every nearest-neighbour estimator runs unchanged on the
 * orbit distance {@code d_G(x, y) = min_g |x - g y|} (THEORY.md section 4), which estimates the dimension
 * of the quotient {@code M/G}, i.e. {@code dim M - dim G} for a free action. On {@code rotating-pair} (two
 * points of the plane turning together: a 3-manifold in R^4) the common rotation {@code so2} (dimension 1)
 * leaves a 2-dimensional quotient: TwoNN gives about 3 without the group and about 2 with it.
 *
 * <pre>java -cp 'examples/target/classes:toolkit-cli/target/lib/*' org.repgap.examples.DimensionModuloGroup</pre>
 */
public final class DimensionModuloGroup {
    private DimensionModuloGroup() {
    }

    public static void main(String[] args) {
        PointCloud x = Datasets.generate("rotating-pair", 3000, 1);
        IdEstimation.Options options = IdEstimation.Options.defaults().withBootstrap(100, 7);
        for (SymmetryGroup g : List.of(Groups.none(), Groups.so2())) {
            IdContext ctx = IdContext.of(x, g.orbitMetric(x.dim()));
            IdResult r = IdEstimation.run(List.of(TwoNnEstimator.withDefaults()), ctx, options).get(0);
            System.out.printf(Locale.ROOT, "%-5s TwoNN d = %.2f  95%% interval [%.2f, %.2f]%n", g.spec(), r.dimension(), r.ciLow(), r.ciHigh());
        }
    }
}
