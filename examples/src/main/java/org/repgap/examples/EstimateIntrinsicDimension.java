package org.repgap.examples;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.repgap.data.PointCloud;
import org.repgap.data.PointClouds;
import org.repgap.datasets.Datasets;
import org.repgap.id.IdContext;
import org.repgap.id.IdEstimation;
import org.repgap.id.IdEstimator;
import org.repgap.id.IdEstimators;
import org.repgap.id.IdResult;

/**
 * Intrinsic dimension of a point cloud with several estimators sharing one neighbour graph, with
 * 95% bootstrap intervals. Run with a file ({@code .npy}, {@code .npz}, {@code .csv}) or without
 * arguments for scikit-dimension's Swiss roll {@code M7_Roll} (true dimension 2):
 *
 * <pre>mvn -q -pl examples -am package -DskipTests
 * java -cp 'examples/target/classes:toolkit-cli/target/lib/*' org.repgap.examples.EstimateIntrinsicDimension [FILE]</pre>
 */
public final class EstimateIntrinsicDimension {
    private EstimateIntrinsicDimension() {
    }

    public static void main(String[] args) {
        PointCloud x = args.length > 0 ? PointClouds.read(Path.of(args[0]), null) : Datasets.generate("M7_Roll", 2500, 0);
        IdContext ctx = IdContext.of(x); // exact neighbours, computed once, duplicates removed
        IdEstimation.Options options = IdEstimation.Options.defaults().withBootstrap(200, 42);
        System.out.printf(Locale.ROOT, "%s: %d points in R^%d%n", x.source(), x.n(), x.dim());
        for (String name : List.of("twonn", "mle", "gride", "mom")) {
            IdEstimator estimator = IdEstimators.create(name);
            IdResult r = IdEstimation.run(estimator, ctx, options);
            System.out.printf(Locale.ROOT, "%-6s d = %.3f  95%% interval [%.3f, %.3f]  (scale %s)%n",
                    r.estimator(), r.dimension(), r.ciLow(), r.ciHigh(), r.scale());
        }
    }
}
