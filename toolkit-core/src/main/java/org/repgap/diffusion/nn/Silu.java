package org.repgap.diffusion.nn;

/**
 * The SiLU activation {@code silu(z) = z sigmoid(z)} (Elfwing et al. 2018; PyTorch {@code nn.SiLU}),
 * element-wise on float arrays, with derivative
 * {@code silu'(z) = s (1 + z (1 - s))}, {@code s = sigmoid(z)}. The forward pass keeps {@code s} so the
 * backward pass needs no second exponential.
 */
public final class Silu {
    private Silu() {
    }

    /** {@code h[i] = z[i] s[i]} with {@code s[i] = sigmoid(z[i])} stored, for {@code i < len}. */
    public static void forward(float[] z, float[] s, float[] h, int len) {
        for (int i = 0; i < len; i++) {
            float zi = z[i];
            float si = (float) (1.0 / (1.0 + Math.exp(-zi)));
            s[i] = si;
            h[i] = zi * si;
        }
    }

    /** {@code dz[i] = dh[i] silu'(z[i])} (in place allowed: {@code dz == dh}). */
    public static void backward(float[] z, float[] s, float[] dh, float[] dz, int len) {
        for (int i = 0; i < len; i++) {
            float si = s[i];
            dz[i] = dh[i] * (si * (1f + z[i] * (1f - si)));
        }
    }
}
