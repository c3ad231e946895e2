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
 */
public record FitResult(Law law, double[] params, double objective, boolean converged, String message, int starts,
                        int convergedStarts, List<double[]> alternatives) {

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
