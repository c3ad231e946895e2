package org.repgap.diffusion;

import java.util.List;
import java.util.Objects;
import org.repgap.InvalidInputException;
import org.repgap.group.GroupElement;
import org.repgap.group.SymmetryGroup;

/**
 * A network {@link MlpDenoiser} made equivariant by one of the input/output mechanisms of THEORY.md
 * section 7:
 * <ul>
 * <li>{@link Equivariance#NONE}: {@code D(y) = F(y)};</li>
 * <li>{@link Equivariance#CANONICAL}: {@code D(y) = g_y^-1 F(g_y y)}, {@code g_y = group.canonicalPose(y)};</li>
 * <li>{@link Equivariance#AVERAGE}: {@code D(y) = (1/|G|) sum_g g^-1 F(g y)} over {@code group.elements};</li>
 * <li>{@link Equivariance#LAYERS}: {@code D(y) = F(y)} with an equivariant network ({@link #layersArchitecture}).</li>
 * </ul>
 * Since every {@code g} is an isometry (orthogonal), the backward pass maps an output gradient
 * {@code r} to {@code g r} for the network output that was mapped by {@code g^-1}.
 *
 * <p>Training uses the float methods {@link #forward}/{@link #backward}; evaluation (metrics, sampler)
 * the double {@link #denoise}. Not thread-safe.
 */
public final class SymmetrizedDenoiser implements TrainableDenoiser {
    private final MlpDenoiser net;
    private final SymmetryGroup group;
    private final Equivariance mechanism;
    private final GroupElement[] elements;
    private final GroupElement[] inverses;
    private GroupElement[] poses = new GroupElement[0];
    private float[] bigY = new float[0];
    private float[] bigSigma = new float[0];
    private float[] bigOut = new float[0];

    private SymmetrizedDenoiser(MlpDenoiser net, SymmetryGroup group, Equivariance mechanism, List<GroupElement> elements) {
        this.net = net;
        this.group = group;
        this.mechanism = mechanism;
        this.elements = elements.toArray(new GroupElement[0]);
        this.inverses = new GroupElement[this.elements.length];
        for (int i = 0; i < inverses.length; i++) {
            inverses[i] = this.elements[i].inverse();
        }
    }

    /**
     * Wraps {@code net}.
     *
     * @param maxAverageOrder the largest group order allowed for {@link Equivariance#AVERAGE} (cost grows with it)
     * @throws InvalidInputException if the mechanism does not apply to the group
     */
    public static SymmetrizedDenoiser of(MlpDenoiser net, SymmetryGroup group, Equivariance mechanism, int maxAverageOrder) {
        Objects.requireNonNull(group, "group");
        int dim = net.dim();
        group.checkDimension(dim);
        List<GroupElement> els = List.of();
        switch (mechanism) {
            case NONE, CANONICAL -> { }
            case LAYERS -> {
                if (net.architecture().layers() == MlpDenoiser.Layers.MLP) {
                    throw new IllegalArgumentException("LAYERS needs a network built by SymmetrizedDenoiser.layersArchitecture");
                }
            }
            case AVERAGE -> {
                long order = group.order(dim);
                if (!group.isFinite() || order < 1 || order > maxAverageOrder) {
                    throw InvalidInputException.of("--equivariance average: group %s on R^%d has %s elements; averaging allows at most %d"
                            + " (use canonical for large or continuous groups)", group.spec(), dim,
                            group.isFinite() ? Long.toString(order) : "infinitely many", maxAverageOrder);
                }
                els = group.elements(dim, (int) order);
            }
            default -> throw InvalidInputException.of("--equivariance %s: not implemented in this version", mechanism.label());
        }
        return new SymmetrizedDenoiser(net, group, mechanism, els);
    }

    /** Whether {@link #layersArchitecture} has equivariant layers for {@code group}. */
    public static boolean hasLayers(SymmetryGroup group) {
        String spec = group.spec();
        return spec.equals("sign") || spec.equals("signs") || spec.equals("cyclic") || spec.matches("perm:\\d+");
    }

    /**
     * The architecture of the equivariant layers for {@code group}: the sign-equivariant block for
     * {@code sign} and {@code signs}, DeepSets layers for {@code perm:m} ({@code m} sites of {@code D/m}
     * coordinates), circular convolutions for {@code cyclic} ({@code D} sites, {@code width} channels).
     *
     * @throws InvalidInputException for other groups
     */
    public static MlpDenoiser.Architecture layersArchitecture(MlpDenoiser.Architecture plain, SymmetryGroup group) {
        String spec = group.spec();
        if (spec.equals("sign") || spec.equals("signs")) {
            return plain.withSignEquivariant(true);
        }
        if (spec.equals("cyclic")) {
            return plain.withLayers(MlpDenoiser.Layers.CIRCULAR, plain.dim());
        }
        if (spec.matches("perm:\\d+")) {
            group.checkDimension(plain.dim());
            return plain.withLayers(MlpDenoiser.Layers.DEEPSETS, Integer.parseInt(spec.substring(5)));
        }
        throw InvalidInputException.of("--equivariance layers: equivariant layers exist for the groups sign, signs (sign-equivariant"
                + " block), perm:m (DeepSets) and cyclic (circular convolutions); got %s (use canonical or average)", spec);
    }

    @Override
    public java.util.List<org.repgap.diffusion.nn.Parameter> parameters() {
        return net.parameters();
    }

    @Override
    public SymmetrizedDenoiser replica() {
        return new SymmetrizedDenoiser(net.replica(), group, mechanism, java.util.Arrays.asList(elements));
    }

    /** The wrapped network. */
    public MlpDenoiser network() {
        return net;
    }

    /** The group. */
    public SymmetryGroup group() {
        return group;
    }

