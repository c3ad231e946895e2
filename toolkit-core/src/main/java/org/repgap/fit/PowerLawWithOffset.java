package org.repgap.fit;

import java.util.List;

/**
 * Power law with an irreducible loss, {@code L = E + A n^(-alpha)}; implied dimension
 * {@code d = 2 / alpha}. Linear in {@code E} and {@code A} (variable projection over {@code alpha}).
 */
public final class PowerLawWithOffset implements Law {
    private static final List<Parameter> PARAMETERS = List.of(
            Parameter.positive("E", "irreducible loss"),
            Parameter.positive("A", "scale"),
            Parameter.real("alpha", 0, Double.POSITIVE_INFINITY, "decay exponent"));

    PowerLawWithOffset() {
    }

    @Override
    public String name() {
        return "power+offset";
    }

    @Override
    public String formula() {
        return "L = E + A n^(-alpha)";
    }

    @Override
    public List<Parameter> parameters() {
        return PARAMETERS;
    }

    @Override
    public double evaluate(double[] p, double[] x, double[] logx, double[] grad) {
        double t = Math.exp(-p[2] * logx[0]);
        double f = p[0] + p[1] * t;
        if (grad != null) {
            grad[0] = 1;
            grad[1] = t;
            grad[2] = -p[1] * t * logx[0];
        }
        return f;
    }

    @Override
    public List<double[]> starts(CurvePoints data) {
        List<double[]> grid = Grids.product(3, new int[] {2}, Grids.geometric(0.01, 4, 16));
        return VariableProjection.starts(this, data, grid, new int[] {0, 1}, (p, x, lx, phi) -> {
            phi[0] = 1;
            phi[1] = Math.exp(-p[2] * lx[0]);
            return 0;
        }, 6);
    }

    @Override
    public boolean hasExponent() {
        return true;
    }

    @Override
    public double impliedDimension(double[] p) {
        return 2 / p[2];
    }
}
