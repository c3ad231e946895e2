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
 * {@code simple_value} (2, float) or a scalar {@code tensor} (8, a {@code TensorProto} with
 * {@code dtype} (1) and {@code float_val} (5), {@code double_val} (6), {@code int_val} (7),
 * {@code int64_val} (10) or {@code tensor_content} (4)). Other events and non-scalar values are skipped.
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

    /** Scalar series by tag from one event file, appended to {@code out}. */
    public static void read(Path file, Map<String, List<Run.MetricPoint>> out, ReadOptions o) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        int pos = 0;
        while (pos < bytes.length) {
            int start = pos;
            if (bytes.length - pos < 12) {
                o.bad(String.format(Locale.ROOT, "%s: truncated record header at byte offset %d (%d bytes left, 12 needed)",
                        file, start, bytes.length - pos));
                return;
            }
            long length = b.getLong(pos);
            int lengthCrc = b.getInt(pos + 8);
            if (maskedCrc32c(bytes, pos, 8) != lengthCrc) {
                o.bad(String.format(Locale.ROOT, "%s: bad length CRC of the record at byte offset %d", file, start));
                return;
            }
            pos += 12;
            if (length < 0 || length > bytes.length - pos - 4L) {
                o.bad(String.format(Locale.ROOT, "%s: truncated record at byte offset %d (length %d, %d bytes left)",
                        file, start, length, bytes.length - pos));
                return;
            }
            int len = (int) length;
            if (maskedCrc32c(bytes, pos, len) != b.getInt(pos + len)) {
                o.bad(String.format(Locale.ROOT, "%s: bad data CRC of the record at byte offset %d", file, start));
                return;
            }
            try {
                parseEvent(bytes, pos, pos + len, out);
            } catch (IllegalStateException e) {
                o.bad(String.format(Locale.ROOT, "%s: malformed Event protobuf in the record at byte offset %d: %s",
                        file, start, e.getMessage()));
                return;
            }
            pos += len + 4;
        }
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

    private static void parseEvent(byte[] buf, int from, int to, Map<String, List<Run.MetricPoint>> out) {
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
            out.computeIfAbsent((String) v[0], k -> new ArrayList<>()).add(new Run.MetricPoint(step, (Double) v[1]));
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

    private static Object[] parseValue(byte[] buf, int from, int to) {
        Wire w = new Wire(buf, from, to);
        String tag = null;
        Double value = null;
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
                value = parseScalarTensor(buf, w.pos, w.pos + len);
                w.pos += len;
            } else {
                w.skip(type);
            }
        }
        return tag != null && value != null ? new Object[] {tag, value} : null;
    }

    /** The value of a one-element tensor of a numeric dtype, or null. */
    private static Double parseScalarTensor(byte[] buf, int from, int to) {
        Wire w = new Wire(buf, from, to);
        int dtype = 0;
        List<Double> vals = new ArrayList<>();
        byte[] content = null;
        while (w.more()) {
            long key = w.varint();
            int field = (int) (key >>> 3);
            int type = (int) (key & 7);
            if (field == 1 && type == 0) {
                dtype = (int) w.varint();
            } else if (field == 4 && type == 2) {
                int len = w.lengthDelimited();
                content = java.util.Arrays.copyOfRange(buf, w.pos, w.pos + len);
                w.pos += len;
            } else if (field == 5) {
                readPacked(w, type, 5, () -> (double) Float.intBitsToFloat(w.fixed32()), vals);
            } else if (field == 6) {
                readPacked(w, type, 1, () -> Double.longBitsToDouble(w.fixed64()), vals);
            } else if (field == 7 || field == 10) {
                readPacked(w, type, 0, () -> field == 7 ? (double) (int) w.varint() : (double) w.varint(), vals);
            } else {
                w.skip(type);
            }
        }
        if (content != null && vals.isEmpty()) {
            ByteBuffer c = ByteBuffer.wrap(content).order(ByteOrder.LITTLE_ENDIAN);
            switch (dtype) {
                case 1 -> {
                    if (content.length == 4) {
                        vals.add((double) c.getFloat(0));
                    }
                }
                case 2 -> {
                    if (content.length == 8) {
                        vals.add(c.getDouble(0));
                    }
                }
                case 3 -> {
                    if (content.length == 4) {
                        vals.add((double) c.getInt(0));
                    }
                }
                case 9 -> {
                    if (content.length == 8) {
                        vals.add((double) c.getLong(0));
                    }
                }
                default -> {
                }
            }
        }
        return vals.size() == 1 ? vals.get(0) : null;
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
        for (Map.Entry<Path, List<Path>> e : byDir.entrySet()) {
            Map<String, List<Run.MetricPoint>> metrics = new LinkedHashMap<>();
            for (Path f : e.getValue()) {
                read(f, metrics, o);
            }
            Path hp = e.getKey().resolve("hparams.yaml");
            Map<String, String> params = Files.isRegularFile(hp) ? SimpleYaml.read(hp) : Map.of();
            runs.add(new Run(RunInputs.runName(input, e.getKey()), e.getKey().toString(), metrics, params));
        }
        return runs;
    }
}
