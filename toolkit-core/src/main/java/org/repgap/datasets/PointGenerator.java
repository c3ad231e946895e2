package org.repgap.datasets;

/** Writes one point of a data set into {@code out[off, off + dim)}. */
@FunctionalInterface
interface PointGenerator {
    /**
     * @param s the sampler of the task (consumed in order, row after row)
     * @param row the index of the point, from 0
     * @param n the number of points being generated (some layouts depend on it)
     */
    void next(Sampler s, int row, int n, double[] out, int off);
}
