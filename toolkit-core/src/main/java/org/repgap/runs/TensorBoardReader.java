package org.repgap.runs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.CRC32C;

/**
 * Scalars from TensorBoard event files ({@code events.out.tfevents.*}).
 *
 * <p>Framing (TFRecord): each record is {@code uint64 length}, {@code uint32 masked_crc32c(length)},
 * {@code data[length]}, {@code uint32 masked_crc32c(data)}, little-endian, with
 * {@code masked(c) = ((c >>> 15) | (c << 17)) + 0xa282ead8} over CRC-32C (Castagnoli).
 * Each record is a protobuf {@code Event} (field 2 {@code step}, field 5 {@code summary}); a
 * {@code Summary} holds repeated {@code value} (field 1) with {@code tag} (1) and either
 * {@code simple_value} (2, float) or a scalar {@code tensor} (8, a {@code TensorProto}, see
 * {@code tensorflow/core/framework/tensor.proto}). Every numeric dtype TensorBoard's
 * {@code tensor_util.make_ndarray} reads is read: float, double, half and bfloat16 (their bits in
 * {@code half_val}, 13), int8/16/32 and uint8/16 ({@code int_val}, 7), int64 ({@code int64_val}, 10),
 * bool ({@code bool_val}, 11), uint32 ({@code uint32_val}, 16), uint64 ({@code uint64_val}, 17),
 * or any of them as little-endian {@code tensor_content} (4). A tensor is a scalar when its
 * {@code tensor_shape} (2) has one element (no dimensions, or all of size 1); a larger shape is
 * not (TensorFlow repeats a single {@code *_val} to fill it). Tags holding something else (images,
 * histograms, audio, text, PR curves, non-scalar tensors) are recorded in {@link Run#otherTags()}
 * by what they hold, from the value field or the plugin name of {@code metadata} (9).
 */
public final class TensorBoardReader {
    private TensorBoardReader() {
    }

    /** The masked CRC-32C of TFRecord framing. */
    public static int maskedCrc32c(byte[] data, int offset, int length) {
        CRC32C crc = new CRC32C();
        crc.update(data, offset, length);
        int c = (int) crc.getValue();
        return ((c >>> 15) | (c << 17)) + 0xa282ead8;
    }

    /** Scalar series by tag from one event file, appended to {@code out}; returns the number of records read. */
    public static int read(Path file, Map<String, List<Run.MetricPoint>> out, ReadOptions o) {
        return read(file, out, new LinkedHashMap<>(), o);
    }

