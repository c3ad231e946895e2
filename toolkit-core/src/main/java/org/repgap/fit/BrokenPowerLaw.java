package org.repgap.fit;

import java.util.ArrayList;
import java.util.List;

/**
 * Broken neural scaling law of Caballero et al. 2022 (arXiv:2210.14891) with {@code k >= 1} breaks:
 * <pre>
 *   y = a + b x^(-c0) prod_{i=1..k} (1 + (x / d_i)^(1/f_i))^(-c_i f_i)
 * </pre>
 * {@code a} is the limit, {@code b} the scale, {@code c0} the initial slope (in log-log), {@code c_i}
 * the change of slope at break {@code d_i}, {@code f_i} the sharpness of break {@code i}. The
 * asymptotic exponent is {@code c0 + sum c_i}, so the implied dimension is
 * {@code d = 2 / (c0 + sum c_i)}. Linear in {@code a} and {@code b} (variable projection over the rest).
 * {@code b}, {@code d_i} and {@code f_i} are positive (optimised on the log scale).
 */
public final class BrokenPowerLaw implements Law {
    private final int breaks;
    private final List<Parameter> parameters;

    BrokenPowerLaw(int breaks) {
        if (breaks < 1 || breaks > 3) {
            throw org.repgap.InvalidInputException.of("--breaks %d: the broken power law takes 1 to 3 breaks", breaks);
        }
        this.breaks = breaks;
        List<Parameter> ps = new ArrayList<>();
        ps.add(Parameter.real("a", 0, Double.POSITIVE_INFINITY, "limit as x grows"));
        ps.add(Parameter.positive("b", "scale"));
        ps.add(Parameter.real("c0", Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, "initial slope"));
        for (int i = 1; i <= breaks; i++) {
            ps.add(Parameter.real("c" + i, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, "change of slope at break " + i));
            ps.add(Parameter.positive("d" + i, "location of break " + i));
            ps.add(Parameter.positive("f" + i, "sharpness of break " + i));
        }
        this.parameters = List.copyOf(ps);
    }

    /** Number of breaks. */
    public int breaks() {
        return breaks;
    }

    @Override
    public String name() {
        return "broken";
    }

    @Override
    public String formula() {
        return "y = a + b x^(-c0) prod_i (1 + (x/d_i)^(1/f_i))^(-c_i f_i), " + breaks + (breaks == 1 ? " break" : " breaks");
    }

    @Override
    public List<Parameter> parameters() {
        return parameters;
    }

    /** {@code log(1 + e^s)} without overflow. */
    private static double softplus(double s) {
        return s > 0 ? s + Math.log1p(Math.exp(-s)) : Math.log1p(Math.exp(s));
    }

    /** {@code log g} with {@code g = x^(-c0) prod_i (...)}. */
    private double logShape(double[] p, double lx) {
        double lg = -p[2] * lx;
        for (int i = 0; i < breaks; i++) {
            double c = p[3 + 3 * i];
            double d = p[4 + 3 * i];
            double f = p[5 + 3 * i];
            lg -= c * f * softplus((lx - Math.log(d)) / f);
        }
        return lg;
    }

    @Override
    public double evaluate(double[] p, double[] x, double[] logx, double[] grad) {
        double lx = logx[0];
        double g = Math.exp(logShape(p, lx));
        double bg = p[1] * g;
        if (grad != null) {
            grad[0] = 1;
            grad[1] = g;
            grad[2] = -bg * lx;
            for (int i = 0; i < breaks; i++) {
                double c = p[3 + 3 * i];
                double d = p[4 + 3 * i];
                double f = p[5 + 3 * i];
                double u = lx - Math.log(d);
                double s = u / f;
                double sp = softplus(s);
                double sig = s > 0 ? 1 / (1 + Math.exp(-s)) : Math.exp(s) / (1 + Math.exp(s));
                grad[3 + 3 * i] = -bg * f * sp;
                grad[4 + 3 * i] = bg * c * sig / d;
                grad[5 + 3 * i] = bg * (-c * sp + c * sig * s);
            }
        }
        return p[0] + bg;
    }

