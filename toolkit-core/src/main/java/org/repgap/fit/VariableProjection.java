package org.repgap.fit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Variable projection for laws that are linear in some of their parameters,
 * {@code f(x) = sum_k beta_k phi_k(x; theta)}: for each value of the nonlinear parameters
 * {@code theta} the linear ones {@code beta} are solved exactly by weighted least squares on
 * relative residuals, {@code min sum_i w_i ((f_i - y_i) / y_i)^2} (which approximates the log-space
 * fit), with positivity where the parameter is on the log scale (active-set enumeration; at most
 * three linear parameters per law here). The multi-start grid then only spans {@code theta}.
 *
 * <p>Reference: Golub & Pereyra, "Separable nonlinear least squares: the variable projection
 * method and its applications", Inverse Problems 19 (2003) R1, doi:10.1088/0266-5611/19/2/201.
 */
public final class VariableProjection {
    private VariableProjection() {
    }

    /** The basis functions {@code phi_k(x; theta)} of a separable law {@code f = h + sum_k beta_k phi_k}. */
    @FunctionalInterface
    public interface Basis {
        /**
         * Writes {@code phi_k} for {@code k = 0..m-1} and returns the fixed part {@code h(x; theta)}
         * (0 for most laws); {@code p} holds the nonlinear values (linear ones are ignored).
         */
        double basis(double[] p, double[] x, double[] logx, double[] phi);
    }

    /**
     * Complete starts: for each nonlinear start (a full parameter vector whose linear entries are
     * ignored) solves the linear parameters, then keeps the {@code keep} best by the projected
     * objective. Starts whose projection fails (non-finite basis) are dropped.
     */
    public static List<double[]> starts(Law law, CurvePoints data, List<double[]> nonlinear, int[] linear, Basis basis,
                                        int keep) {
        int m = linear.length;
        boolean[] positive = new boolean[m];
        for (int k = 0; k < m; k++) {
            positive[k] = law.parameters().get(linear[k]).scale() == Parameter.Scale.LOG;
        }
        int n = data.size();
        double[][] phi = new double[n][m];
        double[] h = new double[n];
        double[] target = new double[n];
        double[] rw = new double[n];
        for (int i = 0; i < n; i++) {
            double y = data.y()[i];
            rw[i] = data.w()[i] / Math.max(y * y, 1e-300);
        }
        record Scored(double[] p, double score) {
        }
        List<Scored> scored = new ArrayList<>();
        for (double[] start : nonlinear) {
            double[] p = start.clone();
            boolean finite = true;
            for (int i = 0; i < n && finite; i++) {
                h[i] = basis.basis(p, data.x()[i], data.logx()[i], phi[i]);
                target[i] = data.y()[i] - h[i];
                finite &= Double.isFinite(h[i]);
                for (int k = 0; k < m; k++) {
                    finite &= Double.isFinite(phi[i][k]);
                }
            }
            if (!finite) {
                continue;
            }
            double[] beta = solve(phi, target, rw, positive);
            if (beta == null) {
                continue;
            }
            for (int k = 0; k < m; k++) {
                p[linear[k]] = beta[k];
            }
            double score = 0;
            for (int i = 0; i < n; i++) {
                double f = h[i];
                for (int k = 0; k < m; k++) {
                    f += beta[k] * phi[i][k];
                }
                score += rw[i] * (f - data.y()[i]) * (f - data.y()[i]);
            }
            if (Double.isFinite(score)) {
                scored.add(new Scored(p, score));
            }
        }
        scored.sort(Comparator.comparingDouble(Scored::score));
        return scored.stream().limit(keep).map(Scored::p).toList();
    }

    /**
     * Weighted least squares {@code min sum_i w_i (phi_i . beta - y_i)^2} with {@code beta_k > 0}
     * where {@code positive[k]}; a coefficient held at the boundary is returned as a tiny positive
     * value. Returns null when no subset of the columns gives a solution.
     */
    static double[] solve(double[][] phi, double[] y, double[] w, boolean[] positive) {
        int m = positive.length;
        double[] best = null;
        double bestScore = Double.POSITIVE_INFINITY;
        for (int mask = 0; mask < (1 << m); mask++) {
            boolean allowed = true;
            for (int k = 0; k < m; k++) {
                if ((mask & (1 << k)) != 0 && !positive[k]) {
                    allowed = false;
                }
            }
            if (!allowed) {
                continue;
            }
            int[] active = new int[m - Integer.bitCount(mask)];
            int a = 0;
            for (int k = 0; k < m; k++) {
                if ((mask & (1 << k)) == 0) {
                    active[a++] = k;
                }
            }
            double[] beta = new double[m];
            if (active.length > 0) {
                double[] sub = leastSquares(phi, y, w, active);
                if (sub == null) {
                    continue;
                }
                boolean feasible = true;
                for (int j = 0; j < active.length; j++) {
                    beta[active[j]] = sub[j];
                    feasible &= !positive[active[j]] || sub[j] > 0;
                }
                if (!feasible) {
                    continue;
                }
            }
            double score = 0;
            for (int i = 0; i < y.length; i++) {
                double f = 0;
                for (int k = 0; k < m; k++) {
                    f += beta[k] * phi[i][k];
                }
                score += w[i] * (f - y[i]) * (f - y[i]);
            }
            if (score < bestScore) {
                bestScore = score;
                best = beta;
            }
        }
        if (best != null) {
            double yScale = Arrays.stream(y).map(Math::abs).max().orElse(1);
            for (int k = 0; k < m; k++) {
                if (positive[k] && best[k] <= 0) {
                    double colScale = 0;
                    for (double[] row : phi) {
                        colScale = Math.max(colScale, Math.abs(row[k]));
                    }
                    best[k] = 1e-6 * yScale / Math.max(colScale, 1e-300);
                }
            }
        }
        return best;
    }

    /** Weighted least squares on the given columns by column-scaled normal equations (Cholesky). */
    private static double[] leastSquares(double[][] phi, double[] y, double[] w, int[] cols) {
        int m = cols.length;
        double[] scale = new double[m];
        for (int j = 0; j < m; j++) {
            double s = 0;
            for (int i = 0; i < y.length; i++) {
                s += w[i] * phi[i][cols[j]] * phi[i][cols[j]];
            }
            scale[j] = s > 0 ? 1 / Math.sqrt(s) : 0;
            if (scale[j] == 0 || !Double.isFinite(scale[j])) {
                return null;
            }
        }
        double[][] g = new double[m][m];
        double[] r = new double[m];
        for (int i = 0; i < y.length; i++) {
            for (int a = 0; a < m; a++) {
                double pa = phi[i][cols[a]] * scale[a] * w[i];
                r[a] += pa * y[i];
                for (int b = 0; b <= a; b++) {
                    g[a][b] += pa * phi[i][cols[b]] * scale[b];
                }
            }
        }
        for (int a = 0; a < m; a++) {
            g[a][a] += 1e-12;
            for (int b = 0; b < a; b++) {
                g[b][a] = g[a][b];
            }
        }
        double[] z = Cholesky.solve(g, r);
        if (z == null) {
            return null;
        }
        for (int j = 0; j < m; j++) {
            z[j] *= scale[j];
        }
        return z;
    }
}
