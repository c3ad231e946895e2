package org.repgap.gap;

import com.fasterxml.jackson.annotation.JsonAlias;
import java.util.Locale;
import org.repgap.InvalidInputException;
import org.repgap.progress.Progress;
import org.repgap.stats.Bootstrap;
import org.repgap.stats.LeastSquaresLine;

/**
 * The learning-curve estimator of THEORY.md section 5: the least-squares slope {@code b} of
 * {@code log RG} against {@code log n} (mean over seeds at each size, {@code n} the size the gap
 * refers to), with the implied dimension {@code d = -2 / b}.
 *
 * <p>Interval, by {@link Method}: {@code OLS} is the Student-t interval of the slope with
 * {@code sizes - 2} degrees of freedom (treats the sizes as independent, which nested subsamples
 * are not); {@code BOOTSTRAP} resamples whole seeds (each seed's curve, keeping the correlation
 * across {@code n}) with the shared {@link Bootstrap} and takes the percentile interval of the
 * refitted slope; {@code AUTO} uses the bootstrap from 5 seeds on and OLS below (with 2 to 4
 * seeds there are too few distinct resamples for a percentile interval). The interval of
 * {@code d} maps the slope bounds through {@code -2/b}; a bound is {@code null} when the slope
 * bound is not negative (the curve does not decrease significantly: {@code d} unbounded).
 *
 * @param slope       fitted {@code b}
 * @param slopeCiLow  lower slope bound (or {@code null})
 * @param slopeCiHigh upper slope bound (or {@code null})
 * @param intercept   fitted {@code log C}
 * @param dimension       implied dimension {@code -2/b}, {@code null} unless {@code b < 0}
 * @param dimensionCiLow  {@code -2/slopeCiLow}
 * @param dimensionCiHigh {@code -2/slopeCiHigh}, {@code null} if {@code slopeCiHigh >= 0}
 * @param ciLevel         confidence level of both intervals
 * @param method      {@code ols} or {@code bootstrap-seeds}
 * @param nMin        smallest size in the fit
 * @param nMax        largest size in the fit
 */
public record SlopeFit(double slope, Double slopeCiLow, Double slopeCiHigh, double intercept, @JsonAlias("d_implied") Double dimension,
                       @JsonAlias("d_ci_low") Double dimensionCiLow, @JsonAlias("d_ci_high") Double dimensionCiHigh,
                       @JsonAlias("level") double ciLevel, String method, int nMin, int nMax) {

    /** Interval method. */
    public enum Method { AUTO, OLS, BOOTSTRAP }

    /**
     * Settings.
     *
     * @param method     interval method
     * @param level      confidence level in (0, 1)
     * @param replicates bootstrap replicates (at least 1)
     * @param seed       bootstrap seed
     */
    public record Options(Method method, double level, int replicates, long seed) {
        public Options {
            if (method == null) {
                throw new NullPointerException("method");
            }
            if (!(level > 0 && level < 1)) {
                throw InvalidInputException.of("--level %s must be strictly between 0 and 1", level);
            }
            if (replicates < 1) {
                throw InvalidInputException.of("--bootstrap %d: the number of replicates must be at least 1", replicates);
            }
        }

        /** AUTO, 95%, 1000 replicates, seed 0. */
        public static Options defaults() {
            return new Options(Method.AUTO, 0.95, 1000, 0);
        }
    }

    /**
     * Fits a learning curve.
     *
     * @throws InvalidInputException with fewer than 2 sizes or a zero mean gap
     */
    public static SlopeFit fit(RepresentationGapCurve.Result curve, Options options, Progress progress) {
        int m = curve.points().size();
        if (m < 2) {
            throw InvalidInputException.of("--sizes: the slope of a learning curve needs at least 2 sizes (got %d)", m);
        }
        double[] logN = new double[m];
        double[] logRg = new double[m];
        for (int j = 0; j < m; j++) {
            RepresentationGapCurve.CurvePoint p = curve.points().get(j);
            if (!(p.rgMean() > 0)) {
                throw InvalidInputException.of("the gap at n = %d is %s: cannot take its logarithm (all points duplicated?)",
                        p.n(), p.rgMean());
            }
            logN[j] = Math.log(p.gapSize());
            logRg[j] = Math.log(p.rgMean());
        }
        LeastSquaresLine line = LeastSquaresLine.fit(logN, logRg);
        int seeds = curve.points().get(0).seeds();
        boolean bootstrap = options.method() == Method.BOOTSTRAP || (options.method() == Method.AUTO && seeds >= 5);
        if (bootstrap && seeds < 2) {
            throw InvalidInputException.of("--fit-interval bootstrap resamples seeds and needs at least 2 seeds (got %d)", seeds);
        }
        Bootstrap.Interval slopeCi;
        if (bootstrap) {
            double[][] bySeed = curve.valuesBySeed();
            double[][] reps = Bootstrap.replicate(options.replicates(), options.seed(), rng -> {
                int[] pick = Bootstrap.resample(seeds, rng);
                double[] y = new double[m];
                for (int j = 0; j < m; j++) {
                    double s = 0;
                    for (int p : pick) {
                        s += bySeed[p][j];
                    }
                    y[j] = Math.log(s / seeds);
                }
                return new double[] {LeastSquaresLine.fit(logN, y).slope()};
            }, progress);
            slopeCi = Bootstrap.percentile(reps, 0, options.level());
        } else {
            slopeCi = line.slopeInterval(options.level());
        }
        double b = line.slope();
        Double lo = finite(slopeCi.low());
        Double hi = finite(slopeCi.high());
        return new SlopeFit(b, lo, hi, line.intercept(), b < 0 ? -2 / b : null,
                lo != null && lo < 0 ? -2 / lo : null, hi != null && hi < 0 ? -2 / hi : null,
                options.level(), bootstrap ? "bootstrap-seeds" : "ols",
                curve.points().get(0).gapSize(), curve.points().get(m - 1).gapSize());
    }

    private static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "slope %.4f [%s, %s] (%s), d = %s", slope, slopeCiLow, slopeCiHigh, method, dimension);
    }
}
