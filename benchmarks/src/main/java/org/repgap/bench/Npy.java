package org.repgap.bench;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Minimal .npy (format version 1.0) writing of float64 matrices and reading of int64 matrices for the
 * benchmark's exchange with Python; the toolkit's own readers and writers live in {@code org.repgap.data}.
 * Specification: https://numpy.org/doc/stable/reference/generated/numpy.lib.format.html
 */
final class Npy {
    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0};

    private Npy() {
    }

    /** Writes a row-major {@code rows x cols} float64 little-endian C-order array. */
    static void writeFloat64(Path file, double[] values, int rows, int cols) throws IOException {
        String dict = String.format(Locale.ROOT, "{'descr': '<f8', 'fortran_order': False, 'shape': (%d, %d), }", rows, cols);
        // magic (8) + header length (2) + dict + padding + '\n' must be a multiple of 64
        int unpadded = MAGIC.length + 2 + dict.length() + 1;
        int padding = (64 - unpadded % 64) % 64;
        String header = dict + " ".repeat(padding) + "\n";
        ByteBuffer buf = ByteBuffer.allocate(MAGIC.length + 2 + header.length() + 8 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        buf.put(MAGIC).putShort((short) header.length()).put(header.getBytes(StandardCharsets.US_ASCII));
        for (double v : values) {
            buf.putDouble(v);
        }
        Files.write(file, buf.array());
    }

    /** Reads a 2-D little-endian int64 C-order array as row-major ints; {@code shape} receives (rows, cols). */
    static int[] readInt64(Path file, int[] shape) throws IOException {
        ByteBuffer buf = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        buf.position(8);
        int headerLength = buf.getShort() & 0xffff;
        byte[] h = new byte[headerLength];
        buf.get(h);
        String header = new String(h, StandardCharsets.US_ASCII);
        if (!header.contains("'<i8'") || header.contains("'fortran_order': True")) {
            throw new IOException(file + ": expected a C-order '<i8' array, header " + header.trim());
        }
        Matcher m = Pattern.compile("\\((\\d+), (\\d+)\\)").matcher(header);
        if (!m.find()) {
            throw new IOException(file + ": expected a 2-D shape, header " + header.trim());
        }
        shape[0] = Integer.parseInt(m.group(1));
        shape[1] = Integer.parseInt(m.group(2));
        int[] out = new int[shape[0] * shape[1]];
        for (int i = 0; i < out.length; i++) {
            out[i] = Math.toIntExact(buf.getLong());
        }
        return out;
    }
}
