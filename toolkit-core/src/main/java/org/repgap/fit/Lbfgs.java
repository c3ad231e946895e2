package org.repgap.fit;

/**
 * Limited-memory BFGS with a strong-Wolfe line search (Nocedal & Wright, Numerical Optimization,
 * 2nd ed., 2006, algorithms 7.4, 3.5 and 3.6; doi:10.1007/978-0-387-40065-5). Unconstrained:
 * positivity is handled by optimising logarithms (see {@link Parameter.Scale#LOG}).
 *
 * <p>Stops when {@code max_k |g_k| <= gradientTolerance}, or when an iteration lowers the objective
 * by less than {@code relativeTolerance * max(|f_k|, |f_{k+1}|)} (both count as converged), or after
 * {@code maxIterations} (not converged). When the line search cannot lower the objective any more
 * the result is converged only if the last iterations had already stalled at rounding level.
 * A non-finite objective value is treated as {@code +inf} (the line search backs off).
 */
public final class Lbfgs {

    /** A smooth function with its gradient. */
    @FunctionalInterface
    public interface Function {
        /** Returns {@code f(x)} and writes the gradient into {@code g} (when not null). */
        double valueAndGradient(double[] x, double[] g);
    }

    /**
     * @param maxIterations     iteration cap
     * @param gradientTolerance absolute tolerance on the largest gradient component
     * @param relativeTolerance relative decrease below which the run stops
     * @param memory            number of correction pairs kept
     */
    public record Options(int maxIterations, double gradientTolerance, double relativeTolerance, int memory) {
        public Options {
            if (maxIterations < 1 || !(gradientTolerance >= 0) || !(relativeTolerance >= 0) || memory < 1) {
                throw new IllegalArgumentException("invalid L-BFGS options " + maxIterations + ", " + gradientTolerance
                        + ", " + relativeTolerance + ", " + memory);
            }
        }

        /** Defaults: 1000 iterations, gradient 1e-9, relative decrease 1e-12, memory 10. */
        public static Options defaults() {
            return new Options(1000, 1e-9, 1e-12, 10);
        }
    }

    /**
     * @param x           the final point
     * @param value       the objective there
     * @param iterations  iterations done
     * @param evaluations function evaluations
     * @param converged   whether a convergence criterion was met
     * @param message     why it stopped
     */
    public record Result(double[] x, double value, int iterations, int evaluations, boolean converged, String message) {
    }

    private Lbfgs() {
    }

    /** Minimises {@code f} from {@code x0}. */
    public static Result minimize(Function f, double[] x0, Options o) {
        int n = x0.length;
        int m = o.memory();
        double[] x = x0.clone();
        double[] g = new double[n];
        int[] evals = {0};
        double fx = f.valueAndGradient(x, g);
        evals[0]++;
        if (!Double.isFinite(fx) || !allFinite(g)) {
            return new Result(x, fx, 0, evals[0], false, "objective not finite at the start");
        }
        double[][] s = new double[m][n];
        double[][] y = new double[m][n];
        double[] rho = new double[m];
        double[] alphaBuf = new double[m];
        int stored = 0;
        int head = 0;
        double[] d = new double[n];
        double[] xNew = new double[n];
        double[] gNew = new double[n];
        int stalled = 0;
        double[] fOut = new double[1];
        for (int it = 0; it < o.maxIterations(); it++) {
            if (maxAbs(g) <= o.gradientTolerance()) {
                return new Result(x, fx, it, evals[0], true, "gradient below tolerance");
            }
            // two-loop recursion: d = -H g
            System.arraycopy(g, 0, d, 0, n);
            for (int j = 0; j < stored; j++) {
                int idx = Math.floorMod(head - 1 - j, m);
                alphaBuf[idx] = rho[idx] * dot(s[idx], d);
                axpy(-alphaBuf[idx], y[idx], d);
            }
            double gamma = 1;
            if (stored > 0) {
                int last = Math.floorMod(head - 1, m);
                gamma = dot(s[last], y[last]) / dot(y[last], y[last]);
            } else {
                gamma = 1 / Math.max(Math.sqrt(dot(g, g)), 1e-300);
            }
            scale(gamma, d);
            for (int j = stored - 1; j >= 0; j--) {
                int idx = Math.floorMod(head - 1 - j, m);
                double beta = rho[idx] * dot(y[idx], d);
                axpy(alphaBuf[idx] - beta, s[idx], d);
            }
            scale(-1, d);
            double dg = dot(d, g);
            if (!(dg < 0)) {
                // not a descent direction (rounding): restart from steepest descent
                stored = 0;
                for (int k = 0; k < n; k++) {
                    d[k] = -g[k];
                }
                dg = dot(d, g);
                scale(1 / Math.max(Math.sqrt(-dg), 1e-300), d);
                dg = dot(d, g);
            }
            double step = lineSearch(f, x, fx, g, d, dg, xNew, gNew, evals, fOut);
            if (!(step > 0)) {
                boolean ok = stalled > 0 || maxAbs(g) <= 1e3 * o.gradientTolerance();
                return new Result(x, fx, it, evals[0], ok,
                        ok ? "no further decrease at rounding level" : "line search failed");
            }
            double fNew = fOut[0];
            for (int k = 0; k < n; k++) {
                s[head][k] = xNew[k] - x[k];
                y[head][k] = gNew[k] - g[k];
            }
            double sy = dot(s[head], y[head]);
            if (sy > 1e-300) {
                rho[head] = 1 / sy;
                head = (head + 1) % m;
                stored = Math.min(stored + 1, m);
            }
            double decrease = fx - fNew;
            System.arraycopy(xNew, 0, x, 0, n);
            System.arraycopy(gNew, 0, g, 0, n);
            double previous = fx;
            fx = fNew;
            if (decrease <= o.relativeTolerance() * Math.max(Math.abs(previous), Math.abs(fNew))) {
                stalled++;
                if (stalled >= 2 || decrease <= 0) {
                    return new Result(x, fx, it + 1, evals[0], true, "relative decrease below tolerance");
                }
            } else {
                stalled = 0;
            }
        }
        return new Result(x, fx, o.maxIterations(), evals[0], false, "iteration limit reached");
    }

