package org.repgap.fit;

import java.util.ArrayList;
import java.util.List;

/**
 * The two-variable law of Hoffmann et al. 2022 (arXiv:2203.15556),
 * {@code L(N, D) = E + A / N^alpha + B / D^beta}, with {@code N} the model size and {@code D} the
 * number of training tokens (first and second input column).
 *
 * <p>{@code E, A, B} are optimised as {@code e, a, b} with {@code E = e^e} etc., so that in log
 * space {@code log L = LSE(a - alpha log N, b - beta log D, e)} exactly as in Besiroglu et al. 2024,
 * "Chinchilla Scaling: A replication attempt" (arXiv:2404.10102). The default starts are their grid:
 * {@code alpha, beta in {0, 0.5, ..., 2}}, {@code e in {-1, -0.5, ..., 1}}, {@code a, b in {0, 5, ..., 25}}
 * (4,500 starts). The implied dimension uses the data exponent: {@code d = 2 / beta}.
 */
public final class ChinchillaLaw implements Law {
    private static final List<Parameter> PARAMETERS = List.of(
            Parameter.positive("E", "irreducible loss"),
            Parameter.positive("A", "model-size term scale"),
            Parameter.positive("B", "data term scale"),
            Parameter.real("alpha", 0, Double.POSITIVE_INFINITY, "model-size exponent"),
            Parameter.real("beta", 0, Double.POSITIVE_INFINITY, "data exponent"));

    ChinchillaLaw() {
    }

    @Override
    public String name() {
        return "chinchilla";
    }

    @Override
    public String formula() {
        return "L = E + A/N^alpha + B/D^beta";
    }

    @Override
    public List<Parameter> parameters() {
        return PARAMETERS;
    }

    @Override
    public int inputs() {
        return 2;
    }

    @Override
    public double evaluate(double[] p, double[] x, double[] logx, double[] grad) {
        double tn = Math.exp(-p[3] * logx[0]);
        double td = Math.exp(-p[4] * logx[1]);
        double an = p[1] * tn;
        double bd = p[2] * td;
        if (grad != null) {
            grad[0] = 1;
            grad[1] = tn;
            grad[2] = td;
            grad[3] = -an * logx[0];
            grad[4] = -bd * logx[1];
        }
        return p[0] + an + bd;
    }

    /** The 4,500 starts of Besiroglu et al. 2024 (natural values; the data are not used). */
    @Override
    public List<double[]> starts(CurvePoints data) {
        return epochGrid();
    }

    /** Besiroglu et al.'s grid as natural parameter vectors {@code (E, A, B, alpha, beta)}. */
    public static List<double[]> epochGrid() {
        double[] exps = Grids.linear(0, 2, 5);
        double[] es = Grids.linear(-1, 1, 5);
        double[] abs = Grids.linear(0, 25, 6);
        List<double[]> out = new ArrayList<>(4500);
        for (double alpha : exps) {
            for (double beta : exps) {
                for (double e : es) {
                    for (double a : abs) {
                        for (double b : abs) {
                            out.add(new double[] {Math.exp(e), Math.exp(a), Math.exp(b), alpha, beta});
                        }
                    }
                }
            }
        }
        return out;
    }

    @Override
    public boolean hasExponent() {
        return true;
    }

    @Override
    public double impliedDimension(double[] p) {
        return 2 / p[4];
    }
}
