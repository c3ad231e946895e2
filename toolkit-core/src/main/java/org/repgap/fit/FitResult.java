package org.repgap.fit;

import java.util.List;

/**
 * The best of a multi-start fit of one law.
 *
 * @param law             the law
 * @param params          natural parameter values (copy)
 * @param objective       final objective value (loss summed over points)
 * @param converged       whether the best run met a convergence criterion
 * @param message         why the best run stopped
 * @param starts          number of starts run
 * @param convergedStarts number of runs that converged
 * @param alternatives    other distinct local optima, best first (natural values; at most 8), used
 *                        as extra starts for bootstrap refits
 * @param convergence     how well the optimum is established (gradient, last change, agreeing starts)
 */
public record FitResult(Law law, double[] params, double objective, boolean converged, String message, int starts,
                        int convergedStarts, List<double[]> alternatives, Convergence convergence) {

    /**
     * The convergence report of the best run.
     *
     * @param gradientNorm    largest absolute component of the objective's gradient at the optimum,
     *                        in optimiser coordinates ({@link Objective})
     * @param objectiveChange relative decrease of the objective achieved by the polishing run,
     *                        {@code (f_before - f_after) / max(|f_before|, tiny)} (0 when polishing did not improve it)
     * @param agreeingStarts  number of runs whose final objective is within {@link CurveFitter#AGREEMENT}
     *                        of the best (relative, plus rounding level): 1 means no other start confirms the optimum
     * @param starts          number of starts run
     * @param polished        whether the Levenberg-Marquardt polish improved on the first local optimiser
     */
    public record Convergence(double gradientNorm, double objectiveChange, int agreeingStarts, int starts, boolean polished) {
    }

    public FitResult {
        params = params.clone();
        alternatives = alternatives.stream().map(double[]::clone).toList();
    }

    @Override
    public double[] params() {
        return params.clone();
    }

    /** Value of the named parameter. */
    public double param(String name) {
        int k = law.parameterNames().indexOf(name);
        if (k < 0) {
            throw new IllegalArgumentException("law " + law.name() + " has no parameter " + name);
        }
        return params[k];
    }
}
