package org.repgap.fit;

import java.util.List;

/**
 * A parametric law {@code y = f(x; theta)} for a learning curve, with its analytic Jacobian.
 *
 * <p>Implementations are immutable and thread-safe. {@code x} has {@link #inputs()} components
 * (1 for {@code L(n)}, 2 for {@code L(N, D)}); the caller passes their natural logarithms as well
 * so that power laws cost one {@code exp} per term instead of a {@code pow}.
 */
public interface Law {

    /** Name used on the command line and in results, e.g. {@code "power+offset"}. */
    String name();

    /** The formula in plain text, e.g. {@code "L = E + A n^(-alpha)"}. */
    String formula();

    /** The parameters in the order of the parameter vectors. */
    List<Parameter> parameters();

    /** Number of input columns (1, or 2 for two-variable laws). */
    default int inputs() {
        return 1;
    }

    /**
     * Evaluates the law.
     *
     * @param p    natural parameter values, in {@link #parameters()} order
     * @param x    the inputs of one point
     * @param logx {@code log(x)} component-wise (NaN where {@code x <= 0})
     * @param grad if not null, receives {@code df/dp_k} for every parameter
     * @return {@code f(x; p)}, NaN where the law is undefined
     */
    double evaluate(double[] p, double[] x, double[] logx, double[] grad);

    /**
     * Starting points (natural parameter vectors) for the multi-start fit, adapted to the data
     * (scales of {@code x} and {@code y}). Every start must be finite and positive where the
     * parameter is on the log scale.
     */
    List<double[]> starts(CurvePoints data);

    /**
     * The dimension implied by the fitted exponent, {@code d = 2 / alpha} (THEORY section 6), or
     * NaN when the law has no power-law exponent.
     */
    default double impliedDimension(double[] p) {
        return Double.NaN;
    }

    /**
     * Values of parameters held fixed during the fit (NaN where free), or null when all are free.
     */
    default double[] fixedValues() {
        return null;
    }

    /** Whether {@link #impliedDimension} is defined for this law. */
    default boolean hasExponent() {
        return false;
    }

    /** Parameter names in order. */
    default List<String> parameterNames() {
        return parameters().stream().map(Parameter::name).toList();
    }

    /** {@code f} at one input without gradient (convenience for prediction). */
    default double predict(double[] p, double... x) {
        double[] logx = new double[x.length];
        for (int k = 0; k < x.length; k++) {
            logx[k] = x[k] > 0 ? Math.log(x[k]) : Double.NaN;
        }
        return evaluate(p, x, logx, null);
    }
}
