package org.repgap.fit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The parametric learning-curve families of the Learning Curve Database: Mohr, Viering, Loog &
 * van Rijn, "LCDB 1.0: An extensive learning curves database for classification tasks", ECML PKDD
 * 2022 (doi:10.1007/978-3-031-26419-1_1), as catalogued by Viering & Loog, "The shape of learning
 * curves: a review", IEEE TPAMI 2022 (arXiv:2103.10948). Names, formulas, signs and parameter
 * letters are LCDB's own fitting code, {@code get_fun_model_id} in
 * {@code publications/2022-ecml/analysis/utils_fit.py} of {@code github.com/fmohr/lcdb} (commit
 * e105db0), so that parameters compare with LCDB's published fits; {@code janoschek4} and
 * {@code pow4vl} (Viering &amp; Loog's form of a four-parameter power law) are not in LCDB and keep
 * their own names. {@code x} is the training-set size and must be positive ({@code ilog2} needs
 * {@code x > 1}). Parameters are real and may take either sign unless stated, so that the same
 * family fits error curves (decreasing) and accuracy curves (increasing).
 *
 * <p>Starts: the parameters that enter linearly are solved by {@link VariableProjection} over a
 * small grid of the others, scaled to the range of {@code x} (exponential families need
 * {@code b x = O(1)}). {@code vap3} is linear in log space and starts from that regression.
 */
public final class LearningCurveDatabaseLaws {
    private LearningCurveDatabaseLaws() {
    }

    private static Parameter real(String name, String description) {
        return Parameter.real(name, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, description);
    }

    /** All families by name, in the order of the LCDB table. */
    public static Map<String, Law> all() {
        Map<String, Law> m = new LinkedHashMap<>();
        for (Law law : List.of(pow2(), pow3(), pow4(), pow4vl(), log2(), ilog2(), exp3(), expd3(), exp4(), vap3(), logpower3(),
                mmf4(), wbl4(), janoschek4())) {
            m.put(law.name(), law);
        }
        return m;
    }

    /** {@code pow2: y = -a x^(-b)} (LCDB's {@code utils_fit.py}; a decreasing loss has {@code a < 0}). */
    public static Law pow2() {
        List<Parameter> ps = List.of(real("a", "scale (negated)"), Parameter.real("b", 0, Double.POSITIVE_INFINITY, "exponent"));
        FormulaLaw shell = shell("pow2", ps);
        return new FormulaLaw("pow2", "y = -a x^(-b)", ps,
                (p, x, lx, g) -> {
                    double t = Math.exp(-p[1] * lx);
                    if (g != null) {
                        g[0] = -t;
                        g[1] = p[0] * t * lx;
                    }
                    return -p[0] * t;
                },
                data -> VariableProjection.starts(shell, data, Grids.product(2, new int[] {1}, Grids.geometric(0.01, 4, 16)),
                        new int[] {0}, (p, x, lx, phi) -> {
                            phi[0] = -Math.exp(-p[1] * lx[0]);
                            return 0;
                        }, 6),
                1);
    }

    /** {@code pow3: y = a - b x^(-c)} (LCDB; a decreasing loss has {@code b < 0}). */
    public static Law pow3() {
        List<Parameter> ps = List.of(real("a", "limit"), real("b", "scale (negated)"),
                Parameter.real("c", 0, Double.POSITIVE_INFINITY, "exponent"));
        FormulaLaw shell = shell("pow3", ps);
        return new FormulaLaw("pow3", "y = a - b x^(-c)", ps,
                (p, x, lx, g) -> {
                    double t = Math.exp(-p[2] * lx);
                    if (g != null) {
                        g[0] = 1;
                        g[1] = -t;
                        g[2] = p[1] * t * lx;
                    }
                    return p[0] - p[1] * t;
                },
                data -> VariableProjection.starts(shell, data, Grids.product(3, new int[] {2}, Grids.geometric(0.01, 4, 16)),
                        new int[] {0, 1}, (p, x, lx, phi) -> {
                            phi[0] = 1;
                            phi[1] = -Math.exp(-p[2] * lx[0]);
                            return 0;
                        }, 6),
                2);
    }

    /**
     * {@code pow4: y = a - b (x + d)^(-c)} (LCDB, "has to closely match pow3"), defined where
     * {@code x + d > 0}.
     */
    public static Law pow4() {
        List<Parameter> ps = List.of(real("a", "limit"), real("b", "scale (negated)"),
                Parameter.real("c", 0, Double.POSITIVE_INFINITY, "exponent"), real("d", "shift of x"));
        FormulaLaw shell = shell("pow4", ps);
        return new FormulaLaw("pow4", "y = a - b (x + d)^(-c)", ps,
                (p, x, lx, g) -> {
                    double u = x + p[3];
                    if (!(u > 0)) {
                        return Double.NaN;
                    }
                    double lu = Math.log(u);
                    double t = Math.exp(-p[2] * lu);
                    if (g != null) {
                        g[0] = 1;
                        g[1] = -t;
                        g[2] = p[1] * t * lu;
                        g[3] = p[1] * p[2] * t / u;
                    }
                    return p[0] - p[1] * t;
                },
                data -> {
                    double xmin = data.range(0)[0];
                    double[] ds = {-0.5 * xmin, 0, xmin, 10 * xmin};
                    return VariableProjection.starts(shell, data,
                            Grids.product(4, new int[] {2, 3}, Grids.geometric(0.01, 4, 12), ds),
                            new int[] {0, 1}, (p, x, lx, phi) -> {
                                double u = x[0] + p[3];
                                phi[0] = 1;
                                phi[1] = u > 0 ? -Math.exp(-p[2] * Math.log(u)) : Double.NaN;
                                return 0;
                            }, 8);
                },
                2);
    }

    /**
     * {@code pow4vl: y = c - (-a x + b)^(-d)}, the four-parameter power law as Viering &amp; Loog 2022
     * tabulate it, defined where {@code -a x + b > 0} (not LCDB's {@code pow4}, hence its own name).
     */
    public static Law pow4vl() {
        List<Parameter> ps = List.of(real("a", "slope inside the power"), real("b", "offset inside the power"),
                real("c", "limit"), real("d", "exponent"));
        FormulaLaw shell = shell("pow4vl", ps);
        return new FormulaLaw("pow4vl", "y = c - (-a x + b)^(-d)", ps,
                (p, x, lx, g) -> {
                    double u = -p[0] * x + p[1];
                    if (!(u > 0)) {
                        return Double.NaN;
                    }
                    double lu = Math.log(u);
                    double t = Math.exp(-p[3] * lu);
                    if (g != null) {
                        double dt = p[3] * t / u;
                        g[0] = -dt * x;
                        g[1] = dt;
                        g[2] = 1;
                        g[3] = lu * t;
                    }
                    return p[2] - t;
                },
                data -> {
                    double xs = Grids.typicalX(data, 0);
                    double[] as = {-0.1 / xs, -1 / xs, -10 / xs, -100 / xs};
                    double[] bs = {0.1, 1, 10};
                    double[] ds = {-1, -0.5, 0.25, 0.5, 1, 2};
                    return VariableProjection.starts(shell, data, Grids.product(4, new int[] {0, 1, 3}, as, bs, ds),
                            new int[] {2}, (p, x, lx, phi) -> {
                                phi[0] = 1;
                                double u = -p[0] * x[0] + p[1];
                                return u > 0 ? -Math.exp(-p[3] * Math.log(u)) : Double.NaN;
                            }, 8);
                },
                3);
    }

    /** {@code log2: y = -a log(x) + b}. */
    public static Law log2() {
        List<Parameter> ps = List.of(real("a", "slope in log x"), real("b", "value at x = 1"));
        FormulaLaw shell = shell("log2", ps);
        return new FormulaLaw("log2", "y = -a log(x) + b", ps,
                (p, x, lx, g) -> {
                    if (g != null) {
                        g[0] = -lx;
                        g[1] = 1;
                    }
                    return -p[0] * lx + p[1];
                },
                data -> VariableProjection.starts(shell, data, List.<double[]>of(new double[2]), new int[] {0, 1}, (p, x, lx, phi) -> {
                    phi[0] = -lx[0];
                    phi[1] = 1;
                    return 0;
                }, 1),
                -1);
    }

    /** {@code ilog2: y = b - a / log(x)} (LCDB), for {@code x > 1}. */
    public static Law ilog2() {
        List<Parameter> ps = List.of(real("a", "scale"), real("b", "limit"));
        FormulaLaw shell = shell("ilog2", ps);
        return new FormulaLaw("ilog2", "y = b - a / log(x)", ps,
                (p, x, lx, g) -> {
                    if (!(lx > 0)) {
                        return Double.NaN;
                    }
                    if (g != null) {
                        g[0] = -1 / lx;
                        g[1] = 1;
                    }
                    return p[1] - p[0] / lx;
                },
                data -> VariableProjection.starts(shell, data, List.<double[]>of(new double[2]), new int[] {0, 1}, (p, x, lx, phi) -> {
                    phi[0] = lx[0] > 0 ? -1 / lx[0] : Double.NaN;
                    phi[1] = 1;
                    return 0;
                }, 1),
                -1);
    }

    /** Decay rates {@code b} with {@code b x_max} from 0.3 to 30. */
    private static double[] rates(CurvePoints data) {
        double xmax = Math.max(data.range(0)[1], 1e-300);
        return Grids.geometric(0.3 / xmax, 30 / xmax, 8);
    }

    /** {@code exp3: y = a exp(-b x) + c}. */
    public static Law exp3() {
        List<Parameter> ps = List.of(real("a", "amplitude"), Parameter.real("b", 0, Double.POSITIVE_INFINITY, "rate"), real("c", "limit"));
        FormulaLaw shell = shell("exp3", ps);
        return new FormulaLaw("exp3", "y = a exp(-b x) + c", ps,
                (p, x, lx, g) -> {
                    double e = Math.exp(-p[1] * x);
                    if (g != null) {
                        g[0] = e;
                        g[1] = -p[0] * e * x;
                        g[2] = 1;
                    }
                    return p[0] * e + p[2];
                },
                data -> VariableProjection.starts(shell, data, Grids.product(3, new int[] {1}, rates(data)), new int[] {0, 2},
                        (p, x, lx, phi) -> {
                            phi[0] = Math.exp(-p[1] * x[0]);
                            phi[1] = 1;
                            return 0;
                        }, 6),
                -1);
    }

    /** {@code expd3: y = c - (c - a) exp(-b x)}. */
    public static Law expd3() {
        List<Parameter> ps = List.of(real("a", "value at x = 0"), Parameter.real("b", 0, Double.POSITIVE_INFINITY, "rate"),
                real("c", "limit"));
        FormulaLaw shell = shell("expd3", ps);
        return new FormulaLaw("expd3", "y = c - (c - a) exp(-b x)", ps,
                (p, x, lx, g) -> {
                    double e = Math.exp(-p[1] * x);
                    if (g != null) {
                        g[0] = e;
                        g[1] = (p[2] - p[0]) * e * x;
                        g[2] = 1 - e;
                    }
                    return p[2] - (p[2] - p[0]) * e;
                },
                data -> VariableProjection.starts(shell, data, Grids.product(3, new int[] {1}, rates(data)), new int[] {0, 2},
                        (p, x, lx, phi) -> {
                            double e = Math.exp(-p[1] * x[0]);
                            phi[0] = e;
                            phi[1] = 1 - e;
                            return 0;
                        }, 6),
                -1);
    }

    /** Grid of {@code (a, d)} for stretched exponentials {@code exp(-a x^d)} with {@code a x_typ^d} from 0.1 to 10. */
    private static List<double[]> stretched(CurvePoints data, int size, int aIndex, int dIndex) {
        double xs = Grids.typicalX(data, 0);
        List<double[]> out = new ArrayList<>();
        for (double d : new double[] {0.25, 0.5, 1}) {
            for (double k : new double[] {0.1, 0.5, 2, 10}) {
                double[] p = new double[size];
                p[dIndex] = d;
                p[aIndex] = k / Math.pow(xs, d);
                out.add(p);
            }
        }
        return out;
    }

    /** {@code exp4: y = c - exp(-a x^d + b)}. */
    public static Law exp4() {
        List<Parameter> ps = List.of(real("a", "rate"), real("b", "log amplitude"), real("c", "limit"),
                Parameter.real("d", 0, Double.POSITIVE_INFINITY, "stretch exponent"));
        FormulaLaw shell = shell("exp4", ps);
        return new FormulaLaw("exp4", "y = c - exp(-a x^d + b)", ps,
                (p, x, lx, g) -> {
                    double q = Math.exp(p[3] * lx);
                    double e = Math.exp(-p[0] * q + p[1]);
                    if (g != null) {
                        g[0] = e * q;
                        g[1] = -e;
                        g[2] = 1;
                        g[3] = e * p[0] * q * lx;
                    }
                    return p[2] - e;
                },
                data -> {
                    double[] yr = data.yRange();
                    double span = Math.log(Math.max(yr[1] - yr[0], 1e-12 * Math.max(Math.abs(yr[1]), 1)));
                    List<double[]> grid = new ArrayList<>();
                    for (double[] base : stretched(data, 4, 0, 3)) {
                        for (double db : new double[] {-1, 0, 1, 2}) {
                            double[] p = base.clone();
                            p[1] = span + db;
                            grid.add(p);
                        }
                    }
                    return VariableProjection.starts(shell, data, grid, new int[] {2}, (p, x, lx, phi) -> {
                        phi[0] = 1;
                        return -Math.exp(-p[0] * Math.exp(p[3] * lx[0]) + p[1]);
                    }, 8);
                },
                -1);
    }

    /** {@code vap3: y = exp(a + b / x + c log(x))} (vapour pressure). */
    public static Law vap3() {
        List<Parameter> ps = List.of(real("a", "log scale"), real("b", "coefficient of 1/x"), real("c", "coefficient of log x"));
        return new FormulaLaw("vap3", "y = exp(a + b/x + c log(x))", ps,
                (p, x, lx, g) -> {
                    double f = Math.exp(p[0] + p[1] / x + p[2] * lx);
                    if (g != null) {
                        g[0] = f;
                        g[1] = f / x;
                        g[2] = f * lx;
                    }
                    return f;
                },
                data -> {
                    int n = data.size();
                    double[][] phi = new double[n][3];
                    double[] ly = new double[n];
                    for (int i = 0; i < n; i++) {
                        phi[i][0] = 1;
                        phi[i][1] = 1 / data.x()[i][0];
                        phi[i][2] = data.logx()[i][0];
                        ly[i] = data.logy()[i];
                    }
                    double[] beta = VariableProjection.solve(phi, ly, data.w(), new boolean[3]);
                    List<double[]> out = new ArrayList<>();
                    if (beta != null && Double.isFinite(beta[0] + beta[1] + beta[2])) {
                        out.add(beta);
                    }
                    double my = 0;
                    for (double v : ly) {
                        my += v / n;
                    }
                    out.add(new double[] {my, 0, 0});
                    return out;
                },
                -1);
    }

    /** {@code logpower3: y = a / (1 + (x / e^b)^c)}. */
    public static Law logpower3() {
        List<Parameter> ps = List.of(real("a", "value for small x"), real("b", "log of the transition x"),
                Parameter.real("c", 0, Double.POSITIVE_INFINITY, "exponent"));
        FormulaLaw shell = shell("logpower3", ps);
        return new FormulaLaw("logpower3", "y = a / (1 + (x / e^b)^c)", ps,
                (p, x, lx, g) -> {
                    double s = p[2] * (lx - p[1]);
                    double sig = s > 0 ? 1 / (1 + Math.exp(-s)) : Math.exp(s) / (1 + Math.exp(s));
                    double inv = 1 - sig;
                    if (g != null) {
                        g[0] = inv;
                        g[1] = p[0] * p[2] * sig * inv;
                        g[2] = -p[0] * sig * inv * (lx - p[1]);
                    }
                    return p[0] * inv;
                },
                data -> {
                    double[] r = data.range(0);
                    double lo = Math.log(Math.max(r[0], 1e-300));
                    double hi = Math.log(Math.max(r[1], r[0] * 2));
                    List<double[]> grid = Grids.product(3, new int[] {1, 2}, Grids.linear(lo - 2, hi, 6),
                            new double[] {0.1, 0.25, 0.5, 1, 2});
                    return VariableProjection.starts(shell, data, grid, new int[] {0}, (p, x, lx, phi) -> {
                        phi[0] = 1 / (1 + Math.exp(p[2] * (lx[0] - p[1])));
                        return 0;
                    }, 8);
                },
                2);
    }

    /** {@code mmf4: y = (a b + c x^d) / (b + x^d)} (Morgan-Mercer-Flodin); {@code b > 0}. */
    public static Law mmf4() {
        List<Parameter> ps = List.of(real("a", "value at x = 0"), Parameter.positive("b", "transition scale (in x^d)"),
                real("c", "limit"), Parameter.real("d", 0, Double.POSITIVE_INFINITY, "exponent"));
        FormulaLaw shell = shell("mmf4", ps);
        return new FormulaLaw("mmf4", "y = (a b + c x^d) / (b + x^d)", ps,
                (p, x, lx, g) -> {
                    double q = Math.exp(p[3] * lx);
                    double den = p[1] + q;
                    if (g != null) {
                        g[0] = p[1] / den;
                        g[1] = q * (p[0] - p[2]) / (den * den);
                        g[2] = q / den;
                        g[3] = q * lx * p[1] * (p[2] - p[0]) / (den * den);
                    }
                    return (p[0] * p[1] + p[2] * q) / den;
                },
                data -> {
                    double xs = Grids.typicalX(data, 0);
                    List<double[]> grid = new ArrayList<>();
                    for (double d : new double[] {0.25, 0.5, 1, 2}) {
                        for (double k : new double[] {0.01, 0.1, 1, 10}) {
                            grid.add(new double[] {0, k * Math.pow(xs, d), 0, d});
                        }
                    }
                    return VariableProjection.starts(shell, data, grid, new int[] {0, 2}, (p, x, lx, phi) -> {
                        double q = Math.exp(p[3] * lx[0]);
                        phi[0] = p[1] / (p[1] + q);
                        phi[1] = q / (p[1] + q);
                        return 0;
                    }, 8);
                },
                3);
    }

    /** {@code wbl4: y = c - b exp(-a x^d)} (Weibull). */
    public static Law wbl4() {
        List<Parameter> ps = List.of(real("a", "rate"), real("b", "amplitude"), real("c", "limit"),
                Parameter.real("d", 0, Double.POSITIVE_INFINITY, "shape"));
        FormulaLaw shell = shell("wbl4", ps);
        return new FormulaLaw("wbl4", "y = c - b exp(-a x^d)", ps,
                (p, x, lx, g) -> {
                    double q = Math.exp(p[3] * lx);
                    double e = Math.exp(-p[0] * q);
                    if (g != null) {
                        g[0] = p[1] * e * q;
                        g[1] = -e;
                        g[2] = 1;
                        g[3] = p[1] * e * p[0] * q * lx;
                    }
                    return p[2] - p[1] * e;
                },
                data -> VariableProjection.starts(shell, data, stretched(data, 4, 0, 3), new int[] {1, 2}, (p, x, lx, phi) -> {
                    phi[0] = -Math.exp(-p[0] * Math.exp(p[3] * lx[0]));
                    phi[1] = 1;
                    return 0;
                }, 8),
                -1);
    }

    /** {@code janoschek4: y = a - (a - b) exp(-c x^d)}. */
    public static Law janoschek4() {
        List<Parameter> ps = List.of(real("a", "limit"), real("b", "value at x = 0"), real("c", "rate"),
                Parameter.real("d", 0, Double.POSITIVE_INFINITY, "shape"));
        FormulaLaw shell = shell("janoschek4", ps);
        return new FormulaLaw("janoschek4", "y = a - (a - b) exp(-c x^d)", ps,
                (p, x, lx, g) -> {
                    double q = Math.exp(p[3] * lx);
                    double e = Math.exp(-p[2] * q);
                    if (g != null) {
                        g[0] = 1 - e;
                        g[1] = e;
                        g[2] = (p[0] - p[1]) * e * q;
                        g[3] = (p[0] - p[1]) * e * p[2] * q * lx;
                    }
                    return p[0] - (p[0] - p[1]) * e;
                },
                data -> VariableProjection.starts(shell, data, stretched(data, 4, 2, 3), new int[] {0, 1}, (p, x, lx, phi) -> {
                    double e = Math.exp(-p[2] * Math.exp(p[3] * lx[0]));
                    phi[0] = 1 - e;
                    phi[1] = e;
                    return 0;
                }, 8),
                -1);
    }

    /** A law with only the parameter list, for {@link VariableProjection} to read the parameter scales. */
    private static FormulaLaw shell(String name, List<Parameter> ps) {
        return new FormulaLaw(name, "", ps, (p, x, lx, g) -> Double.NaN, d -> List.of(), -1);
    }
}
