package org.repgap.diffusion;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.repgap.InvalidInputException;
import org.repgap.data.PointCloud;
import org.repgap.group.GroupElement;
import org.repgap.group.SymmetryGroup;
import org.repgap.neighbors.Metric;

/**
 * The per-run metrics of THEORY.md section 3 for a trained denoiser:
 * <ul>
 * <li>DSM errors {@code E |D(x + sigma z, sigma) - x|^2} (totals over the {@code D} coordinates) on a
 * sigma grid for training and test points, the gap {@code GG(sigma) = test - train}, and the same for the
 * ideal {@code G}-equivariant denoiser and for the ideal plain denoiser (no symmetry) with the same noise
 * draws (common random numbers), so a reader sees which of the two ideal laws a trained model follows;</li>
 * <li>the sample Representation Gap {@code RG_model = mean_x min_j d_G(x, s_j)^2} over {@code m >= 4n}
 * Heun samples, the ideal {@code RG_n^G}, and {@code n_eff} on the ideal curve over a pool of
 * training-plus-reserve points; and the same in the plain Euclidean metric
 * ({@code mean_x min_j |x - s_j|^2}, {@code RG_n} without the group, its {@code n_eff}). An equivariant
 * model's samples are {@code G}-invariant, so its gap is the orbit-metric one; a plain model's is the
 * plain one (an equivariant model's samples compared in the plain metric would measure the sample
 * count {@code m}, not the model);</li>
 * <li>the equivariance error {@code E |D(g y) - g D(y)|^2} over random group elements and noisy test points;</li>
 * <li>the memorisation fraction of the samples (nearest training point modulo {@code G} closer than a
 * third of the second nearest).</li>
 * </ul>
 */
public final class RunMetrics {

    /**
     * @param sigmaFactors      the sigma grid as multiples of {@code sigma_data}
     * @param noiseDraws        noise draws per point and sigma for the DSM errors
     * @param evalPointsMax     at most this many training (and test) points in the DSM errors
     * @param sampleFactor      samples per training point ({@code m = max(sampleFactor n, minSamples)})
     * @param minSamples        lower bound on {@code m}
     * @param sampler           Heun sampler settings
     * @param idealResolution   quadrature size for continuous groups in the ideal denoiser
     * @param idealMaxPoints    largest orbit-augmented set for the ideal denoiser (beyond: ideal DSM errors are NaN)
     * @param seed              seed of the noise, the latents and the group elements
     */
    public record Options(double[] sigmaFactors, int noiseDraws, int evalPointsMax, int sampleFactor, int minSamples,
            HeunSampler.Options sampler, int idealResolution, int idealMaxPoints, long seed) {
        public Options {
            sigmaFactors = sigmaFactors.clone();
            for (double f : sigmaFactors) {
                if (!(f > 0) || !Double.isFinite(f)) {
                    throw InvalidInputException.of("sigma grid: factor %s must be positive and finite", f);
                }
            }
            if (noiseDraws < 1 || evalPointsMax < 1 || sampleFactor < 1 || minSamples < 1 || idealResolution < 1 || idealMaxPoints < 1) {
                throw InvalidInputException.of("metrics: counts must be positive (noise draws %d, eval points %d, sample factor %d, "
                        + "min samples %d, resolution %d, max points %d)", noiseDraws, evalPointsMax, sampleFactor, minSamples,
                        idealResolution, idealMaxPoints);
            }
        }

        @Override
        public double[] sigmaFactors() {
            return sigmaFactors.clone();
        }

        /** Ten factors from 0.01 to 10 (log-spaced), 2 draws, 512 points, {@code m = 4n} (at least 256), EDM's sampler. */
        public static Options defaults(long seed) {
            return new Options(new double[] {0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1, 2, 5, 10}, 2, 512, 4, 256,
                    HeunSampler.Options.defaults(), 64, 1 << 15, seed);
        }

        public Options withSampleFactor(int f, int min) {
            return new Options(sigmaFactors, noiseDraws, evalPointsMax, f, min, sampler, idealResolution, idealMaxPoints, seed);
        }

        public Options withSeed(long s) {
            return new Options(sigmaFactors, noiseDraws, evalPointsMax, sampleFactor, minSamples, sampler, idealResolution,
                    idealMaxPoints, s);
        }
    }

    /**
     * DSM errors at one noise level; ideal values are {@code NaN} when that ideal denoiser is unavailable
     * (orbit-augmented set above the limit). {@code idealPlain*} are the plain (no symmetry) ideal denoiser's,
     * equal to the {@code ideal*} values when the task's group is {@code none}.
     */
    public record SigmaRow(double sigma, double trainLoss, double testLoss, double gap, double idealTrainLoss,
            double idealTestLoss, double idealGap, double idealPlainTrainLoss, double idealPlainTestLoss, double idealPlainGap) {
    }

