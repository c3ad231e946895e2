package org.repgap.fit;

import java.util.List;
import java.util.Map;

/**
 * Everything reported about one law fitted to one curve (one group). Serialises to JSON with
 * snake_case names; undefined values are {@code null}.
 *
 * @param law             law name
 * @param formula         its formula
 * @param group           values of the {@code --group-by} columns (empty without grouping)
 * @param params          parameter name to estimate
 * @param ci              parameter name to {@code [low, high]} percentile bootstrap interval (empty without bootstrap)
 * @param standardErrors  parameter name to bootstrap standard error (empty without bootstrap)
 * @param dimension        {@code 2 / alpha} for the law's exponent (null when the law has none)
 * @param dimensionCi      its bootstrap interval (null when not available)
 * @param objective       final loss (summed)
 * @param aicc            corrected Akaike information criterion (null when {@code n <= k + 1})
 * @param bic             Bayesian information criterion
 * @param holdoutError    RMS error on the held-out larger {@code x} (log space: of {@code log(pred/obs)}; null without holdout)
 * @param converged       whether the optimiser met its convergence criterion
 * @param points          number of points fitted
 * @param bootstrapReplicates replicates that gave a fit (0 without bootstrap)
 * @param warnings        what the user should know (parameters outside their range, failed replicates, ...)
 * @param convergence     the optimiser's convergence report (gradient, last change, starts that agree)
 * @param holdout         the holdout fit behind {@code holdoutError}: the law refitted on {@code x <= cut} only
 *                        (null without {@code --holdout} or when it could not be fitted); {@code params}
 *                        are always the full-data fit
 */
public record LawReport(String law, String formula, Map<String, String> group, Map<String, Double> params,
                        Map<String, double[]> ci, Map<String, Double> standardErrors, Double dimension, double[] dimensionCi,
                        double objective, Double aicc, Double bic, Double holdoutError, boolean converged, int points,
                        int bootstrapReplicates, List<String> warnings, FitResult.Convergence convergence,
                        HoldoutFit holdout) {

    /**
     * The extrapolation check: the fit on the smaller x and its error on the rest.
     *
     * @param cut           largest first-column x fitted
     * @param fittedPoints  points with {@code x <= cut} (fitted)
     * @param heldOutPoints points with {@code x > cut} (predicted)
     * @param params        parameter name to estimate of this subset fit (not the full-data fit)
     * @param error         RMS error of the prediction on the held-out points (log space: of {@code log(pred/obs)})
     */
    public record HoldoutFit(double cut, int fittedPoints, int heldOutPoints, Map<String, Double> params, Double error) {
    }
}
