package org.repgap.gap;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.repgap.InvalidInputException;
import org.repgap.data.PointCloud;
import org.repgap.group.SymmetryGroup;
import org.repgap.neighbors.NeighborSearch;
import org.repgap.progress.Progress;
import org.repgap.provenance.Provenance;

/**
 * The denoising generalisation gap of the ideal equivariant denoiser (THEORY.md sections 2-3),
 * <pre>
 *   GG(sigma) = E_test |D_n^G(x + sigma z, sigma) - x|^2 - E_train |D_n^G(x + sigma z, sigma) - x|^2,
 * </pre>
 * {@code z ~ N(0, I)}, estimated by Monte Carlo with one noise draw per evaluation point and
 * {@code sigma}, over a grid of {@code sigma}. As {@code sigma -> 0} the test error tends to
 * {@code RG_n^G} on the same test points and the training error to 0, so {@code GG} tends to the
 * Representation Gap (reported beside it as {@link Result#representationGap()}); for a continuous
 * group the quadrature of {@link IdealDenoiser} makes the limit slightly larger.
 *
 * <p>Noise streams are split from the seed in (sigma, set, point) order before the parallel loop,
 * so results do not depend on scheduling.
 */
public final class DenoisingGap {
    private DenoisingGap() {
    }

    /**
     * Settings.
     *
     * @param sigmas          noise levels, each finite and positive (a copy is kept)
     * @param resolution      quadrature size for continuous groups
     * @param maxEvaluation   at most this many test and this many training points are evaluated (the first ones)
     * @param seed            seed of the noise
     */
    public record Options(double[] sigmas, int resolution, int maxEvaluation, long seed) {
        public Options {
            if (sigmas == null || sigmas.length == 0) {
                throw InvalidInputException.of("--sigmas: give at least one noise level");
            }
            sigmas = sigmas.clone();
            for (double s : sigmas) {
                if (!(s > 0 && Double.isFinite(s))) {
                    throw InvalidInputException.of("--sigmas: noise level %s must be finite and positive", s);
                }
            }
            if (resolution < 1) {
                throw InvalidInputException.of("--resolution %d must be at least 1", resolution);
            }
            if (maxEvaluation < 1) {
                throw InvalidInputException.of("--max-evaluation %d must be at least 1", maxEvaluation);
            }
        }

        @Override
        public double[] sigmas() {
            return sigmas.clone();
        }
    }

    /**
     * One noise level.
     *
     * @param sigma      noise level
     * @param testError  {@code E_test |D(x + sigma z) - x|^2}
     * @param trainError {@code E_train |D(x + sigma z) - x|^2}
     * @param gap        {@code testError - trainError}
     */
    public record SigmaPoint(double sigma, double testError, double trainError, double gap) {
    }

    /**
     * The gap over the sigma grid.
     *
     * @param points            one per sigma, in the given order
     * @param representationGap {@code RG_n^G} on the evaluated test points, with the exact orbit metric
     * @param n                 training points
     * @param orbitPoints       points of {@code G X_n} in the denoiser (with the quadrature)
     * @param testPoints        test points evaluated
     * @param trainPoints       training points evaluated
     * @param group             group spec
     * @param provenance        how to rebuild it
     */
    public record Result(List<SigmaPoint> points, double representationGap, int n, int orbitPoints, int testPoints,
                         int trainPoints, String group, Provenance provenance) {
        public Result {
            points = List.copyOf(points);
        }
    }

    /**
     * Computes {@code GG(sigma)} and the Representation Gap it tends to.
     *
     * @param search exact neighbour search with the group's orbit metric, for the reference {@code RG_n^G}
     */
    public static Result compute(PointCloud train, PointCloud test, SymmetryGroup group, NeighborSearch search,
                                 Options options, Progress progress) {
        if (train.dim() != test.dim()) {
            throw InvalidInputException.of("test set %s has dimension %d but training set %s has %d",
                    test.source(), test.dim(), train.source(), train.dim());
        }
        IdealDenoiser denoiser = IdealDenoiser.of(train, group, options.resolution());
        PointCloud testEval = test.head(Math.min(test.n(), options.maxEvaluation()));
        PointCloud trainEval = train.head(Math.min(train.n(), options.maxEvaluation()));
        double rg = RepresentationGap.withTestSet(train, testEval, search).value();
        double[] sigmas = options.sigmas;
        SplittableRandom root = new SplittableRandom(options.seed());
        List<SigmaPoint> points = new ArrayList<>();
        for (int s = 0; s < sigmas.length; s++) {
            double testErr = meanError(denoiser, testEval, sigmas[s], root.split());
            double trainErr = meanError(denoiser, trainEval, sigmas[s], root.split());
            points.add(new SigmaPoint(sigmas[s], testErr, trainErr, testErr - trainErr));
            progress.update("denoising gap", s + 1, sigmas.length);
        }
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("sigmas", sigmas.clone());
        params.put("resolution", options.resolution());
        params.put("max_evaluation", options.maxEvaluation());
        params.put("group", group.spec());
        params.put("test_hash", test.sha256());
        Provenance prov = Provenance.of("DenoisingGap", params, train.sha256(), options.seed());
        return new Result(points, rg, train.n(), denoiser.orbitPoints(), testEval.n(), trainEval.n(), group.spec(), prov);
    }

    private static double meanError(IdealDenoiser denoiser, PointCloud x, double sigma, SplittableRandom rng) {
        int m = x.n();
        int dim = x.dim();
        SplittableRandom[] streams = new SplittableRandom[m];
        for (int i = 0; i < m; i++) {
            streams[i] = rng.split();
        }
        double[] err = new double[m];
        IntStream.range(0, m).parallel().forEach(i -> {
            double[] clean = x.row(i);
            double[] y = new double[dim];
            for (int c = 0; c < dim; c++) {
                y[c] = clean[c] + sigma * gaussian(streams[i]);
            }
            double[] out = denoiser.denoise(y, sigma);
            double s = 0;
            for (int c = 0; c < dim; c++) {
                double t = out[c] - clean[c];
                s += t * t;
            }
            err[i] = s;
        });
        return Arrays.stream(err).sum() / m;
    }

    /** A standard normal variate by the Box-Muller transform (one of the pair; streams are per point). */
    static double gaussian(SplittableRandom rng) {
        double u1 = 1 - rng.nextDouble();
        double u2 = rng.nextDouble();
        return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    }
}
