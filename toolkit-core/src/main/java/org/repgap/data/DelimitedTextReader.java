package org.repgap.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import org.repgap.InvalidInputException;

/**
 * Reads delimited text (CSV, TSV, whitespace-separated) into a {@link PointCloud} in two streaming
 * passes over the file, never holding its text: the first pass counts the candidate data lines so
 * that the second can fill one exactly sized {@code double[]} (peak memory 8 bytes per value plus
 * a buffer of one line).
 *
 * <p>Rules: lines that are empty or whose first non-blank character is {@code #} are skipped; the
 * first remaining line is a header, and skipped, when none of its cells is a number, or when it
 * is pandas' {@code 0,1,...,d-1} for unnamed columns above decimal data; the delimiter
 * is found on the first remaining line as the most frequent of tab, comma and semicolon, and is a
 * run of blanks when none occurs. Blanks around cells are ignored, a UTF-8 byte-order mark and
 * {@code \r\n} line ends are accepted, cells may be wrapped in double quotes. Numbers follow the
 * decimal syntax {@code [+-]digits[.digits][(e|E)[+-]digits]}; {@code nan}, {@code inf} and other
 * words are errors naming the line (1-based, counting every line of the file) and the column.
 */
final class DelimitedTextReader {
    private static final int BUFFER = 1 << 16;
    private static final byte NONE = 0;
    /** Powers of ten that are exact doubles: products/quotients with them round once. */
    private static final double[] POW10 = new double[23];

    static {
        double p = 1;
        for (int i = 0; i < POW10.length; i++) {
            POW10[i] = p;
            p *= 10;
        }
    }

    private final Path file;
    private final String name;
    private byte[] line = new byte[256];
    private int lineLength;
    private long lineNumber;
    private boolean scanFailed;
    private int cellStart;
    private int cellEnd;

    private DelimitedTextReader(Path file) {
        this.file = file;
        this.name = file.toString();
    }

