package org.repgap.plots.data;

import java.util.Arrays;
import org.repgap.plots.ChartKind;

/**
 * The TwoNN diagnostic of Facco et al. (Sci. Rep. 7:12140, 2017, doi:10.1038/s41598-017-11873-y):
 * with {@code mu_i = r_2/r_1} sorted and the empirical distribution {@code F(mu_(i)) = i/N}, the
 * points ({@code log mu}, {@code -log(1 - F)}) lie on the line through the origin of slope {@code d}
 * when the Pareto law {@code P(mu) = d mu^(-d-1)} holds. Points beyond the fitted fraction (the
 * largest ratios, discarded by the fit) are drawn apart.
 *
 * @param logMu      {@code log mu_(i)}, increasing
 * @param negLogOneMinusF {@code -log(1 - F(mu_(i)))}
 * @param fittedCount how many of the first points the fit used
 * @param dimension  the fitted slope d
 */
public record TwoNnDiagnosticData(double[] logMu, double[] negLogOneMinusF, int fittedCount, double dimension)
        implements ChartData {

    public TwoNnDiagnosticData {
        logMu = logMu.clone();
        negLogOneMinusF = negLogOneMinusF.clone();
        Checks.sameLength("twonn diagnostic", logMu, negLogOneMinusF);
        if (fittedCount < 0 || fittedCount > logMu.length) {
            throw new IllegalArgumentException("fittedCount must be in [0, " + logMu.length + "], got " + fittedCount);
        }
    }

    /**
     * The diagnostic from raw ratios {@code mu_i >= 1}: sorts them, sets {@code F_i = i/N}
     * (i = 1..N; the last point, where F = 1, is dropped) and marks the first
     * {@code (1 - discardFraction) N} points as fitted (Facco et al. discard the largest 10 %).
     */
    public static TwoNnDiagnosticData fromRatios(double[] mu, double discardFraction, double dimension) {
        double[] logs = Arrays.stream(mu).filter(v -> Double.isFinite(v) && v > 0).map(Math::log).toArray();
        org.repgap.id.TwoNnDiagnostic d = org.repgap.id.TwoNnDiagnostic.ofLogRatios(logs, discardFraction, dimension);
        return new TwoNnDiagnosticData(d.logMu(), d.negLogOneMinusF(), d.fittedCount(), dimension);
    }

    @Override
    public double[] logMu() {
        return logMu.clone();
    }

    @Override
    public double[] negLogOneMinusF() {
        return negLogOneMinusF.clone();
    }

    @Override
    public ChartKind kind() {
        return ChartKind.TWONN;
    }
}
