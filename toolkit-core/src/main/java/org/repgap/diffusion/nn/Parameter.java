package org.repgap.diffusion.nn;

/**
 * A trainable float32 tensor with its gradient, both flat row-major arrays owned by a layer. The
 * arrays are mutable by design (the optimiser updates them in place); a parameter belongs to one
 * model and one training thread.
 *
 * @param name  a stable name used in checkpoints, e.g. {@code layer1.weight}
 * @param value the values
 * @param grad  the gradient of the loss, same length as {@code value}
 */
public record Parameter(String name, float[] value, float[] grad) {
    public Parameter {
        if (value.length != grad.length) {
            throw new IllegalArgumentException(name + ": value and gradient lengths differ");
        }
    }

    /** A zero-initialised parameter of the given size. */
    public static Parameter zeros(String name, int size) {
        return new Parameter(name, new float[size], new float[size]);
    }

    /** Number of scalars. */
    public int size() {
        return value.length;
    }
}
