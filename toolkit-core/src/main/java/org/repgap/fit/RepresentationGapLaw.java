package org.repgap.fit;

import java.util.List;

/**
 * The Representation Gap law {@code L = C n^(-2/d)} (THEORY section 4 and 6), with the intrinsic
 * dimension {@code d} free or fixed (e.g. from an estimator of section 5). Linear in {@code C}.
 */
public final class RepresentationGapLaw implements Law {
    private static final List<Parameter> PARAMETERS = List.of(
            Parameter.positive("C", "scale"),
            Parameter.positive("d", "intrinsic dimension"));
    private final double fixedD;

    /** @param fixedD the dimension to hold fixed, or NaN to fit it */
    RepresentationGapLaw(double fixedD) {
        if (!Double.isNaN(fixedD) && !(fixedD > 0 && Double.isFinite(fixedD))) {
            throw org.repgap.InvalidInputException.of("--d %s: the dimension must be a positive finite number", fixedD);
        }
        this.fixedD = fixedD;
    }

    @Override
    public String name() {
        return "rg";
    }

    @Override
    public String formula() {
        return Double.isNaN(fixedD) ? "L = C n^(-2/d)" : String.format(java.util.Locale.ROOT, "L = C n^(-2/d), d = %s fixed", fixedD);
    }

    @Override
    public List<Parameter> parameters() {
        return PARAMETERS;
    }

    @Override
    public double[] fixedValues() {
        return new double[] {Double.NaN, fixedD};
    }

    @Override
    public double evaluate(double[] p, double[] x, double[] logx, double[] grad) {
        double t = Math.exp(-2 / p[1] * logx[0]);
        double f = p[0] * t;
        if (grad != null) {
            grad[0] = t;
            grad[1] = f * 2 / (p[1] * p[1]) * logx[0];
        }
        return f;
    }

    @Override
    public List<double[]> starts(CurvePoints data) {
        double[] ds = Double.isNaN(fixedD) ? Grids.geometric(0.5, 200, 16) : new double[] {fixedD};
        List<double[]> grid = Grids.product(2, new int[] {1}, ds);
        return VariableProjection.starts(this, data, grid, new int[] {0}, (p, x, lx, phi) -> {
            phi[0] = Math.exp(-2 / p[1] * lx[0]);
            return 0;
        }, 6);
    }

    @Override
    public boolean hasExponent() {
        return true;
    }

    @Override
    public double impliedDimension(double[] p) {
        return p[1];
    }
}
