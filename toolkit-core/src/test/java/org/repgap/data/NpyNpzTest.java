package org.repgap.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.repgap.InvalidInputException;

class NpyNpzTest {
    @TempDir
    Path dir;

    /** 3 x 4 values exactly representable in every supported dtype, all distinct (so a transposition shows). */
    private static final double[][] M = {{0, -1, 2, 1000}, {-70000, 5, 6, 7}, {8, -9, 123456, -11}};

    /** Builds an .npy file byte by byte, the way numpy.lib.format lays it out. */
    static byte[] npy(int major, String descr, boolean fortran, String shape, byte[] data) {
        String dict = "{'descr': " + descr + ", 'fortran_order': " + (fortran ? "True" : "False") + ", 'shape': " + shape + ", }";
        int prefix = 6 + 2 + (major == 1 ? 2 : 4);
        int total = prefix + dict.length() + 1;
        String header = dict + " ".repeat((64 - total % 64) % 64) + "\n";
        ByteBuffer b = ByteBuffer.allocate(prefix + header.length() + data.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', (byte) major, 0});
        if (major == 1) {
            b.putShort((short) header.length());
        } else {
            b.putInt(header.length());
        }
        b.put(header.getBytes(major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1));
        b.put(data);
        return b.array();
    }

    /** Raw values of {@code m} as dtype {@code code} ('f4', 'f8', 'i4', 'i8') in a byte order and memory order. */
    static byte[] raw(double[][] m, String code, ByteOrder order, boolean fortran) {
        int rows = m.length;
        int cols = m[0].length;
        int size = code.charAt(1) - '0';
        ByteBuffer b = ByteBuffer.allocate(rows * cols * size).order(order);
        for (int k = 0; k < rows * cols; k++) {
            double v = fortran ? m[k % rows][k / rows] : m[k / cols][k % cols];
            switch (code) {
                case "f4" -> b.putFloat((float) v);
                case "f8" -> b.putDouble(v);
                case "i4" -> b.putInt((int) v);
                case "i8" -> b.putLong((long) v);
                default -> throw new IllegalArgumentException(code);
            }
        }
        return b.array();
    }

    static Stream<Arguments> everyLayout() {
        List<Arguments> out = new ArrayList<>();
        for (int version : new int[] {1, 2, 3}) {
            for (String code : new String[] {"f4", "f8", "i4", "i8"}) {
                for (boolean big : new boolean[] {false, true}) {
                    for (boolean fortran : new boolean[] {false, true}) {
                        out.add(Arguments.of(version, code, big, fortran));
                    }
                }
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "v{0} {1} bigEndian={2} fortran={3}")
    @MethodSource("everyLayout")
    void readsEveryDtypeOrderEndiannessAndVersion(int version, String code, boolean big, boolean fortran) throws IOException {
        byte[] data = raw(M, code, big ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN, fortran);
        Path p = dir.resolve("m.npy");
        Files.write(p, npy(version, "'" + (big ? ">" : "<") + code + "'", fortran, "(3, 4)", data));
        PointCloud x = PointClouds.read(p, null);
        assertEquals(3, x.n());
        assertEquals(4, x.dim());
        for (int i = 0; i < 3; i++) {
            assertArrayEquals(M[i], x.row(i), "row " + i);
        }
    }

    @Test
    void float32FractionsAreWidenedExactly() throws IOException {
        float[] f = {0.1f, -3.3f, 1e-30f, 3.4e38f};
        ByteBuffer b = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : f) {
            b.putFloat(v);
        }
        Path p = dir.resolve("f.npy");
        Files.write(p, npy(1, "'<f4'", false, "(2, 2)", b.array()));
        PointCloud x = PointClouds.read(p, null);
        for (int i = 0; i < 4; i++) {
            assertEquals((double) f[i], x.values()[i]);
        }
    }

    @Test
    void oneDimensionalArrayIsAColumn() throws IOException {
        Path p = dir.resolve("v.npy");
        Files.write(p, npy(1, "'<f8'", false, "(5,)", raw(new double[][] {{1, 2, 3, 4, 5}}, "f8", ByteOrder.LITTLE_ENDIAN, false)));
        PointCloud x = PointClouds.read(p, null);
        assertEquals(5, x.n());
        assertEquals(1, x.dim());
        assertArrayEquals(new double[] {1, 2, 3, 4, 5}, x.values());
    }

    @Test
    void npyRoundTripAndHeaderLayout() throws IOException {
        SplittableRandom r = new SplittableRandom(11);
        double[] v = new double[37 * 5];
        for (int i = 0; i < v.length; i++) {
            v[i] = r.nextGaussian() * Math.pow(10, r.nextInt(-300, 300));
        }
        v[3] = -0.0;
        PointCloud x = PointCloud.wrap(37, 5, v, "mem");
        Path p = dir.resolve("sub/out.npy");
        PointClouds.write(x, p);
        byte[] bytes = Files.readAllBytes(p);
        int headerLength = (bytes[8] & 0xFF) | (bytes[9] & 0xFF) << 8;
        assertEquals(0, (10 + headerLength) % 64, "numpy aligns the data to 64 bytes");
        assertEquals(10 + headerLength + 8 * v.length, bytes.length);
        String header = new String(bytes, 10, headerLength, StandardCharsets.ISO_8859_1);
        assertTrue(header.startsWith("{'descr': '<f8', 'fortran_order': False, 'shape': (37, 5), }"), header);
        assertTrue(header.endsWith("\n"));
        PointCloud y = PointClouds.read(p, null);
        assertEquals(x.sha256(), y.sha256());
        assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits(y.values()[3]));
    }

    /** The values stream into the one result array: no byte copy of the file, no per-value objects. */
    @ParameterizedTest(name = "fortran={0}")
    @ValueSource(booleans = {false, true})
    void readingAllocatesAboutEightBytesPerValue(boolean fortran) throws IOException {
        int n = 5000;
        int dim = 50;
        double[][] m = new double[n][dim];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < dim; j++) {
                m[i][j] = i - 0.5 * j;
            }
        }
        Path p = dir.resolve("big.npy");
        Files.write(p, npy(1, "'<f8'", fortran, "(" + n + ", " + dim + ")", raw(m, "f8", ByteOrder.LITTLE_ENDIAN, fortran)));
        PointClouds.read(p, null); // class loading and warm-up outside the measurement
        com.sun.management.ThreadMXBean bean = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        long id = Thread.currentThread().getId();
        long before = bean.getThreadAllocatedBytes(id);
        PointCloud x = PointClouds.read(p, null);
        long allocated = bean.getThreadAllocatedBytes(id) - before;
        assertArrayEquals(m[n - 1], x.row(n - 1));
        assertTrue(allocated < 8L * n * dim + (1 << 20), "allocated " + allocated + " bytes for " + 8L * n * dim + " bytes of values");
    }

    static Stream<Arguments> badNpy() {
        byte[] f8 = raw(M, "f8", ByteOrder.LITTLE_ENDIAN, false);
        byte[] withNan = f8.clone();
        ByteBuffer.wrap(withNan).order(ByteOrder.LITTLE_ENDIAN).putDouble(8 * 6, Double.NaN); // row 2, column 3 (1-based)
        byte[] withInf = raw(M, "f4", ByteOrder.BIG_ENDIAN, true);
        ByteBuffer.wrap(withInf).order(ByteOrder.BIG_ENDIAN).putFloat(4 * 7, Float.NEGATIVE_INFINITY); // fortran: row 2, column 3
        return Stream.of(
                Arguments.of("NaN", npy(1, "'<f8'", false, "(3, 4)", withNan), "row 2, column 3: value NaN is not finite"),
                Arguments.of("-Inf fortran f4", npy(2, "'>f4'", true, "(3, 4)", withInf), "row 2, column 3: value -Infinity is not finite"),
                Arguments.of("complex", npy(1, "'<c16'", false, "(3, 4)", new byte[192]), "unsupported dtype '<c16' (complex)"),
                Arguments.of("objects", npy(1, "'|O'", false, "(3, 4)", new byte[96]), "unsupported dtype '|O' (Python objects)"),
                Arguments.of("uint8", npy(1, "'|u1'", false, "(3, 4)", new byte[12]), "unsupported dtype '|u1' (unsigned integers)"),
                Arguments.of("float16", npy(1, "'<f2'", false, "(3, 4)", new byte[24]), "unsupported dtype '<f2'"),
                Arguments.of("structured", npy(1, "[('x', '<f8'), ('y', '<f8')]", false, "(3,)", new byte[48]), "structured dtype"),
                Arguments.of("3-D", npy(1, "'<f8'", false, "(2, 3, 2)", new byte[96]), "shape (2, 3, 2) has 3 dimensions"),
                Arguments.of("scalar", npy(1, "'<f8'", false, "()", new byte[8]), "shape () is a scalar"),
                Arguments.of("no points", npy(1, "'<f8'", false, "(0, 3)", new byte[0]), "holds no points"),
                Arguments.of("truncated data", Arrays.copyOf(npy(1, "'<f8'", false, "(3, 4)", f8), 128 + 90), // header of 128 bytes
                        "truncated .npy file: the header announces 3 x 4 float64 values (96 bytes), only 90 bytes follow"),
                Arguments.of("truncated header", Arrays.copyOf(npy(1, "'<f8'", false, "(3, 4)", f8), 30), "truncated .npy file (ends in the header)"),
                Arguments.of("trailing data", concat(npy(1, "'<f8'", false, "(3, 4)", f8), new byte[8]), "data continues after the values"),
                Arguments.of("not npy", "1,2,3\n".getBytes(StandardCharsets.US_ASCII), "not a NumPy .npy file"),
                Arguments.of("empty", new byte[0], "empty file"),
                Arguments.of("version 4", version(npy(1, "'<f8'", false, "(3, 4)", f8), 4), "format version 4.0 is not supported"));
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] c = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }

    private static byte[] version(byte[] npy, int major) {
        npy[6] = (byte) major;
        return npy;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badNpy")
    void badNpyNamesFileAndProblem(String label, byte[] content, String expected) throws IOException {
        Path p = dir.resolve("bad.npy");
        Files.write(p, content);
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> PointClouds.read(p, null));
        assertTrue(e.getMessage().startsWith(p + ": "), e.getMessage());
        assertTrue(e.getMessage().contains(expected), () -> "expected '" + expected + "' in: " + e.getMessage());
    }

    /** An .npz as np.savez (stored, with CRCs) or np.savez_compressed (deflated) writes it. */
    private Path npz(String name, boolean deflated, String[] members, byte[][] contents) throws IOException {
        Path p = dir.resolve(name);
        try (OutputStream out = Files.newOutputStream(p); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (int i = 0; i < members.length; i++) {
                ZipEntry e = new ZipEntry(members[i]);
                if (deflated) {
                    e.setMethod(ZipEntry.DEFLATED);
                } else {
                    e.setMethod(ZipEntry.STORED);
                    CRC32 crc = new CRC32();
                    crc.update(contents[i]);
                    e.setCrc(crc.getValue());
                    e.setSize(contents[i].length);
                    e.setCompressedSize(contents[i].length);
                }
                zip.putNextEntry(e);
                zip.write(contents[i]);
                zip.closeEntry();
            }
        }
        return p;
    }

    private static byte[] npyOf(double[][] m) {
        return npy(1, "'<f8'", false, "(" + m.length + ", " + m[0].length + ")", raw(m, "f8", ByteOrder.LITTLE_ENDIAN, false));
    }

    @ParameterizedTest(name = "deflated={0}")
    @ValueSource(booleans = {false, true})
    void npzPicksArraysByName(boolean deflated) throws IOException {
        double[][] other = {{1.5}, {2.5}};
        Path p = npz("a.npz", deflated, new String[] {"x.npy", "labels.npy"}, new byte[][] {npyOf(M), npyOf(other)});
        assertArrayEquals(M[2], PointClouds.read(p, "x").row(2));
        assertArrayEquals(M[2], PointClouds.read(p, "x.npy").row(2));
        assertArrayEquals(new double[] {1.5, 2.5}, PointClouds.read(p, "labels").values());
        assertEquals(List.of("x", "labels"), PointClouds.npzArrayNames(p));

        InvalidInputException several = assertThrows(InvalidInputException.class, () -> PointClouds.read(p, null));
        assertEquals(p + ": the .npz archive holds 2 arrays (x, labels); choose one by name", several.getMessage());
        InvalidInputException missing = assertThrows(InvalidInputException.class, () -> PointClouds.read(p, "y"));
        assertEquals(p + ": no array 'y' in the .npz archive; it holds: x, labels", missing.getMessage());

        Path single = npz("s.npz", deflated, new String[] {"arr_0.npy"}, new byte[][] {npyOf(M)});
        assertArrayEquals(M[1], PointClouds.read(single, null).row(1));
        assertArrayEquals(M[1], PointClouds.read(single, "").row(1));
    }

    @Test
    void npzMemberErrorsNameTheMember() throws IOException {
        assertEquals(128 + 96, npyOf(M).length);
        byte[] bad = npy(1, "'<c8'", false, "(3, 4)", new byte[96]);
        Path p = npz("b.npz", true, new String[] {"good.npy", "bad.npy"}, new byte[][] {npyOf(M), bad});
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> PointClouds.read(p, "bad"));
        assertTrue(e.getMessage().startsWith(p + " [bad]: unsupported dtype '<c8' (complex)"), e.getMessage());
        Path notZip = dir.resolve("c.npz");
        Files.write(notZip, npyOf(M));
        assertTrue(assertThrows(InvalidInputException.class, () -> PointClouds.read(notZip, null)).getMessage()
                .contains("not a valid .npz (zip) archive"));
        Path empty = npz("e.npz", false, new String[0], new byte[0][]);
        assertTrue(assertThrows(InvalidInputException.class, () -> PointClouds.read(empty, null)).getMessage()
                .contains("holds no arrays"));
    }

    @Test
    void truncatedDeflatedMemberIsReported() throws IOException {
        ByteArrayOutputStream npyBytes = new ByteArrayOutputStream();
        npyBytes.write(npyOf(M), 0, 128 + 40);
        Path p = npz("t.npz", true, new String[] {"x.npy"}, new byte[][] {npyBytes.toByteArray()});
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> PointClouds.read(p, "x"));
        assertTrue(e.getMessage().contains("[x]: truncated .npy file"), e.getMessage());
    }

    private static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /** A stored member with a flipped byte, as NumPy's "Bad CRC-32": refused, not read as other numbers. */
    @Test
    void storedMemberWithAFlippedByteFailsItsCrc() throws IOException {
        byte[] member = npyOf(M);
        Path p = npz("f.npz", false, new String[] {"x.npy"}, new byte[][] {member});
        assertArrayEquals(M[1], PointClouds.read(p, "x").row(1));
        byte[] zip = Files.readAllBytes(p);
        int at = indexOf(zip, member);
        zip[at + 128 + 8 * 5 + 6] ^= 0x10; // a byte of M[1][1] = 5.0
        Files.write(p, zip);
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> PointClouds.read(p, "x"));
        assertTrue(e.getMessage().startsWith(p + " [x]: corrupt .npz member: its CRC-32 is "), e.getMessage());
    }

    /** A deflated member whose recorded CRC-32 does not match what it inflates to. */
    @Test
    void deflatedMemberWithAnotherCrcIsRefused() throws IOException {
        byte[] member = npyOf(M);
        Path p = npz("g.npz", true, new String[] {"x.npy"}, new byte[][] {member});
        CRC32 crc = new CRC32();
        crc.update(member);
        byte[] le = java.nio.ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt((int) crc.getValue()).array();
        byte[] zip = Files.readAllBytes(p);
        int patched = 0;
        for (int at = indexOf(zip, le); at >= 0; at = indexOf(zip, le)) {
            zip[at] ^= 0x01; // the CRC in the data descriptor and in the central directory
            patched++;
        }
        assertTrue(patched >= 2, "CRC fields found: " + patched);
        Files.write(p, zip);
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> PointClouds.read(p, "x"));
        assertTrue(e.getMessage().contains("[x]: corrupt .npz member"), e.getMessage());
    }
}
