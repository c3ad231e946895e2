package org.repgap.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import org.repgap.InvalidInputException;
import org.repgap.io.AtomicFiles;

/**
 * Reading and writing point clouds by file extension (case-insensitive).
 *
 * <h2>Formats read</h2>
 * <ul>
 * <li>{@code .csv}, {@code .tsv}, {@code .txt}: delimited text, one point per line. The delimiter
 * is detected on the first data line: the most frequent of tab, comma and semicolon, or runs of
 * blanks when none occurs. Lines that are empty or start with {@code #} are skipped; a first line
 * with no numeric cell is a header and skipped. Numbers are decimal ({@code 1}, {@code -2.5},
 * {@code 1.0E-5}), read to the nearest double (so a file written with {@code %.17g} or
 * {@link Double#toString} reads back bit-identically). The file is streamed twice (count, then
 * parse into one exactly sized array): about 8 bytes of memory per value.</li>
 * <li>{@code .npy}: NumPy format versions 1.0, 2.0 and 3.0; dtypes float32, float64, int32 and
 * int64, little- or big-endian, C or Fortran order. A 2-D array of shape {@code (n, d)} gives
 * {@code n} points of {@code R^d}; a 1-D array of length {@code n} gives {@code n} points of
 * {@code R^1} ({@code n x 1}). int64 values beyond {@code 2^53} are rounded to the nearest double.</li>
 * <li>{@code .npz}: a zip of {@code .npy} members as written by {@code np.savez} (stored) or
 * {@code np.savez_compressed} (deflated). The array is chosen by name, with or without the
 * {@code .npy} suffix; without a name the only member is read, and several members are an error
 * that lists them.</li>
 * </ul>
 * Every value must be finite. Malformed input raises an {@link InvalidInputException} whose one-line
 * message names the file, and the line and column (1-based, counting every line of a text file,
 * comments and header included) or the {@code .npz} member, the value found and what was expected.
 *
 * <h2>Formats written</h2>
 * {@code .csv} (comma-separated, no header, {@link Double#toString} of each value: the shortest
 * decimal that reads back to the same double) and {@code .npy} (version 1.0, {@code '<f8'}, C
 * order). Files are written atomically through {@link AtomicFiles}: a reader never sees a partial file.
 */
public final class PointClouds {
    private PointClouds() {
    }

    /** Extensions of delimited text files. */
    private static final List<String> TEXT = List.of(".csv", ".tsv", ".txt");

    /** Reads a point cloud; the format follows the extension. Same as {@code read(file, null)}. */
    public static PointCloud read(Path file) {
        return read(file, null);
    }

