package org.repgap.diffusion;

import org.repgap.InvalidInputException;

/**
 * Training diverged: the loss, or the trained model's samples, stopped being finite. The settings (learning rate,
 * width, the sigma law) are too aggressive for the data. It is an {@link InvalidInputException} because the remedy
 * is the user's (a lower {@code --lr}), and the command line maps it to exit code 2 with its one-line message.
 */
public final class TrainingDivergedException extends InvalidInputException {
    private static final long serialVersionUID = 1L;

    /** @param what where it showed, e.g. {@code "loss NaN at step 2686 of 4000"} */
    public TrainingDivergedException(String what) {
        super("training diverged (" + what + "): use a lower --lr");
    }

    /** The loss at {@code step} of {@code steps} was not finite, with peak learning rate {@code lr}. */
    static TrainingDivergedException atStep(int step, int steps, double loss, double lr) {
        return new TrainingDivergedException(String.format(java.util.Locale.ROOT,
                "loss %s at step %d of %d with learning rate %s", loss, step, steps, lr));
    }
}