    /** The mechanism. */
    public Equivariance mechanism() {
        return mechanism;
    }

    @Override
    public int dim() {
        return net.dim();
    }

    private static double[] rowAsDouble(float[] a, int r, int d) {
        double[] x = new double[d];
        for (int j = 0; j < d; j++) {
            x[j] = a[r * d + j];
        }
        return x;
    }

    private static void putRow(double[] x, float[] a, int r, int d) {
        for (int j = 0; j < d; j++) {
            a[r * d + j] = (float) x[j];
        }
    }

    private void ensure(int rows) {
        int d = net.dim();
        if (bigSigma.length < rows) {
            bigY = new float[rows * d];
            bigSigma = new float[rows];
            bigOut = new float[rows * d];
        }
    }

    /** Training forward pass in float32: {@code out = D(y; sigma)}, keeping what {@link #backward} needs. */
    @Override
    public void forward(float[] y, float[] sigma, int batch, float[] out) {
        int d = net.dim();
        switch (mechanism) {
            case NONE, LAYERS -> net.forward(y, sigma, batch, out);
            case CANONICAL -> {
                ensure(batch);
                if (poses.length < batch) {
                    poses = new GroupElement[batch];
                }
                for (int r = 0; r < batch; r++) {
                    double[] yr = rowAsDouble(y, r, d);
                    GroupElement g = group.canonicalPose(yr);
                    poses[r] = g;
                    putRow(g.apply(yr), bigY, r, d);
                }
                net.forward(bigY, sigma, batch, bigOut);
                for (int r = 0; r < batch; r++) {
                    putRow(poses[r].inverse().apply(rowAsDouble(bigOut, r, d)), out, r, d);
                }
            }
            case AVERAGE -> {
                int k = elements.length;
                ensure(k * batch);
                for (int r = 0; r < batch; r++) {
                    double[] yr = rowAsDouble(y, r, d);
                    for (int e = 0; e < k; e++) {
                        putRow(elements[e].apply(yr), bigY, e * batch + r, d);
                        bigSigma[e * batch + r] = sigma[r];
                    }
                }
                net.forward(bigY, bigSigma, k * batch, bigOut);
                double[] acc = new double[d];
                for (int r = 0; r < batch; r++) {
                    java.util.Arrays.fill(acc, 0);
                    for (int e = 0; e < k; e++) {
                        double[] back = inverses[e].apply(rowAsDouble(bigOut, e * batch + r, d));
                        for (int j = 0; j < d; j++) {
                            acc[j] += back[j];
                        }
                    }
                    for (int j = 0; j < d; j++) {
                        out[r * d + j] = (float) (acc[j] / k);
                    }
                }
            }
            default -> throw new IllegalStateException(mechanism.toString());
        }
    }

    /** Sets the network's parameter gradients from {@code dOut = dLoss/dD} after {@link #forward}. */
    @Override
    public void backward(float[] dOut, int batch) {
        int d = net.dim();
        switch (mechanism) {
            case NONE, LAYERS -> net.backward(dOut, batch);
            case CANONICAL -> {
                for (int r = 0; r < batch; r++) {
                    putRow(poses[r].apply(rowAsDouble(dOut, r, d)), bigOut, r, d);
                }
                net.backward(bigOut, batch);
            }
            case AVERAGE -> {
                int k = elements.length;
                for (int r = 0; r < batch; r++) {
                    double[] gr = rowAsDouble(dOut, r, d);
                    for (int j = 0; j < d; j++) {
                        gr[j] /= k;
                    }
                    for (int e = 0; e < k; e++) {
                        putRow(elements[e].apply(gr), bigOut, e * batch + r, d);
                    }
                }
                net.backward(bigOut, k * batch);
            }
            default -> throw new IllegalStateException(mechanism.toString());
        }
    }

    @Override
    public void denoise(double[] y, double[] sigma, int batch, double[] out) {
        int d = net.dim();
        switch (mechanism) {
            case NONE, LAYERS -> net.denoise(y, sigma, batch, out);
            case CANONICAL -> {
                double[] ty = new double[batch * d];
                GroupElement[] inv = new GroupElement[batch];
                for (int r = 0; r < batch; r++) {
                    double[] yr = java.util.Arrays.copyOfRange(y, r * d, (r + 1) * d);
                    GroupElement g = group.canonicalPose(yr);
                    inv[r] = g.inverse();
                    System.arraycopy(g.apply(yr), 0, ty, r * d, d);
                }
                double[] tout = new double[batch * d];
                net.denoise(ty, sigma, batch, tout);
                for (int r = 0; r < batch; r++) {
                    System.arraycopy(inv[r].apply(java.util.Arrays.copyOfRange(tout, r * d, (r + 1) * d)), 0, out, r * d, d);
                }
            }
            case AVERAGE -> {
                int k = elements.length;
                double[] ty = new double[batch * d];
                double[] tout = new double[batch * d];
                java.util.Arrays.fill(out, 0, batch * d, 0.0);
                for (int e = 0; e < k; e++) {
                    for (int r = 0; r < batch; r++) {
                        System.arraycopy(elements[e].apply(java.util.Arrays.copyOfRange(y, r * d, (r + 1) * d)), 0, ty, r * d, d);
                    }
                    net.denoise(ty, sigma, batch, tout);
                    for (int r = 0; r < batch; r++) {
                        double[] back = inverses[e].apply(java.util.Arrays.copyOfRange(tout, r * d, (r + 1) * d));
                        for (int j = 0; j < d; j++) {
                            out[r * d + j] += back[j] / k;
                        }
                    }
                }
            }
            default -> throw new IllegalStateException(mechanism.toString());
        }
    }
}
