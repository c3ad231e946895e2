package org.repgap.data;

import java.nio.file.Path;

/**
 * Reading and writing point clouds by file extension: {@code .csv}/{@code .tsv}/{@code .txt}
 * (delimited text), {@code .npy}, {@code .npz} (array picked by name).
 */
public final class PointClouds {
    private PointClouds() {
    }

    /**
     * Reads a point cloud; the format follows the extension.
     *
     * @param arrayName for {@code .npz}: the member to read ({@code null}: the only one, or an error listing them)
     * @throws org.repgap.InvalidInputException for malformed input, naming file, row/column or member
     */
    public static PointCloud read(Path file, String arrayName) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** Writes {@code .csv} or {@code .npy} (by extension) atomically. */
    public static void write(PointCloud x, Path file) {
        throw new UnsupportedOperationException("not implemented yet");
    }
}
