package org.repgap.diffusion.tasks;

import java.util.SplittableRandom;
import org.repgap.data.PointCloud;

/**
 * A data distribution with a known symmetry, for learning-curve experiments: a {@code k}-dimensional
 * family of shapes (a smooth image of {@code [-1, 1]^k}) moved by a random element of the group.
 * The shape family is fixed by the task spec (its structural seed is constant), so every call to
 * {@link #sample} draws from the same distribution.
 */
public interface SymmetricTask {

    /** The spec, e.g. {@code rotated-clouds:4:2}. */
    String spec();

    /** Ambient dimension {@code D}. */
    int dim();

    /** Intrinsic dimension {@code d} of the distribution's support (including continuous group directions). */
    int intrinsicDim();

    /** The group spec the task is invariant under, e.g. {@code so2}. */
    String group();

    /** {@code n} independent points. */
    PointCloud sample(int n, SplittableRandom rng);
}
