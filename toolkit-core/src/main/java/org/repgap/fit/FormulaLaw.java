package org.repgap.fit;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * A one-input law given by its evaluator (value and analytic gradient), its start generator and
 * the index of its power-law exponent (or -1). Used for the Learning Curve Database families,
 * which differ only in their formula.
 *
 * @param name          name on the command line and in results
 * @param formula       formula in plain text
 * @param parameters    parameters in vector order
 * @param evaluator     value and gradient
 * @param startFunction starts adapted to the data
 * @param exponentIndex index of the asymptotic power-law exponent ({@code d = 2 / p[k]}), or -1
 */
public record FormulaLaw(String name, String formula, List<Parameter> parameters, Evaluator evaluator,
                         Function<CurvePoints, List<double[]>> startFunction, int exponentIndex) implements Law {

    /** Value and gradient of a one-input law at {@code x} (with {@code lx = log x}). */
    @FunctionalInterface
    public interface Evaluator {
        double evaluate(double[] p, double x, double lx, double[] grad);
    }

    public FormulaLaw {
        Objects.requireNonNull(name, "name");
        parameters = List.copyOf(parameters);
    }

    @Override
    public double evaluate(double[] p, double[] x, double[] logx, double[] grad) {
        return evaluator.evaluate(p, x[0], logx[0], grad);
    }

    @Override
    public List<double[]> starts(CurvePoints data) {
        return startFunction.apply(data);
    }

    @Override
    public boolean hasExponent() {
        return exponentIndex >= 0;
    }

    @Override
    public double impliedDimension(double[] p) {
        return exponentIndex >= 0 ? 2 / p[exponentIndex] : Double.NaN;
    }
}
