package org.repgap.gap;

import java.util.List;
import java.util.Objects;
import org.repgap.InvalidInputException;
import org.repgap.data.PointCloud;
import org.repgap.group.GroupElement;
import org.repgap.group.SymmetryGroup;

/**
 * The ideal (memorising) equivariant denoiser of THEORY.md section 2, the minimiser of the
 * denoising score-matching loss over {@code G}-equivariant functions on a finite training set:
 * <pre>
 *   D_n^G(y, sigma) = sum_{i, g} w_{i,g}(y) g x_i,
 *   w_{i,g}(y) = softmax_{i,g}( -|y - g x_i|^2 / (2 sigma^2) ),
 * </pre>
 * the empirical optimal denoiser of the orbit-augmented set {@code G X_n}. For a finite group
 * the sum runs over all {@code |G|} elements (exact); for a compact continuous group (so2, so3)
 * the Haar integral is replaced by the equal-weight quadrature grid
 * {@link SymmetryGroup#elements(int, int)} of about {@code resolution} elements, exact in the limit
 * of fine grids (for so2 with {@code R} equally spaced angles the error in the squared distance to an
 * orbit is at most about {@code (pi |x| / R)^2}). The softmax is evaluated stably: the largest
 * exponent is subtracted before {@code exp} (log-sum-exp), so any {@code sigma > 0} works and
 * {@code sigma -> 0} returns the nearest orbit point.
 *
 * <p>Reference: Kamb & Ganguli, "An analytic theory of creativity in convolutional diffusion
 * models", 2024, arXiv:2412.20292; Karras et al., NeurIPS 2022 (EDM), arXiv:2206.00364.
 * Immutable and thread-safe.
 */
public final class IdealDenoiser {
    private final double[] orbit;
    private final int count;
    private final int dim;
    private final String group;

    private IdealDenoiser(double[] orbit, int count, int dim, String group) {
        this.orbit = orbit;
        this.count = count;
        this.dim = dim;
        this.group = group;
    }

    /**
     * Builds the denoiser of a training set under a group.
     *
     * @param resolution quadrature size for continuous groups (ignored by finite ones), at least 1
     * @throws InvalidInputException if the group cannot act on the data or has no finite quadrature (translations)
     */
    public static IdealDenoiser of(PointCloud train, SymmetryGroup group, int resolution) {
        Objects.requireNonNull(group, "group");
        if (train.n() < 1) {
            throw InvalidInputException.of("%s: the ideal denoiser needs at least one training point", train.source());
        }
        if (resolution < 1) {
            throw InvalidInputException.of("--resolution %d: the quadrature needs at least one group element", resolution);
        }
        group.checkDimension(train.dim());
        List<GroupElement> elements;
        try {
            elements = group.elements(train.dim(), resolution);
        } catch (UnsupportedOperationException e) {
            throw InvalidInputException.of("group %s has no finite set of elements or quadrature (non-compact): "
                    + "the ideal denoiser needs a finite or compact group", group.spec());
        }
        int dim = train.dim();
        int count = Math.multiplyExact(train.n(), elements.size());
        double[] orbit = new double[Math.multiplyExact(count, dim)];
        double[] row = new double[dim];
        int p = 0;
        for (int i = 0; i < train.n(); i++) {
            train.rowInto(i, row);
            for (GroupElement g : elements) {
                System.arraycopy(g.apply(row), 0, orbit, p, dim);
                p += dim;
            }
        }
        return new IdealDenoiser(orbit, count, dim, group.spec());
    }

    /** Number of orbit points {@code n |G|} (or {@code n} times the quadrature size). */
    public int orbitPoints() {
        return count;
    }

    /** Dimension of the vectors. */
    public int dim() {
        return dim;
    }

    /** Spec of the group. */
    public String group() {
        return group;
    }

    /**
     * {@code D_n^G(y, sigma)} as a new array.
     *
     * @throws InvalidInputException if {@code y} has the wrong length or {@code sigma} is not finite and positive
     */
    public double[] denoise(double[] y, double sigma) {
        if (y.length != dim) {
            throw InvalidInputException.of("denoiser input has %d coordinates, expected %d", y.length, dim);
        }
        if (!(sigma > 0 && Double.isFinite(sigma))) {
            throw InvalidInputException.of("sigma %s must be finite and positive", sigma);
        }
        double[] d2 = new double[count];
        double min = Double.POSITIVE_INFINITY;
        for (int j = 0; j < count; j++) {
            double s = 0;
            int o = j * dim;
            for (int c = 0; c < dim; c++) {
                double t = y[c] - orbit[o + c];
                s += t * t;
            }
            d2[j] = s;
            if (s < min) {
                min = s;
            }
        }
        double scale = 1 / (2 * sigma * sigma);
        double[] out = new double[dim];
        double total = 0;
        for (int j = 0; j < count; j++) {
            // exponent relative to the largest one: w in [0, 1], the nearest point has w = 1 even when
            // sigma^2 underflows (scale infinite), where 0 * infinity would be NaN
            double w = d2[j] == min ? 1 : Math.exp(-(d2[j] - min) * scale);
            if (w == 0) {
                continue;
            }
            total += w;
            int o = j * dim;
            for (int c = 0; c < dim; c++) {
                out[c] += w * orbit[o + c];
            }
        }
        for (int c = 0; c < dim; c++) {
            out[c] /= total;
        }
        return out;
    }
}
