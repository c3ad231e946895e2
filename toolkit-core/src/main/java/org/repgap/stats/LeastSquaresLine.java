package org.repgap.stats;

import org.apache.commons.math3.distribution.TDistribution;
import org.repgap.InvalidInputException;

/**
 * The ordinary least-squares line {@code y = a + b x} with the classical standard error of the
 * slope, {@code se(b) = sqrt( sum r_i^2 / (m - 2) / sum (x_i - xbar)^2 )}, and the Student-t
 * interval {@code b +- t_{(1+level)/2, m-2} se(b)} (exact under independent Gaussian residuals).
 * Used for log-log slopes (learning curves, quantizer distortion).
 *
 * @param slope          {@code b}
 * @param intercept      {@code a}
 * @param slopeStandardError {@code se(b)}, or {@code null} with fewer than 3 points (no residual degree of freedom)
 * @param points         number of points {@code m}
 */
public record LeastSquaresLine(double slope, double intercept, Double slopeStandardError, int points) {

    /**
     * Fits the line.
     *
     * @throws InvalidInputException with fewer than 2 points, unequal lengths, non-finite values or constant {@code x}
     */
    public static LeastSquaresLine fit(double[] x, double[] y) {
        if (x.length != y.length || x.length < 2) {
            throw InvalidInputException.of("a line fit needs at least 2 (x, y) pairs of equal count (got %d and %d)", x.length, y.length);
        }
        int m = x.length;
        double mx = 0;
        double my = 0;
        for (int i = 0; i < m; i++) {
            if (!Double.isFinite(x[i]) || !Double.isFinite(y[i])) {
                throw InvalidInputException.of("line fit: point %d (%s, %s) is not finite", i + 1, x[i], y[i]);
            }
            mx += x[i];
            my += y[i];
        }
        mx /= m;
        my /= m;
        double sxx = 0;
        double sxy = 0;
        for (int i = 0; i < m; i++) {
            sxx += (x[i] - mx) * (x[i] - mx);
            sxy += (x[i] - mx) * (y[i] - my);
        }
        if (!(sxx > 0)) {
            throw InvalidInputException.of("line fit: all %d x values are equal (%s); need at least two distinct x", m, x[0]);
        }
        double b = sxy / sxx;
        double a = my - b * mx;
        Double se = null;
        if (m > 2) {
            double rss = 0;
            for (int i = 0; i < m; i++) {
                double r = y[i] - a - b * x[i];
                rss += r * r;
            }
            se = Math.sqrt(rss / (m - 2) / sxx);
        }
        return new LeastSquaresLine(b, a, se, m);
    }

    /** {@code a + b x}. */
    public double predict(double x) {
        return intercept + slope * x;
    }

    /**
     * The two-sided Student-t interval of the slope at {@code level} (e.g. 0.95); NaN bounds when the
     * standard error is undefined.
     */
    public Bootstrap.Interval slopeInterval(double level) {
        if (!(level > 0 && level < 1)) {
            throw InvalidInputException.of("confidence level %s must be strictly between 0 and 1", level);
        }
        if (slopeStandardError == null) {
            return new Bootstrap.Interval(Double.NaN, Double.NaN, level);
        }
        double t = new TDistribution(null, points - 2, 1e-12).inverseCumulativeProbability((1 + level) / 2);
        return new Bootstrap.Interval(slope - t * slopeStandardError, slope + t * slopeStandardError, level);
    }
}