    /**
     * Scalar series by tag from one event file, appended to {@code out}; tags holding something
     * else go to {@code other} (tag to what it holds).
     *
     * @return the number of records read (with {@link ReadOptions#skipBad}: before the first damaged one)
     */
    public static int read(Path file, Map<String, List<Run.MetricPoint>> out, Map<String, String> other, ReadOptions o) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        int pos = 0;
        int records = 0;
        while (pos < bytes.length) {
            int start = pos;
            if (bytes.length - pos < 12) {
                o.bad(String.format(Locale.ROOT, "%s: truncated record header at byte offset %d (%d bytes left, 12 needed)",
                        file, start, bytes.length - pos));
                return records;
            }
            long length = b.getLong(pos);
            int lengthCrc = b.getInt(pos + 8);
            if (maskedCrc32c(bytes, pos, 8) != lengthCrc) {
                o.bad(String.format(Locale.ROOT, "%s: bad length CRC of the record at byte offset %d", file, start));
                return records;
            }
            pos += 12;
            if (length < 0 || length > bytes.length - pos - 4L) {
                o.bad(String.format(Locale.ROOT, "%s: truncated record at byte offset %d (length %d, %d bytes left)",
                        file, start, length, bytes.length - pos));
                return records;
            }
            int len = (int) length;
            if (maskedCrc32c(bytes, pos, len) != b.getInt(pos + len)) {
                o.bad(String.format(Locale.ROOT, "%s: bad data CRC of the record at byte offset %d", file, start));
                return records;
            }
            try {
                parseEvent(bytes, pos, pos + len, out, other);
            } catch (IllegalStateException e) {
                o.bad(String.format(Locale.ROOT, "%s: malformed Event protobuf in the record at byte offset %d: %s",
                        file, start, e.getMessage()));
                return records;
            }
            pos += len + 4;
            records++;
        }
        return records;
    }

    /** Minimal protobuf wire reader over a byte range. */
    private static final class Wire {
        final byte[] buf;
        int pos;
        final int end;

        Wire(byte[] buf, int pos, int end) {
            this.buf = buf;
            this.pos = pos;
            this.end = end;
        }

        boolean more() {
            return pos < end;
        }

        long varint() {
            long v = 0;
            for (int shift = 0; shift < 64; shift += 7) {
                if (pos >= end) {
                    throw new IllegalStateException("varint runs past the end");
                }
                byte x = buf[pos++];
                v |= (long) (x & 0x7f) << shift;
                if ((x & 0x80) == 0) {
                    return v;
                }
            }
            throw new IllegalStateException("varint longer than 10 bytes");
        }

        int lengthDelimited() {
            long len = varint();
            if (len < 0 || len > end - pos) {
                throw new IllegalStateException("field length " + len + " runs past the end");
            }
            return (int) len;
        }

        long fixed64() {
            need(8);
            long v = ByteBuffer.wrap(buf, pos, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
            pos += 8;
            return v;
        }

        int fixed32() {
            need(4);
            int v = ByteBuffer.wrap(buf, pos, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
            pos += 4;
            return v;
        }

        void need(int k) {
            if (end - pos < k) {
                throw new IllegalStateException("fixed-width field runs past the end");
            }
        }

        /** The next length-delimited field {@code field} as its own reader (others skipped), or null. */
        Wire next(int field) {
            while (more()) {
                long key = varint();
                if ((key >>> 3) == field && (key & 7) == 2) {
                    int len = lengthDelimited();
                    Wire sub = new Wire(buf, pos, pos + len);
                    pos += len;
                    return sub;
                }
                skip((int) (key & 7));
            }
            return null;
        }

        void skip(int wireType) {
            switch (wireType) {
                case 0 -> varint();
                case 1 -> {
                    need(8);
                    pos += 8;
                }
                case 2 -> {
                    int len = lengthDelimited();
                    pos += len;
                }
                case 5 -> {
                    need(4);
                    pos += 4;
                }
                default -> throw new IllegalStateException("unsupported wire type " + wireType);
            }
        }
    }

    private static void parseEvent(byte[] buf, int from, int to, Map<String, List<Run.MetricPoint>> out,
                                   Map<String, String> other) {
        Wire w = new Wire(buf, from, to);
        long step = 0;
        List<Object[]> values = new ArrayList<>();
        while (w.more()) {
            long key = w.varint();
            int field = (int) (key >>> 3);
            int type = (int) (key & 7);
            if (field == 2 && type == 0) {
                step = w.varint();
            } else if (field == 5 && type == 2) {
                int len = w.lengthDelimited();
                parseSummary(buf, w.pos, w.pos + len, values);
                w.pos += len;
            } else {
                w.skip(type);
            }
        }
        for (Object[] v : values) {
            if (v[1] instanceof Double d) {
                out.computeIfAbsent((String) v[0], k -> new ArrayList<>()).add(new Run.MetricPoint(step, d));
            } else {
                other.putIfAbsent((String) v[0], (String) v[1]);
            }
        }
    }

    private static void parseSummary(byte[] buf, int from, int to, List<Object[]> values) {
        Wire w = new Wire(buf, from, to);
        while (w.more()) {
            long key = w.varint();
            int field = (int) (key >>> 3);
            int type = (int) (key & 7);
            if (field == 1 && type == 2) {
                int len = w.lengthDelimited();
                Object[] v = parseValue(buf, w.pos, w.pos + len);
                if (v != null) {
                    values.add(v);
                }
                w.pos += len;
            } else {
                w.skip(type);
            }
        }
    }

    /** {@code {tag, Double value}} for a scalar, {@code {tag, String what}} for anything else, or null. */
    private static Object[] parseValue(byte[] buf, int from, int to) {
        Wire w = new Wire(buf, from, to);
        String tag = null;
        Double value = null;
        String what = null;
        String plugin = null;
        while (w.more()) {
            long key = w.varint();
            int field = (int) (key >>> 3);
            int type = (int) (key & 7);
            if (field == 1 && type == 2) {
                int len = w.lengthDelimited();
                tag = new String(buf, w.pos, len, java.nio.charset.StandardCharsets.UTF_8);
                w.pos += len;
            } else if (field == 2 && type == 5) {
                value = (double) Float.intBitsToFloat(w.fixed32());
            } else if (field == 8 && type == 2) {
                int len = w.lengthDelimited();
                Object t = parseTensor(buf, w.pos, w.pos + len);
                if (t instanceof Double d) {
                    value = d;
                } else {
                    what = (String) t;
                }
                w.pos += len;
            } else if (field == 9 && type == 2) {
                int len = w.lengthDelimited();
                plugin = pluginName(buf, w.pos, w.pos + len);
                w.pos += len;
            } else if ((field == 3 || field == 5) && type == 2) {
                what = "histograms";
                w.skip(type);
            } else if (field == 4 && type == 2) {
                what = "images";
                w.skip(type);
            } else if (field == 6 && type == 2) {
                what = "audio";
                w.skip(type);
            } else {
                w.skip(type);
            }
        }
        if (tag == null) {
            return null;
        }
        if (plugin != null && !plugin.equals("scalars") && !plugin.isEmpty()) {
            // a TF2 summary of another plugin (histograms, images, audio, text, pr_curves) is a tensor too
            return new Object[] {tag, PLUGIN_KINDS.getOrDefault(plugin, "data of the " + plugin + " plugin")};
        }
        if (value != null) {
            return new Object[] {tag, value};
        }
        return what == null ? null : new Object[] {tag, what};
    }

    private static final Map<String, String> PLUGIN_KINDS = Map.of("histograms", "histograms", "images", "images",
            "audio", "audio", "text", "text", "pr_curves", "PR curves", "hparams", "hyper-parameter metadata",
            "graph_keras_model", "a Keras model graph", "mesh", "meshes");

    /** {@code SummaryMetadata.plugin_data.plugin_name} (fields 1 and 1), or null. */
    private static String pluginName(byte[] buf, int from, int to) {
        Wire data = new Wire(buf, from, to).next(1);
        Wire name = data == null ? null : data.next(1);
        return name == null ? null : new String(buf, name.pos, name.end - name.pos, java.nio.charset.StandardCharsets.UTF_8);
    }

    /** TensorFlow {@code DataType} numbers of the numeric types read, to their element size in bytes. */
    private static final Map<Integer, Integer> ELEMENT_BYTES = Map.ofEntries(Map.entry(1, 4), Map.entry(2, 8),
            Map.entry(3, 4), Map.entry(4, 1), Map.entry(5, 2), Map.entry(6, 1), Map.entry(9, 8), Map.entry(10, 1),
            Map.entry(14, 2), Map.entry(17, 2), Map.entry(19, 2), Map.entry(22, 4), Map.entry(23, 8));

    private static final Map<Integer, String> DTYPE_NAMES = Map.ofEntries(Map.entry(7, "string"), Map.entry(8, "complex64"),
            Map.entry(18, "complex128"), Map.entry(20, "resource"), Map.entry(21, "variant"));

    /**
     * The value of a one-element tensor of a numeric dtype as a Double, or a String saying what the
     * tensor holds instead (its shape or dtype), or null for an empty numeric scalar.
     */
    private static Object parseTensor(byte[] buf, int from, int to) {
        Wire w = new Wire(buf, from, to);
        int dtype = 0;
        List<Double> vals = new ArrayList<>();
        byte[] content = null;
        long elements = 1;
        List<Long> dims = new ArrayList<>();
        while (w.more()) {
            long key = w.varint();
            int field = (int) (key >>> 3);
            int type = (int) (key & 7);
            if (field == 1 && type == 0) {
                dtype = (int) w.varint();
            } else if (field == 2 && type == 2) {
                int len = w.lengthDelimited();
                Wire sh = new Wire(buf, w.pos, w.pos + len);
                w.pos += len;
                while (sh.more()) {
                    long k = sh.varint();
                    if ((k >>> 3) == 2 && (k & 7) == 2) {
                        int l = sh.lengthDelimited();
                        Wire d = new Wire(buf, sh.pos, sh.pos + l);
                        sh.pos += l;
                        long size = 1;
                        while (d.more()) {
                            long dk = d.varint();
                            if ((dk >>> 3) == 1 && (dk & 7) == 0) {
                                size = d.varint();
                            } else {
                                d.skip((int) (dk & 7));
                            }
                        }
                        dims.add(size);
                        elements *= size;
                    } else {
                        sh.skip((int) (k & 7));
                    }
                }
            } else if (field == 4 && type == 2) {
                int len = w.lengthDelimited();
                content = java.util.Arrays.copyOfRange(buf, w.pos, w.pos + len);
                w.pos += len;
            } else if (field == 5) {
                readPacked(w, type, 5, () -> (double) Float.intBitsToFloat(w.fixed32()), vals);
            } else if (field == 6) {
                readPacked(w, type, 1, () -> Double.longBitsToDouble(w.fixed64()), vals);
            } else if (field == 7) {
                readPacked(w, type, 0, () -> (double) (int) w.varint(), vals);
            } else if (field == 10) {
                readPacked(w, type, 0, () -> (double) w.varint(), vals);
            } else if (field == 11) {
                readPacked(w, type, 0, () -> w.varint() != 0 ? 1.0 : 0.0, vals);
            } else if (field == 13) {
                // half_val: the 16-bit patterns of DT_HALF or DT_BFLOAT16 in int32s (decoded below by dtype)
                readPacked(w, type, 0, () -> (double) (w.varint() & 0xffff), vals);
            } else if (field == 16) {
                readPacked(w, type, 0, () -> (double) (w.varint() & 0xffffffffL), vals);
            } else if (field == 17) {
                readPacked(w, type, 0, () -> unsigned(w.varint()), vals);
            } else {
                w.skip(type);
            }
        }
        if (!ELEMENT_BYTES.containsKey(dtype)) {
            return "tensors of dtype " + DTYPE_NAMES.getOrDefault(dtype, Integer.toString(dtype));
        }
        if (elements != 1) {
            return "tensors of shape " + dims;
        }
        if (vals.isEmpty() && content != null && content.length == ELEMENT_BYTES.get(dtype)) {
            ByteBuffer c = ByteBuffer.wrap(content).order(ByteOrder.LITTLE_ENDIAN);
            vals.add(switch (dtype) {
                case 1 -> (double) c.getFloat(0);
                case 2 -> c.getDouble(0);
                case 3 -> (double) c.getInt(0);
                case 4 -> (double) (c.get(0) & 0xff);
                case 5 -> (double) c.getShort(0);
                case 6 -> (double) c.get(0);
                case 9 -> (double) c.getLong(0);
                case 10 -> c.get(0) != 0 ? 1.0 : 0.0;
                case 14, 19 -> (double) (c.getShort(0) & 0xffff);
                case 17 -> (double) (c.getShort(0) & 0xffff);
                case 22 -> (double) (c.getInt(0) & 0xffffffffL);
                default -> unsigned(c.getLong(0));
            });
        }
        if (vals.size() != 1) {
            return null;
        }
        double v = vals.get(0);
        if (dtype == 19) {
            return (double) halfToFloat((int) v);
        }
        if (dtype == 14) {
            return (double) Float.intBitsToFloat(((int) v) << 16);
        }
        return v;
    }

    /** An unsigned 64-bit integer as the nearest double. */
    private static double unsigned(long v) {
        return v >= 0 ? v : ((v >>> 1) | (v & 1)) * 2.0;
    }

    /** IEEE 754 binary16 bits to float (Java 17 has no {@code Float.float16ToFloat}). */
    static float halfToFloat(int h) {
        int sign = (h >>> 15) & 1;
        int exp = (h >>> 10) & 0x1f;
        int mant = h & 0x3ff;
        float v;
        if (exp == 0) {
            v = mant * 0x1p-24f;
        } else if (exp == 31) {
            v = mant == 0 ? Float.POSITIVE_INFINITY : Float.NaN;
        } else {
            v = Float.intBitsToFloat(((exp - 15 + 127) << 23) | (mant << 13));
        }
        return sign == 1 ? -v : v;
    }

    private static void readPacked(Wire w, int type, int elementType, java.util.function.DoubleSupplier element, List<Double> out) {
        if (type == 2) {
            int len = w.lengthDelimited();
            int end = w.pos + len;
            Wire inner = w;
            while (inner.pos < end) {
                out.add(element.getAsDouble());
            }
        } else if (type == elementType) {
            out.add(element.getAsDouble());
        } else {
            w.skip(type);
        }
    }

    /** Whether a file name is a TensorBoard event file. */
    public static boolean isEventFile(Path p) {
        return p.getFileName().toString().contains("tfevents");
    }

    /** Runs: one per directory holding event files (their scalars merged), parameters from a sibling {@code hparams.yaml}. */
    public static List<Run> readRuns(Path input, ReadOptions o) {
        List<Path> files = RunInputs.find(input, TensorBoardReader::isEventFile);
        Map<Path, List<Path>> byDir = new LinkedHashMap<>();
        for (Path f : files) {
            byDir.computeIfAbsent(f.getParent(), k -> new ArrayList<>()).add(f);
        }
        List<Run> runs = new ArrayList<>();
        Map<Path, Integer> records = new LinkedHashMap<>();
        for (Map.Entry<Path, List<Path>> e : byDir.entrySet()) {
            Map<String, List<Run.MetricPoint>> metrics = new LinkedHashMap<>();
            Map<String, String> other = new LinkedHashMap<>();
            for (Path f : e.getValue()) {
                records.put(f, read(f, metrics, other, o));
            }
            metrics.keySet().forEach(other::remove);
            Path hp = e.getKey().resolve("hparams.yaml");
            Map<String, String> params = Files.isRegularFile(hp) ? SimpleYaml.read(hp) : Map.of();
            runs.add(new Run(RunInputs.runName(input, e.getKey()), e.getKey().toString(), metrics, params, other));
        }
        if (!runs.isEmpty() && runs.stream().allMatch(r -> r.metrics().isEmpty())) {
            throw noScalars(input, records, runs);
        }
        return runs;
    }

    /** Event files named in {@link #noScalars}; the rest are counted. */
    private static final int NAMED_FILES = 4;

    /**
     * Event files without a single scalar value (empty, or only the header event and non-scalar tags): one line naming
     * each file and what it holds, instead of a "no such metric" error that lists no metrics (issue 12, defect 11).
     */
    private static org.repgap.InvalidInputException noScalars(Path input, Map<Path, Integer> records, List<Run> runs) {
        boolean directory = Files.isDirectory(input);
        List<String> files = new ArrayList<>();
        for (Map.Entry<Path, Integer> f : records.entrySet()) {
            if (files.size() == NAMED_FILES) {
                files.add((records.size() - NAMED_FILES) + " more");
                break;
            }
            String what = f.getValue() == 0 ? "empty" : f.getValue() + " record(s), none a scalar";
            files.add(directory ? input.relativize(f.getKey()) + " (" + what + ")" : what);
        }
        java.util.Set<String> other = new java.util.TreeSet<>();
        runs.forEach(r -> r.otherTags().forEach((tag, held) -> other.add(tag + " (" + held + ")")));
        return org.repgap.InvalidInputException.of("%s: no scalar records in %s%s; fitting needs scalars (add_scalar, tf.summary.scalar)",
                input, directory ? "its event files: " + String.join(", ", files) : "this event file (" + files.get(0) + ")",
                other.isEmpty() ? "" : "; other tags: " + String.join(", ", other));
    }
}
