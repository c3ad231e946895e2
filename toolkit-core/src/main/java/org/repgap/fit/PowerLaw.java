package org.repgap.fit;

import java.util.List;

/**
 * Pure power law {@code L = A n^(-alpha)}; implied dimension {@code d = 2 / alpha} (THEORY section 6).
 * Linear in {@code A}, which variable projection solves for each start value of {@code alpha}.
 */
public final class PowerLaw implements Law {
    private static final List<Parameter> PARAMETERS = List.of(
            Parameter.positive("A", "scale"),
            Parameter.real("alpha", 0, Double.POSITIVE_INFINITY, "decay exponent"));

    PowerLaw() {
    }

    @Override
    public String name() {
        return "power";
    }

    @Override
    public String formula() {
        return "L = A n^(-alpha)";
    }

    @Override
    public List<Parameter> parameters() {
        return PARAMETERS;
    }

    @Override
    public double evaluate(double[] p, double[] x, double[] logx, double[] grad) {
        double t = Math.exp(-p[1] * logx[0]);
        double f = p[0] * t;
        if (grad != null) {
            grad[0] = t;
            grad[1] = -f * logx[0];
        }
        return f;
    }

    @Override
    public List<double[]> starts(CurvePoints data) {
        List<double[]> grid = Grids.product(2, new int[] {1}, Grids.geometric(0.01, 4, 16));
        return VariableProjection.starts(this, data, grid, new int[] {0}, (p, x, lx, phi) -> {
            phi[0] = Math.exp(-p[1] * lx[0]);
            return 0;
        }, 6);
    }

    @Override
    public boolean hasExponent() {
        return true;
    }

    @Override
    public double impliedDimension(double[] p) {
        return 2 / p[1];
    }
}
