package org.repgap.fit;

import java.util.Objects;
import org.repgap.InvalidInputException;

/**
 * How residuals are penalised. Residuals are {@code r_i = log y_i - log f(x_i)} in log space or
 * {@code r_i = y_i - f(x_i)} in linear space; the objective is the weighted <em>sum</em>
 * {@code sum_i w_i rho(r_i)} (not the mean: averaging shrinks the gradient by {@code 1/n} and makes
 * quasi-Newton methods stop early on their absolute tolerances).
 *
 * <ul>
 *   <li>{@link Kind#HUBER}: {@code rho(r) = r^2 / 2} for {@code |r| <= delta}, else
 *       {@code delta (|r| - delta / 2)} (Huber 1964, doi:10.1214/aoms/1177703732); this is
 *       {@code scipy.special.huber(delta, r)}.</li>
 *   <li>{@link Kind#L2}: {@code rho(r) = r^2 / 2}.</li>
 * </ul>
 *
 * @param kind  the penalty
 * @param space the space of the residuals
 * @param delta Huber threshold ({@code > 0}; ignored for L2)
 */
public record Loss(Kind kind, Space space, double delta) {

    /** The penalty. */
    public enum Kind { HUBER, L2 }

    /** The space of the residuals. */
    public enum Space { LOG, LINEAR }

    public Loss {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(space, "space");
        if (kind == Kind.HUBER && !(delta > 0 && Double.isFinite(delta))) {
            throw InvalidInputException.of("--delta %s: the Huber threshold must be a positive finite number", delta);
        }
    }

    /** Huber on log residuals with the given threshold (Besiroglu et al. 2024 use 1e-3). */
    public static Loss huberLog(double delta) {
        return new Loss(Kind.HUBER, Space.LOG, delta);
    }

    /** Least squares in the given space. */
    public static Loss leastSquares(Space space) {
        return new Loss(Kind.L2, space, Double.NaN);
    }

    /** {@code rho(r)}. */
    public double rho(double r) {
        if (kind == Kind.L2) {
            return 0.5 * r * r;
        }
        double a = Math.abs(r);
        return a <= delta ? 0.5 * r * r : delta * (a - 0.5 * delta);
    }

    /** {@code rho'(r)}. */
    public double psi(double r) {
        if (kind == Kind.L2) {
            return r;
        }
        return r > delta ? delta : (r < -delta ? -delta : r);
    }

    /**
     * The signed root {@code s(r) = sign(r) sqrt(2 rho(r))}, so that {@code sum s_i^2 / 2 = sum rho(r_i)}:
     * the loss as a least-squares problem, which lets Levenberg-Marquardt polish Huber fits too
     * (the Huber part of scipy's {@code least_squares(loss=...)} rescales residuals the same way).
     * {@code s(r) = r} for L2 and for Huber inside {@code [-delta, delta]}.
     */
    public double root(double r) {
        if (kind == Kind.L2 || Math.abs(r) <= delta) {
            return r;
        }
        return Math.signum(r) * Math.sqrt(2 * rho(r));
    }

    /** {@code s'(r) = psi(r) / s(r)} (1 where {@code s(r) = r}). */
    public double rootDerivative(double r) {
        if (kind == Kind.L2 || Math.abs(r) <= delta) {
            return 1;
        }
        return psi(r) / root(r);
    }

    @Override
    public String toString() {
        return kind == Kind.HUBER
                ? String.format(java.util.Locale.ROOT, "huber(delta=%s) on %s residuals", delta, space.name().toLowerCase(java.util.Locale.ROOT))
                : "least squares on " + space.name().toLowerCase(java.util.Locale.ROOT) + " residuals";
    }
}
