package org.repgap.datasets;

import java.util.List;
import org.repgap.data.PointCloud;

/** Seeded generators of point clouds of known intrinsic dimension, by name. */
public final class Datasets {
    private Datasets() {
    }

    /** Name, true intrinsic dimension, ambient dimension and a one-line description of a generator. */
    public record Info(String name, int intrinsicDim, int ambientDim, String description) {
    }

    /** Every generator, in a stable order. */
    public static List<Info> list() {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /**
     * Generates {@code n} points of the named data set with a seed.
     *
     * @throws org.repgap.InvalidInputException for an unknown name (listing the known ones) or a bad {@code n}
     */
    public static PointCloud generate(String name, int n, long seed) {
        throw new UnsupportedOperationException("not implemented yet");
    }
}