    /**
     * Reads a point cloud; the format follows the extension.
     *
     * @param arrayName for {@code .npz}: the member to read ({@code null}: the only one, or an error listing them);
     *     must be {@code null} or empty for other formats
     * @throws org.repgap.InvalidInputException for malformed input, naming file, row/column or member
     */
    public static PointCloud read(Path file, String arrayName) {
        String ext = extension(file);
        boolean named = arrayName != null && !arrayName.isEmpty();
        if (!ext.equals(".npz") && named) {
            throw InvalidInputException.of("%s: an array name ('%s') applies only to .npz files", file, arrayName);
        }
        checkReadable(file);
        if (!TEXT.contains(ext) && !ext.equals(".npy") && !ext.equals(".npz")) {
            throw InvalidInputException.of("%s: %s; expected .csv, .tsv, .txt, .npy or .npz", file,
                    ext.isEmpty() ? "no file extension, so no known format" : "unknown file type '" + ext + "'");
        }
        if (TEXT.contains(ext)) {
            return DelimitedTextReader.read(file);
        }
        try {
            if (ext.equals(".npy")) {
                try (InputStream in = new java.io.BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
                    PointCloud x = NpyFormat.read(in, file.toString());
                    NpyFormat.expectEnd(in, file.toString());
                    return x;
                }
            }
            return readNpz(file, named ? arrayName : null);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** Names of the arrays in an {@code .npz} file (member names without {@code .npy}), in archive order. */
    public static List<String> npzArrayNames(Path file) {
        checkReadable(file);
        try (ZipFile zip = openZip(file)) {
            return arrayNames(zip);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static PointCloud readNpz(Path file, String arrayName) throws IOException {
        try (ZipFile zip = openZip(file)) {
            List<String> names = arrayNames(zip);
            ZipEntry entry;
            if (arrayName == null) {
                if (names.isEmpty()) {
                    throw InvalidInputException.of("%s: the .npz archive holds no arrays", file);
                }
                if (names.size() > 1) {
                    throw InvalidInputException.of("%s: the .npz archive holds %d arrays (%s); choose one by name",
                            file, names.size(), String.join(", ", names));
                }
                entry = memberFor(zip, names.get(0));
            } else {
                String base = arrayName.endsWith(".npy") ? arrayName.substring(0, arrayName.length() - 4) : arrayName;
                entry = memberFor(zip, base);
                if (entry == null) {
                    throw InvalidInputException.of("%s: no array '%s' in the .npz archive; it holds: %s",
                            file, arrayName, names.isEmpty() ? "nothing" : String.join(", ", names));
                }
            }
            String source = file + " [" + stripNpy(entry.getName()) + "]";
            // ZipFile checks no CRC-32 (neither of stored nor of deflated members): NumPy does ("Bad CRC-32"), so do we
            java.util.zip.CheckedInputStream checked = new java.util.zip.CheckedInputStream(zip.getInputStream(entry),
                    new java.util.zip.CRC32());
            try (InputStream in = new java.io.BufferedInputStream(checked, 1 << 16)) {
                PointCloud x = NpyFormat.read(in, source);
                NpyFormat.expectEnd(in, source);
                long crc = checked.getChecksum().getValue();
                if (entry.getCrc() != -1 && crc != entry.getCrc()) {
                    throw InvalidInputException.of("%s: corrupt .npz member: its CRC-32 is %08x, the archive records %08x",
                            source, crc, entry.getCrc());
                }
                return x;
            } catch (ZipException e) {
                throw InvalidInputException.of("%s: corrupt .npz member (%s)", source, e.getMessage());
            }
        }
    }

    private static ZipFile openZip(Path file) throws IOException {
        try {
            return new ZipFile(file.toFile());
        } catch (ZipException e) {
            throw InvalidInputException.of("%s: not a valid .npz (zip) archive: %s", file, e.getMessage());
        }
    }

    private static List<String> arrayNames(ZipFile zip) {
        List<String> names = new ArrayList<>();
        for (Enumeration<? extends ZipEntry> en = zip.entries(); en.hasMoreElements();) {
            ZipEntry e = en.nextElement();
            if (!e.isDirectory()) {
                names.add(stripNpy(e.getName()));
            }
        }
        return names;
    }

    private static ZipEntry memberFor(ZipFile zip, String base) {
        ZipEntry e = zip.getEntry(base + ".npy");
        return e != null ? e : zip.getEntry(base);
    }

    private static String stripNpy(String member) {
        return member.endsWith(".npy") ? member.substring(0, member.length() - 4) : member;
    }

    private static void checkReadable(Path file) {
        if (!Files.exists(file)) {
            throw InvalidInputException.of("%s: file not found", file);
        }
        if (Files.isDirectory(file)) {
            // issue 12, defect 11: a directory without an extension was "unknown file type ''"
            throw InvalidInputException.of("%s: is a directory (%s); expected one point-cloud file: .csv, .tsv, .txt, .npy or .npz",
                    file, org.repgap.io.DirectoryContents.describe(file));
        }
        if (!Files.isReadable(file)) {
            throw InvalidInputException.of("%s: file is not readable (permission denied)", file);
        }
    }

    /**
     * Writes {@code .csv} or {@code .npy} (by extension) atomically.
     *
     * @throws InvalidInputException for another extension
     * @throws UncheckedIOException when the file cannot be written
     */
    public static void write(PointCloud x, Path file) {
        String ext = extension(file);
        AtomicFiles.Writer writer = switch (ext) {
            case ".csv" -> out -> writeCsv(x, out);
            case ".npy" -> out -> NpyFormat.write(x, out);
            default -> throw InvalidInputException.of("%s: cannot write file type '%s'; expected .csv or .npy", file, ext);
        };
        try {
            AtomicFiles.write(file, writer);
        } catch (AccessDeniedException e) {
            throw InvalidInputException.of("%s: cannot write: permission denied", file);
        } catch (java.nio.file.FileAlreadyExistsException e) {
            throw InvalidInputException.of("%s: cannot write: %s exists and is not a directory", file, e.getFile());
        } catch (FileSystemException e) {
            // e.g. a read-only file system
            throw InvalidInputException.of("%s: cannot write: %s", file, e.getReason() != null ? e.getReason() : e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    private static void writeCsv(PointCloud x, OutputStream out) throws IOException {
        StringBuilder sb = new StringBuilder(x.dim() * 24);
        double[] v = x.values();
        int dim = x.dim();
        for (int i = 0; i < x.n(); i++) {
            sb.setLength(0);
            for (int j = 0; j < dim; j++) {
                if (j > 0) {
                    sb.append(',');
                }
                sb.append(v[i * dim + j]);
            }
            sb.append('\n');
            out.write(sb.toString().getBytes(StandardCharsets.US_ASCII));
        }
    }

    /**
     * Number of duplicate rows: {@code n} minus the number of distinct rows. Rows are compared
     * exactly, value by value, with {@code 0.0} and {@code -0.0} equal (they are at distance 0).
     * Linear time and {@code 2n} ints of memory (hashing the row bits).
     */
    public static int duplicateCount(PointCloud x) {
        return x.n() - firstOccurrences(x).length;
    }

    /**
     * Indices of the first occurrence of each distinct row, increasing: {@code x.select(...)} of
     * this array removes exact duplicates (same equality as {@link #duplicateCount}).
     */
    public static int[] firstOccurrences(PointCloud x) {
        int n = x.n();
        int dim = x.dim();
        double[] v = x.values();
        // open addressing at load factor <= 1/2
        int capacity = (int) Math.min(1L << 30, Long.highestOneBit(Math.max(4L, 2L * n)) << 1);
        int mask = capacity - 1;
        int[] table = new int[capacity];
        java.util.Arrays.fill(table, -1);
        int[] keep = new int[n];
        int kept = 0;
        for (int i = 0; i < n; i++) {
            long h = 1125899906842597L;
            for (int j = 0; j < dim; j++) {
                h = 31 * h + Double.doubleToLongBits(v[i * dim + j] + 0.0);
            }
            int slot = (int) (h ^ (h >>> 29) ^ (h >>> 47)) & mask;
            boolean duplicate = false;
            while (table[slot] >= 0) {
                if (sameRow(v, dim, table[slot], i)) {
                    duplicate = true;
                    break;
                }
                slot = (slot + 1) & mask;
            }
            if (!duplicate) {
                table[slot] = i;
                keep[kept++] = i;
            }
        }
        return java.util.Arrays.copyOf(keep, kept);
    }

    private static boolean sameRow(double[] v, int dim, int a, int b) {
        for (int j = 0; j < dim; j++) {
            // == treats 0.0 and -0.0 as equal; NaN cannot occur in a PointCloud
            if (v[a * dim + j] != v[b * dim + j]) {
                return false;
            }
        }
        return true;
    }

    private static String extension(Path file) {
        Path name = file.getFileName();
        String s = name == null ? "" : name.toString().toLowerCase(Locale.ROOT);
        int dot = s.lastIndexOf('.');
        return dot < 0 ? "" : s.substring(dot);
    }
}