    @Override
    public List<double[]> starts(CurvePoints data) {
        double[] r = data.range(0);
        double lo = r[0] > 0 ? r[0] : 1;
        double hi = Math.max(r[1], lo * 10);
        int size = parameters.size();
        int[] positions = new int[2 + 3 * breaks];
        double[][] axes = new double[positions.length][];
        positions[0] = 2;
        axes[0] = new double[] {0.05, 0.3, 1.0};
        for (int i = 0; i < breaks; i++) {
            positions[1 + 3 * i] = 3 + 3 * i;
            axes[1 + 3 * i] = new double[] {-0.5, 0.2, 0.6, 1.5};
            positions[2 + 3 * i] = 4 + 3 * i;
            axes[2 + 3 * i] = breaks == 1 ? Grids.geometric(lo * 1.5, hi / 1.5, 5)
                    : Grids.geometric(lo * Math.pow(hi / lo, (i + 0.5) / (breaks + 1)), lo * Math.pow(hi / lo, (i + 1.5) / (breaks + 1)), 2);
            positions[3 + 3 * i] = 5 + 3 * i;
            axes[3 + 3 * i] = new double[] {0.1, 0.5, 1.5};
        }
        positions[positions.length - 1] = 1;
        axes[axes.length - 1] = new double[] {1};
        List<double[]> grid = new ArrayList<>(Grids.product(size, positions, axes));
        grid.addAll(hypercube(size, lo, hi));
        return VariableProjection.starts(this, data, grid, new int[] {0, 1}, (p, x, lx, phi) -> {
            phi[0] = 1;
            phi[1] = Math.exp(logShape(p, lx[0]));
            return 0;
        }, 12);
    }

    /** Seed of the Latin-hypercube starts (fixed, so a fit is reproducible). */
    static final long START_SEED = 20221027L;

    /**
     * {@value #HYPERCUBE} Latin-hypercube starts over ranges scaled to the data: {@code c0} in
     * [-0.5, 1.5], each {@code c_i} in [-1, 8], {@code d_i} in [x_min, 10 x_max] and {@code f_i} in
     * [0.02, 2] (both log-uniform), so that sharp breaks and breaks beyond the data (which the
     * curvature before them still determines) have starts; cf. the grid of Caballero et al.'s
     * noiseless 4-digit-addition script ({@code c1} up to 8, {@code d1} up to 1.25^35 = 2465 for
     * {@code x <= 405}, {@code f1} from 0).
     */
    private List<double[]> hypercube(int size, double lo, double hi) {
        int dims = 1 + 3 * breaks;
        int[] positions = new int[dims];
        double[] a = new double[dims];
        double[] b = new double[dims];
        boolean[] log = new boolean[dims];
        positions[0] = 2;
        a[0] = -0.5;
        b[0] = 1.5;
        for (int i = 0; i < breaks; i++) {
            positions[1 + 3 * i] = 3 + 3 * i;
            a[1 + 3 * i] = -1;
            b[1 + 3 * i] = 8;
            positions[2 + 3 * i] = 4 + 3 * i;
            a[2 + 3 * i] = lo;
            b[2 + 3 * i] = 10 * hi;
            log[2 + 3 * i] = true;
            positions[3 + 3 * i] = 5 + 3 * i;
            a[3 + 3 * i] = 0.02;
            b[3 + 3 * i] = 2;
            log[3 + 3 * i] = true;
        }
        List<double[]> out = Grids.latinHypercube(size, HYPERCUBE, START_SEED, positions, a, b, log);
        for (double[] p : out) {
            p[1] = 1;
        }
        return out;
    }

    /** Number of Latin-hypercube starts. */
    static final int HYPERCUBE = 256;

    @Override
    public boolean hasExponent() {
        return true;
    }

    @Override
    public double impliedDimension(double[] p) {
        double slope = p[2];
        for (int i = 0; i < breaks; i++) {
            slope += p[3 + 3 * i];
        }
        return 2 / slope;
    }
}