    private static double lineSearch(Function f, double[] x, double fx, double[] g, double[] d, double dg,
                                     double[] xNew, double[] gNew, int[] evals, double[] fOut) {
        final double c1 = 1e-4;
        final double c2 = 0.9;
        double aPrev = 0;
        double fPrev = fx;
        double dgPrev = dg;
        double a = 1;
        for (int i = 0; i < 30; i++) {
            double fa = eval(f, x, d, a, xNew, gNew, evals);
            double dga = Double.isFinite(fa) ? dot(gNew, d) : Double.NaN;
            if (!Double.isFinite(fa) || fa > fx + c1 * a * dg || (i > 0 && fa >= fPrev)) {
                return zoom(f, x, fx, dg, d, aPrev, fPrev, dgPrev, a, fa, dga, xNew, gNew, evals, fOut);
            }
            if (Math.abs(dga) <= -c2 * dg) {
                fOut[0] = fa;
                return a;
            }
            if (dga >= 0) {
                return zoom(f, x, fx, dg, d, a, fa, dga, aPrev, fPrev, dgPrev, xNew, gNew, evals, fOut);
            }
            aPrev = a;
            fPrev = fa;
            dgPrev = dga;
            a *= 2;
        }
        return 0;
    }

    private static double zoom(Function f, double[] x, double fx, double dg, double[] d,
                               double lo, double fLo, double dgLo, double hi, double fHi, double dgHi,
                               double[] xNew, double[] gNew, int[] evals, double[] fOut) {
        final double c1 = 1e-4;
        final double c2 = 0.9;
        double bestA = 0;
        double bestF = fx;
        for (int i = 0; i < 40; i++) {
            double a = interpolate(lo, fLo, dgLo, hi, fHi, dgHi);
            double fa = eval(f, x, d, a, xNew, gNew, evals);
            if (!Double.isFinite(fa) || fa > fx + c1 * a * dg || fa >= fLo) {
                hi = a;
                fHi = fa;
                dgHi = Double.isFinite(fa) ? dot(gNew, d) : Double.NaN;
            } else {
                double dga = dot(gNew, d);
                if (fa < bestF) {
                    bestF = fa;
                    bestA = a;
                }
                if (Math.abs(dga) <= -c2 * dg) {
                    fOut[0] = fa;
                    return a;
                }
                if (dga * (hi - lo) >= 0) {
                    hi = lo;
                    fHi = fLo;
                    dgHi = dgLo;
                }
                lo = a;
                fLo = fa;
                dgLo = dga;
            }
            if (Math.abs(hi - lo) <= 1e-16 * Math.max(Math.abs(lo), 1e-300)) {
                break;
            }
        }
        if (bestA > 0 && bestF < fx) {
            // accept the best sufficient-decrease point found (curvature condition not reached)
            fOut[0] = eval(f, x, d, bestA, xNew, gNew, evals);
            return bestA;
        }
        return 0;
    }

    /** Minimiser of the cubic through both ends, safeguarded into the middle 80 % of the bracket. */
    private static double interpolate(double a0, double f0, double d0, double a1, double f1, double d1) {
        double lo = Math.min(a0, a1);
        double hi = Math.max(a0, a1);
        double t = Double.NaN;
        if (Double.isFinite(f1) && Double.isFinite(d1)) {
            double e1 = d0 + d1 - 3 * (f0 - f1) / (a0 - a1);
            double disc = e1 * e1 - d0 * d1;
            if (disc >= 0) {
                double e2 = Math.signum(a1 - a0) * Math.sqrt(disc);
                t = a1 - (a1 - a0) * (d1 + e2 - e1) / (d1 - d0 + 2 * e2);
            }
        }
        double margin = 0.1 * (hi - lo);
        if (!(t >= lo + margin && t <= hi - margin)) {
            t = Double.isFinite(f1) ? 0.5 * (lo + hi) : a0 + 0.2 * (a1 - a0);
        }
        return t;
    }

    private static double eval(Function f, double[] x, double[] d, double a, double[] xNew, double[] gNew, int[] evals) {
        for (int k = 0; k < x.length; k++) {
            xNew[k] = x[k] + a * d[k];
        }
        evals[0]++;
        double v = f.valueAndGradient(xNew, gNew);
        return Double.isNaN(v) ? Double.POSITIVE_INFINITY : v;
    }

    private static boolean allFinite(double[] v) {
        for (double e : v) {
            if (!Double.isFinite(e)) {
                return false;
            }
        }
        return true;
    }

    static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    private static void axpy(double a, double[] x, double[] y) {
        for (int i = 0; i < x.length; i++) {
            y[i] += a * x[i];
        }
    }

    private static void scale(double a, double[] x) {
        for (int i = 0; i < x.length; i++) {
            x[i] *= a;
        }
    }

    private static double maxAbs(double[] v) {
        double m = 0;
        for (double e : v) {
            m = Math.max(m, Math.abs(e));
        }
        return m;
    }
}
