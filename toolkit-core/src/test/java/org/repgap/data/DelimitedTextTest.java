package org.repgap.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.repgap.InvalidInputException;

class DelimitedTextTest {
    @TempDir
    Path dir;

    private Path file(String name, String content) throws IOException {
        Path p = dir.resolve(name);
        Files.write(p, content.getBytes(StandardCharsets.UTF_8));
        return p;
    }

    private static final double[][] SMALL = {{1, -2.5, 3e-4}, {0.125, 1e10, -7}};

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "1,-2.5,3e-4\n0.125,1e10,-7\n",
        "1\t-2.5\t3e-4\n0.125\t1e10\t-7\n",
        "1;-2.5;3e-4\n0.125;1e10;-7\n",
        "1 -2.5   3e-4\n  0.125 1e10 -7  \n",
        "x,y,z\n1,-2.5,3e-4\n0.125,1e10,-7\n",
        "# written by hand\n\nx;y;z\n# comment\n1 ; -2.5 ; 3E-4\r\n\r\n+0.125;1.0E+10;-7.\r\n",
        "\uFEFF\"a\",\"b\",\"c\"\n\"1\",\"-2.5\",\"3e-4\"\n.125,10000000000,-7\n",
        "1, -2.5, 0.0003\n0.125, 1e10, -7.0\n# trailing comment",
    })
    void readsDelimiterHeaderCommentVariants(String text) throws IOException {
        PointCloud x = PointClouds.read(file("a.csv", text), null);
        assertEquals(2, x.n());
        assertEquals(3, x.dim());
        assertArrayEquals(SMALL[0], x.row(0));
        assertArrayEquals(SMALL[1], x.row(1));
    }

    @Test
    void pandasHeaderOfUnnamedColumnsIsSkippedButIntegerDataIsKept() throws IOException {
        // pd.DataFrame(x).to_csv(f, index=False) writes the column numbers as a header
        PointCloud pandas = PointClouds.read(file("p.csv", "0,1,2\n1.5,2.0,3.0\n-1.0,0.0,1e-3\n"), null);
        assertEquals(2, pandas.n());
        assertArrayEquals(new double[] {1.5, 2, 3}, pandas.row(0));
        // integer data that happens to start with 0, 1, 2 stays data
        PointCloud ints = PointClouds.read(file("i.csv", "0,1,2\n3,4,5\n"), null);
        assertEquals(2, ints.n());
        assertArrayEquals(new double[] {0, 1, 2}, ints.row(0));
        // a single line is data
        assertEquals(1, PointClouds.read(file("s.csv", "0,1\n"), null).n());
    }

    @Test
    void oneTrailingDelimiterIsTolerated() throws IOException {
        PointCloud c = PointClouds.read(file("t.csv", "a,b,\n1,2,\n3,4, \n"), null);
        assertEquals(2, c.dim());
        assertArrayEquals(new double[] {1, 2, 3, 4}, c.values());
        PointCloud t = PointClouds.read(file("t.tsv", "1\t2\t\n3\t4\t\n"), null);
        assertEquals(2, t.dim());
        assertArrayEquals(new double[] {1, 2, 3, 4}, t.values());
        // two trailing delimiters leave an empty cell
        Path p = file("u.csv", "1,2,,\n");
        assertTrue(assertThrows(InvalidInputException.class, () -> PointClouds.read(p, null)).getMessage()
                .contains("line 1, column 3: empty cell"));
    }

    @Test
    void tsvAndTxtExtensionsAreText() throws IOException {
        assertEquals(2, PointClouds.read(file("a.tsv", "1\t2\n3\t4\n"), null).n());
        assertEquals(3, PointClouds.read(file("a.TXT", "1 2\n3 4\n5 6\n"), null).n());
    }

    @Test
    void oneColumnAndNoFinalNewline() throws IOException {
        PointCloud x = PointClouds.read(file("a.csv", "5\n-6\n7"), null);
        assertEquals(3, x.n());
        assertEquals(1, x.dim());
        assertArrayEquals(new double[] {5, -6, 7}, x.values());
    }

    @Test
    void numbersAreCorrectlyRounded() throws IOException {
        // each decimal must give the double that Double.parseDouble (correctly rounded) gives
        String[] cells = {"0.1", "0.30000000000000004", "1.7976931348623157e308", "4.9e-324", "2.2250738585072014E-308",
            "123456789012345678901234567890", "9007199254740993", "-0.0", "1e22", "1e23", "0.000001234", "00012.5000"};
        PointCloud x = PointClouds.read(file("a.csv", String.join("\n", cells) + "\n"), null);
        for (int i = 0; i < cells.length; i++) {
            assertEquals(Double.doubleToRawLongBits(Double.parseDouble(cells[i])), Double.doubleToRawLongBits(x.get(i, 0)), cells[i]);
        }
    }

    /**
     * Every fast path of the number scanner against {@link Double#parseDouble}: the formats of
     * np.savetxt ({@code %.18e}: 19 digits), pandas and R ({@code %.17g}, {@code %.15g}), and long
     * or short decimals, over the whole exponent range.
     */
    @Test
    void scannerAgreesWithParseDoubleInEveryCommonFormat() throws IOException {
        SplittableRandom r = new SplittableRandom(99);
        String[] formats = {"%.18e", "%.17g", "%.15g", "%.6f", "%.25g", "%.3e", "%.20f", "%.1e"};
        int n = 2000;
        StringBuilder sb = new StringBuilder();
        String[] cells = new String[n * formats.length];
        for (int i = 0; i < n; i++) {
            double v = (r.nextBoolean() ? -1 : 1) * r.nextDouble() * Math.pow(10, r.nextInt(-320, 308));
            if (i % 10 == 0) {
                v = Double.longBitsToDouble(r.nextLong() & 0x7FEF_FFFF_FFFF_FFFFL);
            }
            for (int f = 0; f < formats.length; f++) {
                String cell = String.format(java.util.Locale.ROOT, formats[f], v);
                cells[i * formats.length + f] = cell;
                sb.append(f > 0 ? " " : "").append(cell);
            }
            sb.append('\n');
        }
        PointCloud x = PointClouds.read(file("formats.txt", sb.toString()), null);
        for (int k = 0; k < cells.length; k++) {
            double expected = Double.parseDouble(cells[k]);
            assertEquals(Double.doubleToRawLongBits(expected), Double.doubleToRawLongBits(x.values()[k]), cells[k]);
        }
    }

    @Test
    void csvRoundTripIsBitExact() throws IOException {
        SplittableRandom r = new SplittableRandom(42);
        int n = 500;
        int dim = 7;
        double[] v = new double[n * dim];
        for (int i = 0; i < v.length; i++) {
            v[i] = switch (i % 7) {
                case 0 -> r.nextDouble();
                case 1 -> -r.nextDouble() * 1e-300;
                case 2 -> Double.longBitsToDouble(r.nextLong() & 0x7FEF_FFFF_FFFF_FFFFL); // any finite positive
                case 3 -> (r.nextInt(2000) - 1000);
                case 4 -> r.nextGaussian() * 1e5;
                case 5 -> i % 2 == 0 ? -0.0 : Double.MIN_VALUE;
                default -> i % 3 == 0 ? Double.MAX_VALUE : 0.1 * i;
            };
        }
        PointCloud x = PointCloud.wrap(n, dim, v, "mem");
        Path p = dir.resolve("out/round.csv");
        PointClouds.write(x, p);
        PointCloud y = PointClouds.read(p, null);
        assertEquals(n, y.n());
        assertEquals(dim, y.dim());
        for (int i = 0; i < v.length; i++) {
            assertEquals(Double.doubleToRawLongBits(v[i]), Double.doubleToRawLongBits(y.values()[i]), "value " + i);
        }
        assertEquals(x.sha256(), y.sha256());
        try (var files = Files.list(p.getParent())) {
            assertEquals(1, files.count(), "no temporary file left behind");
        }
    }

    /** The reference CSV (numpy %.17g) and .npy of the same data must read bit-identically. */
    @Test
    void referenceCsvMatchesReferenceNpy() throws IOException {
        Path csv = copyResource("/reference/skdim/M5a_Helix1d.csv");
        Path npy = copyResource("/reference/skdim/M5a_Helix1d.npy");
        PointCloud a = PointClouds.read(csv, null);
        PointCloud b = PointClouds.read(npy, null);
        assertEquals(2500, a.n());
        assertEquals(3, a.dim());
        assertArrayEquals(b.values(), a.values());
        assertEquals(b.sha256(), a.sha256());
        // M5a is a helix: the third coordinate is sin 8t with t the polar angle of (x, y)
        for (int i = 0; i < a.n(); i++) {
            double t = Math.atan2(a.get(i, 1), a.get(i, 0));
            assertEquals(Math.sin(8 * t), a.get(i, 2), 1e-9);
        }
    }

    private Path copyResource(String name) throws IOException {
        Path p = dir.resolve(Path.of(name).getFileName().toString());
        try (InputStream in = getClass().getResourceAsStream(name)) {
            Files.copy(in, p);
        }
        return p;
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "non-numeric cell | 1,2\\n3,abc\\n | line 2, column 2: 'abc' is not a number",
        "header then word | x,y\\n1,2\\n3,4\\n5,six\\n | line 4, column 2: 'six' is not a number",
        "hex is not decimal | 1,0x10\\n | line 1, column 2: '0x10' is not a number",
        "java suffix | 1,2d\\n | line 1, column 2: '2d' is not a number",
        "ragged short | 1,2,3\\n4,5\\n | line 2 has 2 values, expected 3 like line 1",
        "ragged long | # c\\n1,2\\n3,4,5\\n | line 3 has 3 values, expected 2 like line 2",
        "nan | 1,2\\nnan,4\\n | line 2, column 1: value 'nan' is not finite",
        "NaN capital | 1,2\\n3,NaN\\n | line 2, column 2: value 'NaN' is not finite",
        "inf | 1,2\\n3,-inf\\n | line 2, column 2: value '-inf' is not finite",
        "Infinity | 1;Infinity\\n | line 1, column 2: value 'Infinity' is not finite",
        "overflow | 1,1e400\\n | line 1, column 2: value '1e400' overflows a double",
        "empty cell | 1,,3\\n | line 1, column 2: empty cell",
        "header mixed | a,1\\n | line 1, column 1: 'a' is not a number",
        "empty file | '' | no data rows",
        "only comments | # nothing\\n\\n# here\\n | no data rows",
        "only header | x,y,z\\n | no data rows",
    })
    void badInputNamesFileLineAndColumn(String label, String content, String expected) throws IOException {
        String text = content.replace("\\n", "\n").replace("''", "");
        Path p = file("bad.csv", text);
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> PointClouds.read(p, null));
        assertTrue(e.getMessage().startsWith(p.toString() + ": "), e.getMessage());
        assertTrue(e.getMessage().contains(expected), () -> "expected '" + expected + "' in: " + e.getMessage());
    }

    @Test
    void missingFileDirectoryAndUnknownExtension() throws IOException {
        Path missing = dir.resolve("missing.csv");
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> PointClouds.read(missing, null));
        assertEquals(missing + ": file not found", e.getMessage());
        Path sub = Files.createDirectory(dir.resolve("d.csv"));
        assertTrue(assertThrows(InvalidInputException.class, () -> PointClouds.read(sub, null)).getMessage().contains("is a directory"));
        // issue 12, defect 11: a directory without an extension was "unknown file type ''"; it says what it holds
        Path plain = Files.createDirectory(dir.resolve("points"));
        Files.writeString(plain.resolve("a.npy"), "");
        assertEquals(plain + ": is a directory (1 entry: a.npy); expected one point-cloud file: .csv, .tsv, .txt, .npy or .npz",
                assertThrows(InvalidInputException.class, () -> PointClouds.read(plain, null)).getMessage());
        Path empty = Files.createDirectory(dir.resolve("empty"));
        assertTrue(assertThrows(InvalidInputException.class, () -> PointClouds.read(empty, null)).getMessage()
                .contains("is a directory (empty)"));
        Path bare = file("points-file", "1,2\n");
        assertEquals(bare + ": no file extension, so no known format; expected .csv, .tsv, .txt, .npy or .npz",
                assertThrows(InvalidInputException.class, () -> PointClouds.read(bare, null)).getMessage());
        Path xls = file("a.xlsx", "1,2\n");
        assertTrue(assertThrows(InvalidInputException.class, () -> PointClouds.read(xls, null)).getMessage()
                .contains("unknown file type '.xlsx'; expected .csv, .tsv, .txt, .npy or .npz"));
        Path csv = file("b.csv", "1,2\n");
        assertTrue(assertThrows(InvalidInputException.class, () -> PointClouds.read(csv, "arr")).getMessage()
                .contains("applies only to .npz"));
        PointCloud x = PointCloud.of(new double[][] {{1}});
        assertTrue(assertThrows(InvalidInputException.class, () -> PointClouds.write(x, dir.resolve("x.parquet"))).getMessage()
                .contains("expected .csv or .npy"));
        Path underAFile = csv.resolve("x.csv");
        assertTrue(assertThrows(InvalidInputException.class, () -> PointClouds.write(x, underAFile)).getMessage()
                .equals(underAFile + ": cannot write: " + csv + " exists and is not a directory"));
    }

    /** 20,000 x 100 values in 17 significant digits (the slow path of the number scanner). */
    @Test
    void largeCsvParsesQuicklyAndExactly() throws IOException {
        int n = 20_000;
        int dim = 100;
        SplittableRandom r = new SplittableRandom(7);
        double[] v = new double[n * dim];
        for (int i = 0; i < v.length; i++) {
            v[i] = r.nextDouble() * 2 - 1;
        }
        Path p = dir.resolve("big.csv");
        PointClouds.write(PointCloud.wrap(n, dim, v, "mem"), p);
        java.lang.management.ThreadMXBean bean = java.lang.management.ManagementFactory.getThreadMXBean();
        long threadId = Thread.currentThread().getId();
        com.sun.management.ThreadMXBean sun = (com.sun.management.ThreadMXBean) bean;
        long a0 = sun.getThreadAllocatedBytes(threadId);
        long t0 = bean.getCurrentThreadCpuTime();
        PointCloud y = PointClouds.read(p, null);
        double seconds = (bean.getCurrentThreadCpuTime() - t0) / 1e9;
        long allocated = sun.getThreadAllocatedBytes(threadId) - a0;
        assertArrayEquals(v, y.values());
        // memory: the 16 MB array of values and buffers of a few lines; no copy of the 19 MB of text,
        // no per-value objects (a String or boxed Double per value would allocate over 40 MB more)
        assertTrue(allocated < 8L * n * dim + (2 << 20), "allocated " + allocated + " bytes");
        // CPU time of this thread, so that other processes on the machine do not count: about
        // 0.5 s on the development machine; 5 s only catches a gross regression (a slow path for
        // every value, or quadratic buffering)
        assertTrue(seconds < 5, "parsing took " + seconds + " s of CPU");
    }

    @Test
    void duplicateCountIsExactAndTreatsSignedZeroAsEqual() {
        PointCloud x = PointCloud.of(new double[][] {
            {1, 2}, {1, 2}, {0.0, 3}, {-0.0, 3}, {1, 2.0000000000000004}, {2, 1}, {1, 2}});
        assertEquals(3, PointClouds.duplicateCount(x));
        assertArrayEquals(new int[] {0, 2, 4, 5}, PointClouds.firstOccurrences(x));
        // a naive O(n^2) oracle on random data with planted duplicates
        SplittableRandom r = new SplittableRandom(3);
        double[][] rows = new double[3000][];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = i > 10 && r.nextInt(5) == 0 ? rows[r.nextInt(i)].clone() : new double[] {r.nextInt(20), r.nextInt(20), r.nextInt(3)};
        }
        int distinct = 0;
        for (int i = 0; i < rows.length; i++) {
            boolean seen = false;
            for (int j = 0; j < i && !seen; j++) {
                seen = java.util.Arrays.equals(rows[i], rows[j]);
            }
            distinct += seen ? 0 : 1;
        }
        assertEquals(rows.length - distinct, PointClouds.duplicateCount(PointCloud.of(rows)));
    }
}
