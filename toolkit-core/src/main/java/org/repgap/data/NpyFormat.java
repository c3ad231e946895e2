package org.repgap.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.repgap.InvalidInputException;

/**
 * The NumPy {@code .npy} format, versions 1.0, 2.0 and 3.0
 * (<a href="https://numpy.org/doc/stable/reference/generated/numpy.lib.format.html">numpy.lib.format</a>):
 * the magic string {@code \x93NUMPY}, a major and a minor version byte, the header length
 * (little-endian {@code uint16} in version 1, {@code uint32} in versions 2 and 3), a Python dict
 * literal {@code {'descr': '<f8', 'fortran_order': False, 'shape': (n, d), }} padded with blanks
 * and a newline, then the raw values.
 *
 * <p>Reading accepts the dtypes {@code f4}, {@code f8}, {@code i4}, {@code i8} in either byte order
 * and either memory order, and streams the values straight into the row-major {@code double[]}
 * (no second copy of the data). A 1-D array of length {@code n} is read as {@code n x 1}.
 * Writing produces version 1.0, {@code '<f8'}, C order, with the header padded to a multiple of
 * 64 bytes as NumPy does.
 */
final class NpyFormat {
    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final Pattern DESCR = Pattern.compile("['\"]descr['\"]\\s*:\\s*(['\"]([^'\"]*)['\"]|\\[)");
    private static final Pattern FORTRAN = Pattern.compile("['\"]fortran_order['\"]\\s*:\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("['\"]shape['\"]\\s*:\\s*\\(([^)]*)\\)");
    private static final int CHUNK = 1 << 16;

    private NpyFormat() {
    }

    /** Element types we read, with their NumPy names. */
    private enum Kind {
        F4(4, "float32"), F8(8, "float64"), I4(4, "int32"), I8(8, "int64");

        final int size;
        final String numpyName;

        Kind(int size, String numpyName) {
            this.size = size;
            this.numpyName = numpyName;
        }
    }

    /**
     * Reads one array from {@code in} (positioned at the magic string).
     *
     * @param source names the file, or the file and member, in messages
     */
    static PointCloud read(InputStream in, String source) throws IOException {
        byte[] head = new byte[10];
        int got = in.readNBytes(head, 0, 8);
        if (got == 0) {
            throw InvalidInputException.of("%s: empty file, expected a NumPy .npy array", source);
        }
        for (int i = 0; i < MAGIC.length; i++) {
            if (i >= got || head[i] != MAGIC[i]) {
                throw InvalidInputException.of("%s: not a NumPy .npy file (the magic string \\x93NUMPY is missing)", source);
            }
        }
        if (got < 8) {
            throw truncated(source, "in the version bytes");
        }
        int major = head[6] & 0xFF;
        int minor = head[7] & 0xFF;
        long headerLength;
        if (major == 1) {
            if (in.readNBytes(head, 8, 2) < 2) {
                throw truncated(source, "in the header length");
            }
            headerLength = (head[8] & 0xFF) | (head[9] & 0xFF) << 8;
        } else if (major == 2 || major == 3) {
            byte[] len = in.readNBytes(4);
            if (len.length < 4) {
                throw truncated(source, "in the header length");
            }
            headerLength = ByteBuffer.wrap(len).order(ByteOrder.LITTLE_ENDIAN).getInt() & 0xFFFFFFFFL;
        } else {
            throw InvalidInputException.of("%s: .npy format version %d.%d is not supported (supported: 1.0, 2.0, 3.0)", source, major, minor);
        }
        if (headerLength > 1 << 24) {
            throw InvalidInputException.of("%s: .npy header of %d bytes is implausibly long", source, headerLength);
        }
        byte[] headerBytes = in.readNBytes((int) headerLength);
        if (headerBytes.length < headerLength) {
            throw truncated(source, "in the header");
        }
        String header = new String(headerBytes, major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1).trim();

        Matcher descr = DESCR.matcher(header);
        if (!descr.find()) {
            throw InvalidInputException.of("%s: .npy header has no 'descr' entry: %s", source, header);
        }
        if (descr.group(2) == null) {
            throw InvalidInputException.of("%s: structured dtype (a record array with named fields) is not supported; "
                    + "save a plain 2-D numeric array (e.g. np.save(f, rec.view((np.float64, n_fields))))", source);
        }
        String dtype = descr.group(2);
        Kind kind = kind(dtype, source);
        ByteOrder order = dtype.charAt(0) == '>' ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;

        Matcher fortranMatch = FORTRAN.matcher(header);
        if (!fortranMatch.find()) {
            throw InvalidInputException.of("%s: .npy header has no 'fortran_order' entry: %s", source, header);
        }
        boolean fortran = fortranMatch.group(1).equals("True");

        Matcher shapeMatch = SHAPE.matcher(header);
        if (!shapeMatch.find()) {
            throw InvalidInputException.of("%s: .npy header has no 'shape' entry: %s", source, header);
        }
        long[] shape = parseShape(shapeMatch.group(1), source);
        long n;
        long dim;
        if (shape.length == 1) {
            n = shape[0];
            dim = 1;
        } else if (shape.length == 2) {
            n = shape[0];
            dim = shape[1];
        } else {
            throw InvalidInputException.of("%s: array of shape %s has %d dimensions, expected a 2-D array (points x coordinates) or a 1-D one",
                    source, shapeText(shape), shape.length);
        }
        if (n == 0 || dim == 0) {
            throw InvalidInputException.of("%s: array of shape %s holds no points", source, shapeText(shape));
        }
        if (n * dim > Integer.MAX_VALUE - 8) {
            throw InvalidInputException.of("%s: array of shape %s is more than one Java array can hold (2^31 values)", source, shapeText(shape));
        }
        int rows = (int) n;
        int cols = (int) dim;
        double[] values = new double[rows * cols];
        readValues(in, kind, order, fortran, rows, cols, values, source);
        return PointCloud.wrap(rows, cols, values, source);
    }

    private static void readValues(InputStream in, Kind kind, ByteOrder order, boolean fortran, int rows, int cols,
            double[] values, String source) throws IOException {
        int total = values.length;
        int perChunk = CHUNK / kind.size;
        byte[] bytes = new byte[perChunk * kind.size];
        ByteBuffer buf = ByteBuffer.wrap(bytes).order(order);
        int done = 0;
        while (done < total) {
            int want = Math.min(perChunk, total - done);
            int got = in.readNBytes(bytes, 0, want * kind.size);
            if (got < want * kind.size) {
                long expected = (long) total * kind.size;
                long found = (long) done * kind.size + got;
                throw InvalidInputException.of("%s: truncated .npy file: the header announces %d x %d %s values (%d bytes), "
                        + "only %d bytes follow", source, rows, cols, kind.numpyName, expected, found);
            }
            buf.clear();
            if (!fortran) {
                // C order: the flat index is the destination; bulk conversion (PointCloud.wrap then checks that
                // every value is finite, naming row and column as below)
                if (kind == Kind.F8) {
                    buf.asDoubleBuffer().get(values, done, want);
                } else {
                    for (int k = 0; k < want; k++) {
                        values[done + k] = switch (kind) {
                            case F4 -> buf.getFloat();
                            case I4 -> buf.getInt();
                            case I8 -> (double) buf.getLong();
                            case F8 -> buf.getDouble();
                        };
                    }
                }
                done += want;
                continue;
            }
            for (int k = 0; k < want; k++) {
                int flat = done + k;
                double v = switch (kind) {
                    case F4 -> buf.getFloat();
                    case F8 -> buf.getDouble();
                    case I4 -> buf.getInt();
                    case I8 -> (double) buf.getLong();
                };
                int row;
                int col;
                if (fortran) {
                    row = flat % rows;
                    col = flat / rows;
                } else {
                    row = flat / cols;
                    col = flat % cols;
                }
                if (!Double.isFinite(v)) {
                    throw InvalidInputException.of("%s: row %d, column %d: value %s is not finite (NaN and infinities are not allowed)",
                            source, row + 1, col + 1, v);
                }
                values[row * cols + col] = v;
            }
            done += want;
        }
    }

    private static Kind kind(String dtype, String source) {
        char byteOrder = dtype.isEmpty() ? '?' : dtype.charAt(0);
        String code = byteOrder == '<' || byteOrder == '>' || byteOrder == '|' || byteOrder == '=' ? dtype.substring(1) : dtype;
        Kind k = switch (code) {
            case "f4" -> Kind.F4;
            case "f8" -> Kind.F8;
            case "i4" -> Kind.I4;
            case "i8" -> Kind.I8;
            default -> null;
        };
        if (k == null || byteOrder == '|') {
            String what = switch (code.isEmpty() ? ' ' : code.charAt(0)) {
                case 'c' -> " (complex)";
                case 'O' -> " (Python objects)";
                case 'u' -> " (unsigned integers)";
                case 'b', 'B' -> " (booleans or bytes)";
                case 'i' -> " (integers of another width)";
                case 'f' -> " (floats of another width)";
                case 'S', 'a' -> " (byte strings)";
                case 'U' -> " (unicode strings)";
                case 'V' -> " (raw void records)";
                case 'm', 'M' -> " (dates or time spans)";
                default -> "";
            };
            throw InvalidInputException.of("%s: unsupported dtype '%s'%s; supported: float32, float64, int32, int64 "
                    + "('<f4', '<f8', '<i4', '<i8' or big-endian '>...'); convert with x.astype(np.float64)", source, dtype, what);
        }
        return k;
    }

    private static long[] parseShape(String text, String source) {
        String t = text.trim();
        if (t.isEmpty()) {
            throw InvalidInputException.of("%s: array of shape () is a scalar, expected a 2-D array (points x coordinates)", source);
        }
        String[] parts = t.split(",");
        int count = 0;
        for (String p : parts) {
            if (!p.trim().isEmpty()) {
                count++;
            }
        }
        long[] shape = new long[count];
        int i = 0;
        for (String p : parts) {
            String q = p.trim();
            if (q.endsWith("L")) {
                q = q.substring(0, q.length() - 1);
            }
            if (q.isEmpty()) {
                continue;
            }
            try {
                shape[i++] = Long.parseLong(q);
            } catch (NumberFormatException e) {
                throw InvalidInputException.of("%s: .npy header has a malformed shape (%s)", source, text);
            }
            if (shape[i - 1] < 0) {
                throw InvalidInputException.of("%s: .npy header has a negative extent in shape (%s)", source, text);
            }
        }
        return shape;
    }

    private static String shapeText(long[] shape) {
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < shape.length; i++) {
            sb.append(i > 0 ? ", " : "").append(shape[i]);
        }
        return sb.append(shape.length == 1 ? ",)" : ")").toString();
    }

