package org.repgap.id;

import java.util.Arrays;
import org.repgap.neighbors.NeighborGraph;

/**
 * The TwoNN diagnostic of Facco et al. (Sci. Rep. 7:12140, 2017, doi:10.1038/s41598-017-11873-y),
 * what scikit-dimension's TwoNN keeps as {@code x_}, {@code y_}: with the ratios
 * {@code mu_i = r_2(i)/r_1(i)} sorted and {@code F(mu_(i)) = i/N}, the points
 * ({@code log mu_(i)}, {@code -log(1 - i/N)}) for {@code i = 1..N-1} (the last, where {@code F = 1},
 * is left out) lie on the line through the origin of slope {@code d} when the Pareto law holds. The
 * linear fit uses the first {@code floor(N (1 - discard))} of them ({@link TwoNnEstimator}).
 *
 * <pre>{@code
 * TwoNnDiagnostic diag = TwoNnDiagnostic.of(ctx, 0.1, report.estimates().get(0).dimension());
 * }</pre>
 *
 * @param logMu           {@code log mu_(i)}, increasing
 * @param negLogOneMinusF {@code -log(1 - i/N)}
 * @param fittedCount     how many of the first points the fit used
 * @param discardFraction the fraction of largest ratios the fit discarded (0 for the maximum-likelihood fit)
 * @param dimension       the TwoNN estimate the line is drawn with ({@code null} when undefined)
 */
public record TwoNnDiagnostic(double[] logMu, double[] negLogOneMinusF, int fittedCount, double discardFraction,
                              Double dimension) {

    public TwoNnDiagnostic {
        logMu = logMu.clone();
        negLogOneMinusF = negLogOneMinusF.clone();
        if (logMu.length != negLogOneMinusF.length) {
            throw new IllegalArgumentException("logMu and negLogOneMinusF differ in length");
        }
    }

    /** The diagnostic of the points of {@code ctx} whose nearest neighbour is at a positive distance. */
    public static TwoNnDiagnostic of(IdContext ctx, double discardFraction, Double dimension) {
        if (!(discardFraction >= 0 && discardFraction < 1)) {
            throw new IllegalArgumentException("discardFraction must be in [0, 1), got " + discardFraction);
        }
        NeighborGraph g = ctx.graph(2);
        return ofLogRatios(TwoNnEstimator.logRatios(g, IdContext.pointsWithPositiveDistance(g, 1)), discardFraction, dimension);
    }

    /**
     * The diagnostic from log-ratios {@code ln mu_i} (any order): sorts them, sets {@code F_i = i/N}
     * (i = 1..N; the last point, where {@code F = 1}, is dropped) and marks the first
     * {@code (1 - discardFraction) N} points as fitted (Facco et al. discard the largest 10 %).
     */
    public static TwoNnDiagnostic ofLogRatios(double[] logRatios, double discardFraction, Double dimension) {
        if (!(discardFraction >= 0 && discardFraction < 1)) {
            throw new IllegalArgumentException("discardFraction must be in [0, 1), got " + discardFraction);
        }
        double[] sorted = logRatios.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        int m = Math.max(0, n - 1);
        double[] y = new double[m];
        for (int i = 0; i < m; i++) {
            y[i] = -Math.log(1 - (i + 1.0) / n);
        }
        int fitted = (int) Math.floor(n * (1 - discardFraction));
        return new TwoNnDiagnostic(Arrays.copyOf(sorted, m), y, Math.min(fitted, m), discardFraction, dimension);
    }

    @Override
    public double[] logMu() {
        return logMu.clone();
    }

    @Override
    public double[] negLogOneMinusF() {
        return negLogOneMinusF.clone();
    }
}