    /**
     * @param sigmas            the DSM rows, by increasing sigma
     * @param samples           number of generated samples {@code m}
     * @param sampleRg          {@code RG_model}
     * @param idealRg           {@code RG_n^G}
     * @param nEff              effective size on the ideal curve
     * @param nEffExtrapolated  whether {@code n_eff} lies beyond the pool (extrapolated)
     * @param memorization      memorisation fraction of the samples
     * @param equivarianceError {@code E |D(g y) - g D(y)|^2}
     * @param curve             the ideal curve used for {@code n_eff}
     * @param plain             the same gap quantities in the plain Euclidean metric (equal to these when the group is {@code none})
     */
    public record Result(List<SigmaRow> sigmas, int samples, double sampleRg, double idealRg, double nEff,
            boolean nEffExtrapolated, double memorization, double equivarianceError, RepresentationGaps.Curve curve, Gap plain) {
        public Result {
            sigmas = List.copyOf(sigmas);
        }
    }

    /**
     * The gap of a model's samples in one metric.
     *
     * @param sampleRg         {@code mean_x min_j d(x, s_j)^2} over the samples
     * @param idealRg          {@code mean_x min_i d(x, x_i)^2} over the training set ({@code RG_n} in that metric)
     * @param nEff             the size at which the ideal curve in that metric reaches {@code sampleRg}
     * @param nEffExtrapolated whether {@code nEff} lies beyond the pool (extrapolated)
     * @param curve            the ideal curve in that metric
     */
    public record Gap(double sampleRg, double idealRg, double nEff, boolean nEffExtrapolated, RepresentationGaps.Curve curve) {
        /** {@code sampleRg / idealRg}: about 1 for a model that memorises (returns training points), below 1 when it generalises. */
        public double ratio() {
            return sampleRg / idealRg;
        }

        /**
         * The gap of {@code samples} against {@code test} in {@code metric}, the ideal gap of {@code train}, and
         * {@code n_eff} on the ideal curve over prefixes of {@code pool} (training points first).
         */
        public static Gap of(PointCloud samples, PointCloud train, PointCloud test, PointCloud pool, Metric metric) {
            double sampleRg = RepresentationGaps.meanMinSquared(samples, test, metric);
            double idealRg = RepresentationGaps.meanMinSquared(train, test, metric);
            RepresentationGaps.Curve curve = RepresentationGaps.idealCurve(pool, test, metric, train.n());
            double[] gaps = curve.gaps();
            return new Gap(sampleRg, idealRg, RepresentationGaps.effectiveSize(curve, sampleRg), sampleRg < gaps[gaps.length - 1], curve);
        }
    }

    private RunMetrics() {
    }

    /**
     * Evaluates {@code model} trained on {@code train}.
     *
     * @param sigmaData the model's {@code sigma_data} (scales the sigma grid)
     * @param reserve   extra points of the task (not in train or test) that extend the ideal curve; may be empty
     */
    public static Result evaluate(Denoiser model, double sigmaData, PointCloud train, PointCloud test, PointCloud reserve,
            SymmetryGroup group, Options o) {
        SplittableRandom root = new SplittableRandom(o.seed());
        int d = train.dim();
        Metric metric = group.orbitMetric(d);
        boolean symmetric = !(group.isFinite() && group.order(d) == 1);
        Denoiser ideal = idealOrNull(train, group, o);
        Denoiser idealPlain = symmetric ? idealOrNull(train, org.repgap.group.Groups.none(), o) : null;
        PointCloud trainEval = train.n() <= o.evalPointsMax() ? train : train.head(o.evalPointsMax());
        PointCloud testEval = test.n() <= o.evalPointsMax() ? test : test.head(o.evalPointsMax());
        double[] factors = o.sigmaFactors();
        java.util.Arrays.sort(factors);
        List<SigmaRow> rows = new ArrayList<>();
        SplittableRandom noiseRng = root.split();
        for (double f : factors) {
            double s = f * sigmaData;
            long seed = noiseRng.nextLong();
            double[] tr = dsm(model, ideal, idealPlain, trainEval, s, o.noiseDraws(), new SplittableRandom(seed));
            double[] te = dsm(model, ideal, idealPlain, testEval, s, o.noiseDraws(), new SplittableRandom(seed ^ 0x5DEECE66DL));
            double[] plainTr = symmetric ? new double[] {tr[2], te[2]} : new double[] {tr[1], te[1]};
            rows.add(new SigmaRow(s, tr[0], te[0], te[0] - tr[0], tr[1], te[1], te[1] - tr[1], plainTr[0], plainTr[1],
                    plainTr[1] - plainTr[0]));
        }
        int m = Math.max(o.sampleFactor() * train.n(), o.minSamples());
        double[] s = HeunSampler.sample(model, m, o.sampler(), root.split());
        for (int i = 0; i < s.length; i++) {
            if (!Double.isFinite(s[i])) {
                throw new TrainingDivergedException(String.format(java.util.Locale.ROOT,
                        "sample %d of %d, coordinate %d is %s", i / d + 1, m, i % d + 1, s[i]));
            }
        }
        PointCloud samples = PointCloud.wrap(m, d, s, "samples");
        PointCloud pool = reserve == null ? train : train.append(reserve);
        Gap inGroup = Gap.of(samples, train, test, pool, metric);
        Gap plain = symmetric ? Gap.of(samples, train, test, pool, Metric.euclidean()) : inGroup;
        double mem = train.n() >= 2 ? RepresentationGaps.memorizationFraction(train, samples, metric) : Double.NaN;
        double eqErr = equivarianceError(model, group, testEval, sigmaData, root.split());
        return new Result(rows, m, inGroup.sampleRg(), inGroup.idealRg(), inGroup.nEff(), inGroup.nEffExtrapolated(), mem, eqErr,
                inGroup.curve(), plain);
    }

