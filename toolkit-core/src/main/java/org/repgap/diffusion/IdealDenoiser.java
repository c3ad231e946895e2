package org.repgap.diffusion;

import java.util.List;
import org.repgap.InvalidInputException;
import org.repgap.data.PointCloud;
import org.repgap.group.GroupElement;
import org.repgap.group.SymmetryGroup;

/**
 * The empirical optimal denoiser of THEORY.md section 2 for the orbit-augmented training set
 * {@code G X_n}: {@code D_n(y, sigma) = sum_a w_a(y) a}, {@code w_a = softmax_a(-|y - a|^2 / (2 sigma^2))}
 * over {@code a = g x_i}, all {@code i} and all elements {@code g} (a quadrature grid of
 * {@code resolution} elements for a compact continuous group). The softmax uses the log-sum-exp shift,
 * so small {@code sigma} selects the nearest orbit point without underflow.
 *
 * <p>A minimal version kept in the trainer for its metrics; the {@code gap} package's ideal denoiser
 * is the reference implementation (to be deduplicated by the coordinator).
 */
public final class IdealDenoiser implements Denoiser {
    private final int dim;
    private final int count;
    private final double[] points;

    private IdealDenoiser(int dim, int count, double[] points) {
        this.dim = dim;
        this.count = count;
        this.points = points;
    }

    /**
     * The ideal {@code G}-equivariant denoiser of {@code train}.
     *
     * @param resolution quadrature size for continuous groups
     * @param maxPoints  largest orbit-augmented set allowed (memory and time grow with it)
     * @throws InvalidInputException if the augmented set would exceed {@code maxPoints} or the group has no element list
     */
    public static IdealDenoiser of(PointCloud train, SymmetryGroup group, int resolution, int maxPoints) {
        int d = train.dim();
        List<GroupElement> els;
        try {
            long order = group.order(d);
            if (group.isFinite() && (order < 0 || order * train.n() > maxPoints)) {
                throw InvalidInputException.of("ideal denoiser: group %s has %d elements on R^%d; %d orbit points exceed the limit %d",
                        group.spec(), order, d, order * train.n(), maxPoints);
            }
            els = group.elements(d, resolution);
        } catch (UnsupportedOperationException e) {
            throw InvalidInputException.of("ideal denoiser: group %s has no element list (%s)", group.spec(), e.getMessage());
        }
        long total = (long) els.size() * train.n();
        if (total > maxPoints) {
            throw InvalidInputException.of("ideal denoiser: %d orbit points exceed the limit %d", total, maxPoints);
        }
        double[] pts = new double[(int) total * d];
        int a = 0;
        for (GroupElement g : els) {
            for (int i = 0; i < train.n(); i++, a++) {
                System.arraycopy(g.apply(train.row(i)), 0, pts, a * d, d);
            }
        }
        return new IdealDenoiser(d, (int) total, pts);
    }

    /** Number of orbit points {@code |G| n}. */
    public int orbitPoints() {
        return count;
    }

    @Override
    public int dim() {
        return dim;
    }

    @Override
    public void denoise(double[] y, double[] sigma, int batch, double[] out) {
        double[] logits = new double[count];
        for (int r = 0; r < batch; r++) {
            int yo = r * dim;
            double inv = -0.5 / (sigma[r] * sigma[r]);
            double max = Double.NEGATIVE_INFINITY;
            for (int a = 0; a < count; a++) {
                double s = 0;
                for (int j = 0, po = a * dim; j < dim; j++) {
                    double t = y[yo + j] - points[po + j];
                    s += t * t;
                }
                logits[a] = s * inv;
                max = Math.max(max, logits[a]);
            }
            double z = 0;
            java.util.Arrays.fill(out, yo, yo + dim, 0.0);
            for (int a = 0; a < count; a++) {
                double w = Math.exp(logits[a] - max);
                z += w;
                for (int j = 0, po = a * dim; j < dim; j++) {
                    out[yo + j] += w * points[po + j];
                }
            }
            for (int j = 0; j < dim; j++) {
                out[yo + j] /= z;
            }
        }
    }
}
