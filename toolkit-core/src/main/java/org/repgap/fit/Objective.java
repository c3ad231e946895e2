package org.repgap.fit;

import java.util.List;

/**
 * The fitting objective of a law on points, as a function of the free parameters in optimiser
 * coordinates ({@link Parameter#toInternal}): value, gradient (analytic, by the chain rule through
 * the law's Jacobian) and, for least squares, the residual vector and its Jacobian.
 * Not thread-safe (holds scratch arrays): one instance per thread.
 */
public final class Objective implements Lbfgs.Function {
    private final Law law;
    private final CurvePoints data;
    private final Loss loss;
    private final List<Parameter> params;
    private final int[] free;
    private final double[] base;
    private final double[] theta;
    private final double[] grad;
    private final double[] acc;

    /**
     * @param fixed natural values of fixed parameters (NaN where free), or null when all are free
     */
    public Objective(Law law, CurvePoints data, Loss loss, double[] fixed) {
        this.law = law;
        this.data = data;
        this.loss = loss;
        this.params = law.parameters();
        int m = params.size();
        this.base = new double[m];
        int count = 0;
        for (int k = 0; k < m; k++) {
            if (fixed == null || Double.isNaN(fixed[k])) {
                count++;
            } else {
                base[k] = fixed[k];
            }
        }
        this.free = new int[count];
        int j = 0;
        for (int k = 0; k < m; k++) {
            if (fixed == null || Double.isNaN(fixed[k])) {
                free[j++] = k;
            }
        }
        this.theta = new double[m];
        this.grad = new double[m];
        this.acc = new double[m];
    }

    /** Number of free parameters. */
    public int dimension() {
        return free.length;
    }

    /** Optimiser coordinates of the free entries of a natural parameter vector. */
    public double[] toInternal(double[] natural) {
        double[] u = new double[free.length];
        for (int j = 0; j < free.length; j++) {
            u[j] = params.get(free[j]).toInternal(natural[free[j]]);
        }
        return u;
    }

    /** The natural parameter vector (fixed entries included) for optimiser coordinates {@code u}. */
    public double[] toNatural(double[] u) {
        double[] p = base.clone();
        for (int j = 0; j < free.length; j++) {
            p[free[j]] = params.get(free[j]).toNatural(u[j]);
        }
        return p;
    }

    private void fillTheta(double[] u) {
        System.arraycopy(base, 0, theta, 0, base.length);
        for (int j = 0; j < free.length; j++) {
            theta[free[j]] = params.get(free[j]).toNatural(u[j]);
        }
    }

    /** Residual of point {@code i} given {@code f}; NaN when the law is undefined there. */
    private double residual(int i, double f) {
        if (loss.space() == Loss.Space.LOG) {
            return f > 0 ? data.logy()[i] - Math.log(f) : Double.NaN;
        }
        return data.y()[i] - f;
    }

    @Override
    public double valueAndGradient(double[] u, double[] g) {
        fillTheta(u);
        boolean wantGrad = g != null;
        if (wantGrad) {
            java.util.Arrays.fill(acc, 0);
        }
        double total = 0;
        boolean log = loss.space() == Loss.Space.LOG;
        int n = data.size();
        double[][] x = data.x();
        double[][] lx = data.logx();
        double[] w = data.w();
        int m = theta.length;
        for (int i = 0; i < n; i++) {
            double f = law.evaluate(theta, x[i], lx[i], wantGrad ? grad : null);
            double r = residual(i, f);
            if (!Double.isFinite(r)) {
                return Double.POSITIVE_INFINITY;
            }
            total += w[i] * loss.rho(r);
            if (wantGrad) {
                double s = -w[i] * loss.psi(r) * (log ? 1 / f : 1);
                for (int k = 0; k < m; k++) {
                    acc[k] += s * grad[k];
                }
            }
        }
        if (wantGrad) {
            for (int j = 0; j < free.length; j++) {
                int k = free[j];
                g[j] = params.get(k).scale() == Parameter.Scale.LOG ? acc[k] * theta[k] : acc[k];
            }
        }
        return total;
    }

    /**
     * Weighted residuals {@code sqrt(w_i) s(r_i)} ({@link Loss#root}: {@code r_i} itself for least
     * squares) and their Jacobian with respect to the optimiser coordinates, so that half their sum of
     * squares is the objective. Returns false when the law is undefined at some point.
     */
    public boolean residuals(double[] u, double[] r, double[][] jac) {
        fillTheta(u);
        boolean log = loss.space() == Loss.Space.LOG;
        for (int i = 0; i < data.size(); i++) {
            double f = law.evaluate(theta, data.x()[i], data.logx()[i], jac == null ? null : grad);
            double ri = residual(i, f);
            if (!Double.isFinite(ri)) {
                return false;
            }
            double sw = Math.sqrt(data.w()[i]);
            r[i] = sw * loss.root(ri);
            if (jac != null) {
                double s = -sw * loss.rootDerivative(ri) * (log ? 1 / f : 1);
                for (int j = 0; j < free.length; j++) {
                    int k = free[j];
                    jac[i][j] = s * grad[k] * (params.get(k).scale() == Parameter.Scale.LOG ? theta[k] : 1);
                }
            }
        }
        return true;
    }

    /** Sum of squared weighted residuals in the loss's space at natural parameters {@code p} (NaN if undefined). */
    public double residualSumOfSquares(double[] p) {
        double rss = 0;
        for (int i = 0; i < data.size(); i++) {
            double r = residual(i, law.evaluate(p, data.x()[i], data.logx()[i], null));
            rss += data.w()[i] * r * r;
        }
        return rss;
    }
}
