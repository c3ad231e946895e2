package org.repgap.examples;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.repgap.data.PointCloud;
import org.repgap.data.PointClouds;
import org.repgap.id.IdContext;
import org.repgap.id.IdEstimation;
import org.repgap.id.IdEstimator;
import org.repgap.id.IdResult;
import org.repgap.id.MleEstimator;
import org.repgap.id.TwoNnEstimator;

/**
 * Intrinsic dimension of embeddings saved from PyTorch as {@code .npy}
 * ({@code np.save("emb.npy", emb.detach().cpu().numpy())}; float32 or float64, C or Fortran order, one
 * row per item): TwoNN (Facco et al. 2017, doi:10.1038/s41598-017-11873-y) and MLE (Levina and Bickel
 * 2004) on one shared neighbour graph, with 95% bootstrap intervals. Without an argument it reads the
 * bundled {@code embeddings/M2_Affine_3to5.npy}: 2500 points of a 3-dimensional affine subspace of R^5
 * (scikit-dimension's {@code M2_Affine_3to5}), so both estimates are close to 3.
 *
 * <pre>java -cp 'examples/target/classes:toolkit-cli/target/lib/*' org.repgap.examples.EmbeddingDimension [FILE.npy]</pre>
 */
public final class EmbeddingDimension {
    private EmbeddingDimension() {
    }

    public static void main(String[] args) {
        Path file = args.length > 0 ? Path.of(args[0]) : Resources.copy("embeddings/M2_Affine_3to5.npy");
        PointCloud emb = PointClouds.read(file, null);
        IdContext ctx = IdContext.of(emb); // exact neighbours once, duplicates removed
        IdEstimation.Options options = IdEstimation.Options.defaults().withBootstrap(200, 42);
        System.out.printf(Locale.ROOT, "%s: %d embeddings of dimension %d%n", file.getFileName(), emb.n(), emb.dim());
        // the estimators themselves (one class each), not a registry: settings are visible and typed
        List<IdEstimator> estimators = List.of(TwoNnEstimator.withDefaults(), MleEstimator.withDefaults());
        for (IdResult r : IdEstimation.run(estimators, ctx, options)) {
            System.out.printf(Locale.ROOT, "%-6s d = %.3f  95%% interval [%.3f, %.3f]%n", r.estimator(), r.dimension(), r.ciLow(), r.ciHigh());
        }
    }
}
