package org.repgap.id;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.repgap.data.PointCloud;

/**
 * Test-only reader of 2-D float64 little-endian C-order {@code .npy} files (format 1.0/2.0), enough
 * for the reference data sets; to be replaced by {@code PointClouds.read} once that exists.
 */
final class NpyTestReader {
    private static final Pattern SHAPE = Pattern.compile("'shape':\\s*\\((\\d+),\\s*(\\d+)\\)");

    private NpyTestReader() {
    }

    static PointCloud read(Path file) {
        try {
            return parse(Files.readAllBytes(file), file.getFileName().toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static PointCloud resource(String name) {
        try (InputStream in = NpyTestReader.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + name);
            }
            return parse(in.readAllBytes(), name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static PointCloud parse(byte[] bytes, String source) {
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        if (bytes[0] != (byte) 0x93 || bytes[1] != 'N') {
            throw new IllegalArgumentException(source + ": not an .npy file");
        }
        int major = bytes[6];
        int headerLen;
        int offset;
        if (major == 1) {
            headerLen = b.getShort(8) & 0xffff;
            offset = 10;
        } else {
            headerLen = b.getInt(8);
            offset = 12;
        }
        String header = new String(bytes, offset, headerLen, StandardCharsets.ISO_8859_1);
        if (!header.contains("'descr': '<f8'") || !header.contains("'fortran_order': False")) {
            throw new IllegalArgumentException(source + ": expected little-endian float64 in C order, header " + header);
        }
        Matcher m = SHAPE.matcher(header);
        if (!m.find()) {
            throw new IllegalArgumentException(source + ": expected a 2-D shape, header " + header);
        }
        int n = Integer.parseInt(m.group(1));
        int dim = Integer.parseInt(m.group(2));
        double[] v = new double[n * dim];
        b.position(offset + headerLen);
        b.asDoubleBuffer().get(v);
        return PointCloud.wrap(n, dim, v, source);
    }
}
