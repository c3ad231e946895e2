package org.repgap.diffusion.nn;

import java.util.List;
import java.util.SplittableRandom;
import org.repgap.blas.OpenBlas;

/**
 * Fully connected layer {@code Y = X W^T + b} on a row-major batch {@code X} ({@code batch x in}),
 * with {@code W} stored {@code out x in} as in PyTorch. Initialisation is PyTorch's default
 * ({@code nn.Linear.reset_parameters}): weight and bias uniform on {@code [-1/sqrt(in), 1/sqrt(in)]}.
 *
 * <p>The three products (forward, weight gradient, input gradient) are float32 OpenBLAS GEMMs; the
 * bias gradient (a column sum over the batch) is accumulated in double.
 */
public final class Linear {
    private final int in;
    private final int out;
    private final Parameter weight;
    private final Parameter bias;

    private Linear(int in, int out, Parameter weight, Parameter bias) {
        this.in = in;
        this.out = out;
        this.weight = weight;
        this.bias = bias;
    }

    /** A layer initialised like PyTorch's {@code nn.Linear(in, out)}. */
    public static Linear init(String name, int in, int out, SplittableRandom rng) {
        Linear l = new Linear(in, out, Parameter.zeros(name + ".weight", in * out), Parameter.zeros(name + ".bias", out));
        double bound = 1.0 / Math.sqrt(in);
        float[] w = l.weight.value();
        for (int i = 0; i < w.length; i++) {
            w[i] = (float) ((2 * rng.nextDouble() - 1) * bound);
        }
        float[] b = l.bias.value();
        for (int i = 0; i < b.length; i++) {
            b[i] = (float) ((2 * rng.nextDouble() - 1) * bound);
        }
        return l;
    }

    /** A layer sharing this layer's parameter values (not its gradients): a data-parallel replica. */
    public Linear shareValues() {
        return new Linear(in, out, new Parameter(weight.name(), weight.value(), new float[weight.size()]),
                new Parameter(bias.name(), bias.value(), new float[bias.size()]));
    }

    /** Input width. */
    public int in() {
        return in;
    }

    /** Output width. */
    public int out() {
        return out;
    }

    /** Weight ({@code out x in}) and bias ({@code out}), in this order. */
    public List<Parameter> parameters() {
        return List.of(weight, bias);
    }

    /** {@code y = x W^T + b} for {@code batch} rows; {@code y} is overwritten. */
    public void forward(float[] x, int batch, float[] y) {
        float[] b = bias.value();
        for (int r = 0; r < batch; r++) {
            System.arraycopy(b, 0, y, r * out, out);
        }
        OpenBlas.gemm(false, true, batch, out, in, 1f, x, weight.value(), 1f, y);
    }

    /**
     * Sets the parameter gradients from the output gradient {@code dy} and the forward input {@code x};
     * writes the input gradient into {@code dx} unless it is {@code null}.
     */
    public void backward(float[] x, float[] dy, int batch, float[] dx) {
        OpenBlas.gemm(true, false, out, in, batch, 1f, dy, x, 0f, weight.grad());
        float[] db = bias.grad();
        double[] acc = new double[out];
        for (int r = 0; r < batch; r++) {
            int o = r * out;
            for (int j = 0; j < out; j++) {
                acc[j] += dy[o + j];
            }
        }
        for (int j = 0; j < out; j++) {
            db[j] = (float) acc[j];
        }
        if (dx != null) {
            OpenBlas.gemm(false, false, batch, in, out, 1f, dy, weight.value(), 0f, dx);
        }
    }
}