    /** The ideal denoiser, or {@code null} when its orbit-augmented set exceeds the limit. */
    private static Denoiser idealOrNull(PointCloud train, SymmetryGroup group, Options o) {
        try {
            return IdealDenoiserAdapter.of(train, group, o.idealResolution(), o.idealMaxPoints());
        } catch (InvalidInputException e) {
            return null;
        }
    }

    /**
     * Mean over points and draws of {@code |D(x + s z) - x|^2} for the model and the two ideal denoisers
     * (NaN where null), on the same noise draws.
     */
    private static double[] dsm(Denoiser model, Denoiser ideal, Denoiser idealPlain, PointCloud x, double s, int draws,
            SplittableRandom rng) {
        int n = x.n();
        int d = x.dim();
        double[] xv = x.values();
        double[] y = new double[n * d];
        double[] sig = new double[n];
        java.util.Arrays.fill(sig, s);
        double[] out = new double[n * d];
        double model2 = 0;
        double ideal2 = 0;
        double plain2 = 0;
        for (int k = 0; k < draws; k++) {
            for (int i = 0; i < y.length; i++) {
                y[i] = xv[i] + s * rng.nextGaussian();
            }
            model.denoise(y, sig, n, out);
            model2 += squaredError(out, xv);
            if (ideal != null) {
                ideal.denoise(y, sig, n, out);
                ideal2 += squaredError(out, xv);
            }
            if (idealPlain != null) {
                idealPlain.denoise(y, sig, n, out);
                plain2 += squaredError(out, xv);
            }
        }
        double total = draws * (double) n;
        return new double[] {model2 / total, ideal == null ? Double.NaN : ideal2 / total,
                idealPlain == null ? Double.NaN : plain2 / total};
    }

    private static double squaredError(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < b.length; i++) {
            double t = a[i] - b[i];
            s += t * t;
        }
        return s;
    }

    /**
     * {@code mean |D(g y) - g D(y)|^2} over the points of {@code x}, noise levels {@code sigma_data} times 0.1, 1 and 10
     * ({@code y = x + sigma z}) and one random {@code g} per point and level.
     */
    public static double equivarianceError(Denoiser model, SymmetryGroup group, PointCloud x, double sigmaData,
            SplittableRandom rng) {
        int n = x.n();
        int d = x.dim();
        double total = 0;
        double[] levels = {0.1 * sigmaData, sigmaData, 10 * sigmaData};
        for (double s : levels) {
            double[] y = new double[n * d];
            double[] gy = new double[n * d];
            GroupElement[] gs = new GroupElement[n];
            for (int i = 0; i < n; i++) {
                double[] yi = new double[d];
                for (int j = 0; j < d; j++) {
                    yi[j] = x.get(i, j) + s * rng.nextGaussian();
                }
                gs[i] = group.random(d, rng);
                System.arraycopy(yi, 0, y, i * d, d);
                System.arraycopy(gs[i].apply(yi), 0, gy, i * d, d);
            }
            double[] sig = new double[n];
            java.util.Arrays.fill(sig, s);
            double[] dy = new double[n * d];
            double[] dgy = new double[n * d];
            model.denoise(y, sig, n, dy);
            model.denoise(gy, sig, n, dgy);
            for (int i = 0; i < n; i++) {
                double[] gdy = gs[i].apply(java.util.Arrays.copyOfRange(dy, i * d, (i + 1) * d));
                for (int j = 0; j < d; j++) {
                    double t = dgy[i * d + j] - gdy[j];
                    total += t * t;
                }
            }
        }
        return total / (levels.length * (double) n);
    }
}