    private static InvalidInputException truncated(String source, String where) {
        return InvalidInputException.of("%s: truncated .npy file (ends %s)", source, where);
    }

    /** Writes {@code x} as version 1.0, little-endian float64, C order. */
    static void write(PointCloud x, OutputStream out) throws IOException {
        String dict = String.format(Locale.ROOT, "{'descr': '<f8', 'fortran_order': False, 'shape': (%d, %d), }", x.n(), x.dim());
        int unpadded = MAGIC.length + 2 + 2 + dict.length() + 1;
        int padding = (64 - unpadded % 64) % 64;
        String header = dict + " ".repeat(padding) + "\n";
        if (header.length() > 0xFFFF) {
            throw new IllegalStateException("npy header too long");
        }
        out.write(MAGIC);
        out.write(new byte[] {1, 0, (byte) header.length(), (byte) (header.length() >>> 8)});
        out.write(header.getBytes(StandardCharsets.ISO_8859_1));
        double[] v = x.values();
        ByteBuffer buf = ByteBuffer.allocate(CHUNK).order(ByteOrder.LITTLE_ENDIAN);
        for (double d : v) {
            buf.putDouble(d);
            if (!buf.hasRemaining()) {
                out.write(buf.array(), 0, buf.position());
                buf.clear();
            }
        }
        out.write(buf.array(), 0, buf.position());
    }

    /** Fails on a stream that is not exhausted: a shape smaller than the data means a corrupt file. */
    static void expectEnd(InputStream in, String source) throws IOException {
        byte[] probe = in.readNBytes(1);
        if (probe.length > 0) {
            throw InvalidInputException.of("%s: data continues after the values announced by the .npy header's shape (corrupt file?)",
                    source);
        }
    }
}
