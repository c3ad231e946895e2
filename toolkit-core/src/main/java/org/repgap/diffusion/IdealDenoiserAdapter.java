package org.repgap.diffusion;

import java.util.List;
import org.repgap.InvalidInputException;
import org.repgap.data.PointCloud;
import org.repgap.gap.IdealDenoiser;
import org.repgap.group.SymmetryGroup;

/**
 * The empirical optimal {@code G}-equivariant denoiser (THEORY.md section 2) as a trainer
 * {@link Denoiser}: a batch adapter over the reference implementation
 * {@link IdealDenoiser}, with a cap on the size of the orbit-augmented training set,
 * since the trainer evaluates it on every point of its sigma grid.
 */
public final class IdealDenoiserAdapter implements Denoiser {
    private final IdealDenoiser ideal;

    private IdealDenoiserAdapter(IdealDenoiser ideal) {
        this.ideal = ideal;
    }

    /**
     * The ideal {@code G}-equivariant denoiser of {@code train}.
     *
     * @param resolution quadrature size for continuous groups
     * @param maxPoints  largest orbit-augmented set allowed (memory and time grow with it)
     * @throws InvalidInputException if the augmented set would exceed {@code maxPoints} or the group has no element list
     */
    public static IdealDenoiserAdapter of(PointCloud train, SymmetryGroup group, int resolution, int maxPoints) {
        int d = train.dim();
        long elements;
        try {
            List<?> els = group.isFinite() && (group.order(d) < 0 || group.order(d) * train.n() > maxPoints)
                    ? null : group.elements(d, resolution);
            elements = els == null ? group.order(d) : els.size();
        } catch (UnsupportedOperationException e) {
            throw InvalidInputException.of("ideal denoiser: group %s has no element list (%s)", group.spec(), e.getMessage());
        }
        if (elements < 0 || elements * train.n() > maxPoints) {
            throw InvalidInputException.of("ideal denoiser: group %s gives %d orbit points on R^%d, above the limit %d",
                    group.spec(), elements < 0 ? -1 : elements * train.n(), d, maxPoints);
        }
        return new IdealDenoiserAdapter(IdealDenoiser.of(train, group, resolution));
    }

    /** Number of orbit points {@code |G| n}. */
    public int orbitPoints() {
        return ideal.orbitPoints();
    }

    @Override
    public int dim() {
        return ideal.dim();
    }

    @Override
    public void denoise(double[] y, double[] sigma, int batch, double[] out) {
        int dim = ideal.dim();
        double[] row = new double[dim];
        for (int r = 0; r < batch; r++) {
            System.arraycopy(y, r * dim, row, 0, dim);
            System.arraycopy(ideal.denoise(row, sigma[r]), 0, out, r * dim, dim);
        }
    }
}