    static PointCloud read(Path file) {
        try {
            return new DelimitedTextReader(file).readAll();
        } catch (NoSuchFileException e) {
            throw InvalidInputException.of("%s: file not found", file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private PointCloud readAll() throws IOException {
        java.io.ByteArrayOutputStream[] firstTwo = new java.io.ByteArrayOutputStream[2];
        long candidates = countCandidateLines(firstTwo);
        boolean header = firstTwo[0] != null
                && firstLineIsHeader(firstTwo[0].toByteArray(), firstTwo[1] == null ? null : firstTwo[1].toByteArray());
        double[] values = null;
        int dim = -1;
        int rows = 0;
        long firstDataLine = -1;
        byte delimiter = NONE;
        boolean first = true;
        double[] rowBuf = null;
        try (InputStream in = Files.newInputStream(file)) {
            LineSource src = new LineSource(in);
            while (src.next()) {
                int start = skipBlanks(0);
                if (start == lineLength || line[start] == '#') {
                    continue;
                }
                if (first) {
                    first = false;
                    delimiter = detectDelimiter(start);
                    if (header) {
                        candidates--;
                        continue;
                    }
                }
                dropTrailingDelimiter(delimiter);
                if (dim < 0) {
                    dim = countCells(start, delimiter);
                    rowBuf = new double[dim];
                    firstDataLine = lineNumber;
                    long total = candidates * dim;
                    if (total > Integer.MAX_VALUE - 8) {
                        throw InvalidInputException.of("%s: %d rows x %d columns is more than one array can hold (2^31 values)",
                                name, candidates, dim);
                    }
                    values = new double[(int) total];
                }
                int got = parseRow(start, delimiter, rowBuf, dim);
                if (got != dim) {
                    throw InvalidInputException.of("%s: line %d has %d values, expected %d like line %d (ragged rows)",
                            name, lineNumber, got, dim, firstDataLine);
                }
                if (rows >= candidates) {
                    throw new IOException("file changed while being read");
                }
                System.arraycopy(rowBuf, 0, values, rows * dim, dim);
                rows++;
            }
        }
        if (rows == 0) {
            throw InvalidInputException.of("%s: no data rows (the file is empty or holds only comments%s)",
                    name, header ? " and a header" : "");
        }
        if ((long) rows * dim != values.length) {
            throw new IOException("file changed while being read");
        }
        return PointCloud.wrap(rows, dim, values, name);
    }

    /**
     * First pass: counts the lines that are neither blank nor comments, without decoding them, and
     * keeps copies of the first two (for the header decision).
     */
    private long countCandidateLines(java.io.ByteArrayOutputStream[] firstTwo) throws IOException {
        long count = 0;
        boolean decided = false;
        java.io.ByteArrayOutputStream capture = null;
        byte[] buf = new byte[BUFFER];
        try (InputStream in = Files.newInputStream(file)) {
            int r = in.readNBytes(buf, 0, buf.length);
            int from = r >= 3 && buf[0] == (byte) 0xEF && buf[1] == (byte) 0xBB && buf[2] == (byte) 0xBF ? 3 : 0;
            for (; r > 0; r = in.read(buf), from = 0) {
                for (int i = from; i < r; i++) {
                    byte b = buf[i];
                    if (b == '\n') {
                        decided = false;
                        capture = null;
                    } else if (!decided) {
                        if (isBlank(b)) {
                            continue;
                        }
                        decided = true;
                        if (b != '#') {
                            count++;
                            if (count <= firstTwo.length) {
                                capture = new java.io.ByteArrayOutputStream();
                                firstTwo[(int) count - 1] = capture;
                            }
                        }
                    }
                    if (capture != null) {
                        capture.write(b);
                    }
                }
            }
        }
        return count;
    }

    /**
     * Whether the first data line is a header: none of its cells is a number, or it is the header
     * {@code 0,1,...,d-1} that pandas writes for unnamed columns, recognised by the second line
     * being written as decimals ({@code .} or an exponent) while the first is plain integers.
     */
    private boolean firstLineIsHeader(byte[] first, byte[] second) {
        useLine(first);
        int start = skipBlanks(0);
        byte delimiter = detectDelimiter(start);
        dropTrailingDelimiter(delimiter);
        if (isHeader(start, delimiter)) {
            return true;
        }
        if (second == null) {
            return false;
        }
        int column = 0;
        for (int i = nextCell(start, delimiter); i != NO_CELL; i = nextCell(i, delimiter)) {
            String cell = new String(line, cellStart, cellEnd - cellStart, StandardCharsets.US_ASCII);
            if (!cell.equals(Integer.toString(column))) {
                return false;
            }
            column++;
        }
        useLine(second);
        for (int i = 0; i < lineLength; i++) {
            if (line[i] == '.' || line[i] == 'e' || line[i] == 'E') {
                return true;
            }
        }
        return false;
    }

    private void useLine(byte[] bytes) {
        int end = bytes.length;
        while (end > 0 && bytes[end - 1] == '\r') {
            end--;
        }
        if (line.length < end) {
            line = new byte[end];
        }
        System.arraycopy(bytes, 0, line, 0, end);
        lineLength = end;
    }

    /** Delivers one line at a time into {@link #line}, without the line end. */
    private final class LineSource {
        private final InputStream in;
        private final byte[] buf = new byte[BUFFER];
        private int pos;
        private int limit;
        private boolean eof;

        LineSource(InputStream in) {
            this.in = in;
        }

        boolean next() throws IOException {
            lineLength = 0;
            boolean any = false;
            while (true) {
                if (pos == limit) {
                    if (eof) {
                        break;
                    }
                    limit = in.read(buf);
                    pos = 0;
                    if (limit <= 0) {
                        limit = 0;
                        eof = true;
                        break;
                    }
                }
                any = true;
                int i = pos;
                while (i < limit && buf[i] != '\n') {
                    i++;
                }
                append(buf, pos, i - pos);
                if (i < limit) {
                    pos = i + 1;
                    break;
                }
                pos = limit;
            }
            if (!any) {
                return false;
            }
            lineNumber++;
            if (lineLength > 0 && line[lineLength - 1] == '\r') {
                lineLength--;
            }
            if (lineNumber == 1 && lineLength >= 3 && line[0] == (byte) 0xEF && line[1] == (byte) 0xBB && line[2] == (byte) 0xBF) {
                System.arraycopy(line, 3, line, 0, lineLength - 3);
                lineLength -= 3;
            }
            return true;
        }

        private void append(byte[] src, int off, int len) {
            if (lineLength + len > line.length) {
                line = java.util.Arrays.copyOf(line, Math.max(line.length * 2, lineLength + len));
            }
            System.arraycopy(src, off, line, lineLength, len);
            lineLength += len;
        }
    }

    private static boolean isBlank(byte b) {
        return b == ' ' || b == '\t' || b == '\r';
    }

    private int skipBlanks(int i) {
        while (i < lineLength && isBlank(line[i])) {
            i++;
        }
        return i;
    }

    private byte detectDelimiter(int start) {
        int tabs = 0;
        int commas = 0;
        int semicolons = 0;
        for (int i = start; i < lineLength; i++) {
            switch (line[i]) {
                case '\t' -> tabs++;
                case ',' -> commas++;
                case ';' -> semicolons++;
                default -> { }
            }
        }
        // trailing tabs are blanks, not delimiters
        int end = lineLength;
        while (end > start && (line[end - 1] == ' ' || line[end - 1] == '\t')) {
            if (line[end - 1] == '\t') {
                tabs--;
            }
            end--;
        }
        if (tabs == 0 && commas == 0 && semicolons == 0) {
            return NONE;
        }
        if (tabs >= commas && tabs >= semicolons) {
            return '\t';
        }
        return commas >= semicolons ? (byte) ',' : (byte) ';';
    }

    /**
     * Ends the current line before trailing blanks and one trailing delimiter: {@code 1,2,3,} has
     * three cells, as some exporters write every cell followed by the delimiter.
     */
    private void dropTrailingDelimiter(byte delimiter) {
        int end = lineLength;
        while (end > 0 && isBlank(line[end - 1]) && line[end - 1] != delimiter) {
            end--;
        }
        if (delimiter != NONE && end > 0 && line[end - 1] == delimiter) {
            end--;
        }
        lineLength = end;
    }

    /** Number of cells of the current line (at least 1). */
    private int countCells(int start, byte delimiter) {
        int cells = 0;
        for (int i = nextCell(start, delimiter); i != NO_CELL; i = nextCell(i, delimiter)) {
            cells++;
        }
        return cells;
    }

    /** True when no cell of the current line is a number (or a non-finite word such as {@code nan}). */
    private boolean isHeader(int start, byte delimiter) {
        for (int i = nextCell(start, delimiter); i != NO_CELL; i = nextCell(i, delimiter)) {
            if (cellEnd > cellStart) {
                scan(cellStart, cellEnd);
                if (!scanFailed || isNonFiniteWord(cellStart, cellEnd)) {
                    return false;
                }
            }
        }
        return true;
    }

    /** No cell at the position given to {@link #nextCell}: the line has ended. */
    private static final int NO_CELL = -2;

    /**
     * Finds the cell at or after {@code i}: sets {@link #cellStart} and {@link #cellEnd} (blanks
     * and enclosing double quotes removed) and returns where the following cell starts, -1 after
     * the last cell, or {@link #NO_CELL} when no cell is left. Allocates nothing: this is the
     * inner loop of the reader.
     */
    private int nextCell(int i, byte delimiter) {
        if (i < 0) {
            return NO_CELL;
        }
        int s;
        int e;
        int next;
        if (delimiter == NONE) {
            i = skipBlanks(i);
            if (i >= lineLength) {
                return NO_CELL;
            }
            s = i;
            while (i < lineLength && !isBlank(line[i])) {
                i++;
            }
            e = i;
            next = skipBlanks(i);
            if (next >= lineLength) {
                next = -1;
            }
        } else {
            s = i;
            while (i < lineLength && line[i] != delimiter) {
                i++;
            }
            e = i;
            next = i < lineLength ? i + 1 : -1;
            while (s < e && isBlank(line[s])) {
                s++;
            }
            while (e > s && isBlank(line[e - 1])) {
                e--;
            }
        }
        if (e - s >= 2 && line[s] == '"' && line[e - 1] == '"') {
            s++;
            e--;
        }
        cellStart = s;
        cellEnd = e;
        return next;
    }

    /** Parses the cells of the current line into {@code out}; returns how many cells there were. */
    private int parseRow(int start, byte delimiter, double[] out, int dim) {
        int column = 0;
        for (int i = nextCell(start, delimiter); i != NO_CELL; i = nextCell(i, delimiter)) {
            column++;
            if (column <= dim) {
                out[column - 1] = parseCell(cellStart, cellEnd, column);
            }
        }
        return column;
    }

    private double parseCell(int s, int e, int column) {
        if (s == e) {
            throw InvalidInputException.of("%s: line %d, column %d: empty cell, expected a number", name, lineNumber, column);
        }
        double v = scan(s, e);
        if (!scanFailed) {
            if (Double.isInfinite(v)) {
                throw InvalidInputException.of("%s: line %d, column %d: value '%s' overflows a double (infinities are not allowed)",
                        name, lineNumber, column, new String(line, s, e - s, StandardCharsets.US_ASCII));
            }
            return v;
        }
        String text = new String(line, s, e - s, StandardCharsets.UTF_8);
        if (isNonFiniteWord(s, e)) {
            throw InvalidInputException.of("%s: line %d, column %d: value '%s' is not finite (NaN and infinities are not allowed)",
                    name, lineNumber, column, text);
        }
        throw InvalidInputException.of("%s: line %d, column %d: '%s' is not a number", name, lineNumber, column,
                text.length() > 40 ? text.substring(0, 40) + "..." : text);
    }

    private boolean isNonFiniteWord(int s, int e) {
        String t = new String(line, s, e - s, StandardCharsets.US_ASCII).toLowerCase(Locale.ROOT);
        if (t.startsWith("+") || t.startsWith("-")) {
            t = t.substring(1);
        }
        return t.equals("nan") || t.equals("inf") || t.equals("infinity");
    }

    /**
     * Scans a decimal number in {@code line[s, e)}; null when the syntax is not that of a decimal
     * number (then {@link #scanFailed} is set). Mantissas of at most 15 digits with decimal
     * exponents within +-22 are converted with one correctly rounded multiplication or division
     * (both operands exact); others by {@link EiselLemire} on the first 18 digits (when digits
     * were dropped, only if both ends of the interval they leave round to the same double); the
     * rare rest through {@link Double#parseDouble}. All three are correctly rounded, so the result is
     * always the double nearest to the decimal value.
     */
    private double scan(int s, int e) {
        scanFailed = true;
        int i = s;
        boolean negative = false;
        if (line[i] == '+' || line[i] == '-') {
            negative = line[i] == '-';
            i++;
        }
        long mantissa = 0;
        int digits = 0;
        int scale = 0;
        int intDigits = 0;
        // mantissa keeps the first 18 significant digits; inexact: a nonzero digit was dropped
        boolean inexact = false;
        while (i < e && line[i] >= '0' && line[i] <= '9') {
            if (digits < 18) {
                mantissa = mantissa * 10 + (line[i] - '0');
                if (mantissa != 0) {
                    digits++;
                }
            } else {
                scale++;
                inexact |= line[i] != '0';
            }
            intDigits++;
            i++;
        }
        int fracDigits = 0;
        if (i < e && line[i] == '.') {
            i++;
            while (i < e && line[i] >= '0' && line[i] <= '9') {
                if (digits < 18) {
                    mantissa = mantissa * 10 + (line[i] - '0');
                    if (mantissa != 0) {
                        digits++;
                    }
                    scale--;
                } else {
                    inexact |= line[i] != '0';
                }
                fracDigits++;
                i++;
            }
        }
        if (intDigits + fracDigits == 0) {
            return Double.NaN;
        }
        int exponent = 0;
        if (i < e && (line[i] == 'e' || line[i] == 'E')) {
            i++;
            boolean expNegative = false;
            if (i < e && (line[i] == '+' || line[i] == '-')) {
                expNegative = line[i] == '-';
                i++;
            }
            int expDigits = 0;
            while (i < e && line[i] >= '0' && line[i] <= '9') {
                if (exponent < 100_000) {
                    exponent = exponent * 10 + (line[i] - '0');
                }
                expDigits++;
                i++;
            }
            if (expDigits == 0) {
                return Double.NaN;
            }
            if (expNegative) {
                exponent = -exponent;
            }
        }
        if (i != e) {
            return Double.NaN;
        }
        scanFailed = false;
        double value;
        int p = scale + exponent;
        if (mantissa == 0) {
            value = 0.0;
        } else if (!inexact && digits <= 15 && p >= -22 && p <= 22) {
            value = p >= 0 ? mantissa * POW10[p] : mantissa / POW10[-p];
        } else {
            value = EiselLemire.toDouble(mantissa, p, false);
            // with dropped digits the value lies in (w, w + 1) 10^p: decided when both ends round alike
            if (inexact && !Double.isNaN(value) && value != EiselLemire.toDouble(mantissa + 1, p, false)) {
                value = Double.NaN;
            }
            if (Double.isNaN(value)) {
                // the syntax was checked above, so parseDouble sees no hex, suffix or word
                return Double.parseDouble(new String(line, s, e - s, StandardCharsets.US_ASCII));
            }
        }
        return negative ? -value : value;
    }
}
