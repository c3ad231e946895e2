package org.repgap.diffusion;

import java.util.List;
import org.repgap.diffusion.nn.Parameter;

/**
 * A denoiser the {@link Trainer} can optimise: a float32 training forward pass that keeps what the
 * backward pass needs, a backward pass that sets the parameter gradients, and an optional hook after
 * each optimiser step (the dual update of {@link Equivariance#ACE}).
 */
public interface TrainableDenoiser extends Denoiser {

    /** {@code out = D(y; sigma)} for {@code batch} rows (float32), keeping activations for {@link #backward}. */
    void forward(float[] y, float[] sigma, int batch, float[] out);

    /** Sets the gradients of the Adam-optimised parameters from {@code dOut = dLoss/dD}. */
    void backward(float[] dOut, int batch);

    /** The parameters Adam optimises. */
    List<Parameter> parameters();

    /**
     * A replica sharing the parameter values, with its own gradients and work arrays, for data-parallel
     * training; {@code null} when the model does not support it (the default).
     */
    default TrainableDenoiser replica() {
        return null;
    }

    /** Called after each optimiser step (default: nothing). */
    default void afterStep() {
    }

    /**
     * The constraint state for the history: {@code {gamma_l}, {lambda_l}, {u_l}} per constraint {@code l}
     * (one {@code NaN} each when not applicable).
     */
    default double[][] constraintState() {
        return new double[][] {{Double.NaN}, {Double.NaN}, {Double.NaN}};
    }
}
