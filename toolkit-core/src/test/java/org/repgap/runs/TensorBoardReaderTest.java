package org.repgap.runs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.repgap.InvalidInputException;

/**
 * TensorBoard event files built byte by byte here (TFRecord framing with masked CRC-32C, protobuf
 * {@code Event}/{@code Summary}/{@code TensorProto} as in tensorflow/core/util/event.proto and
 * framework/summary.proto), then corrupted.
 */
class TensorBoardReaderTest {

    @TempDir
    Path tmp;

    /** Known CRC-32C check value: crc32c("123456789") = 0xE3069283 (RFC 3720, appendix B.4). */
    @Test
    void maskedCrcUsesCastagnoliPolynomial() {
        byte[] data = "123456789".getBytes(StandardCharsets.US_ASCII);
        int crc = 0xE3069283;
        int masked = ((crc >>> 15) | (crc << 17)) + 0xa282ead8;
        assertEquals(masked, TensorBoardReader.maskedCrc32c(data, 0, data.length));
    }

    static void varint(ByteArrayOutputStream o, long v) {
        while ((v & ~0x7fL) != 0) {
            o.write((int) ((v & 0x7f) | 0x80));
            v >>>= 7;
        }
        o.write((int) v);
    }

    static void bytesField(ByteArrayOutputStream o, int field, byte[] b) {
        varint(o, ((long) field << 3) | 2);
        varint(o, b.length);
        o.writeBytes(b);
    }

    static byte[] le(int bytes, long v) {
        ByteBuffer b = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(v);
        return java.util.Arrays.copyOf(b.array(), bytes);
    }

    /** A summary value with {@code simple_value}. */
    static byte[] simpleValue(String tag, float v) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        bytesField(o, 1, tag.getBytes(StandardCharsets.UTF_8));
        varint(o, (2 << 3) | 5);
        o.writeBytes(le(4, Float.floatToIntBits(v)));
        return o.toByteArray();
    }

    /** A summary value with a scalar float tensor in packed {@code float_val}. */
    static byte[] tensorFloatValue(String tag, float v) {
        ByteArrayOutputStream t = new ByteArrayOutputStream();
        varint(t, (1 << 3));
        varint(t, 1);
        bytesField(t, 2, new byte[0]);
        bytesField(t, 5, le(4, Float.floatToIntBits(v)));
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        bytesField(o, 1, tag.getBytes(StandardCharsets.UTF_8));
        bytesField(o, 8, t.toByteArray());
        return o.toByteArray();
    }

    /** A summary value with a scalar double tensor in {@code tensor_content}. */
    static byte[] tensorContentValue(String tag, double v) {
        ByteArrayOutputStream t = new ByteArrayOutputStream();
        varint(t, (1 << 3));
        varint(t, 2);
        bytesField(t, 4, le(8, Double.doubleToLongBits(v)));
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        bytesField(o, 1, tag.getBytes(StandardCharsets.UTF_8));
        bytesField(o, 8, t.toByteArray());
        return o.toByteArray();
    }

    static byte[] event(long step, byte[]... values) {
        ByteArrayOutputStream summary = new ByteArrayOutputStream();
        for (byte[] v : values) {
            bytesField(summary, 1, v);
        }
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        varint(e, (1 << 3) | 1);
        e.writeBytes(le(8, Double.doubleToLongBits(1.7e9 + step)));
        varint(e, 2 << 3);
        varint(e, step);
        bytesField(e, 5, summary.toByteArray());
        return e.toByteArray();
    }

    static byte[] fileVersionEvent() {
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        varint(e, (1 << 3) | 1);
        e.writeBytes(le(8, Double.doubleToLongBits(1.7e9)));
        bytesField(e, 3, "brain.Event:2".getBytes(StandardCharsets.UTF_8));
        return e.toByteArray();
    }

    static byte[] frame(byte[] data) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        byte[] len = le(8, data.length);
        o.writeBytes(len);
        o.writeBytes(le(4, TensorBoardReader.maskedCrc32c(len, 0, 8)));
        o.writeBytes(data);
        o.writeBytes(le(4, TensorBoardReader.maskedCrc32c(data, 0, data.length)));
        return o.toByteArray();
    }

    /** Record start offsets, filled by {@link #writeRun}. */
    final List<Integer> offsets = new ArrayList<>();

    /** 10 steps: loss (simple_value) = 1/(step+1), acc (float tensor), lr (double tensor_content). */
    Path writeRun(Path dir) throws IOException {
        Files.createDirectories(dir);
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        offsets.clear();
        offsets.add(file.size());
        file.writeBytes(frame(fileVersionEvent()));
        for (int s = 0; s < 10; s++) {
            offsets.add(file.size());
            file.writeBytes(frame(event(100L * s, simpleValue("loss", 1f / (s + 1)), tensorFloatValue("acc", 0.5f + s / 100f),
                    tensorContentValue("lr", 1e-3 / (s + 1)))));
        }
        Path f = dir.resolve("events.out.tfevents.1700000000.host.1.0");
        Files.write(f, file.toByteArray());
        return f;
    }

    @Test
    void readsSimpleValuesAndScalarTensors() throws IOException {
        Path f = writeRun(tmp.resolve("run1"));
        Map<String, List<Run.MetricPoint>> m = new LinkedHashMap<>();
        TensorBoardReader.read(f, m, ReadOptions.strict());
        assertEquals(List.of("loss", "acc", "lr"), List.copyOf(m.keySet()));
        assertEquals(10, m.get("loss").size());
        assertEquals(300, m.get("loss").get(3).step());
        assertEquals(0.25, m.get("loss").get(3).value(), 1e-7);
        assertEquals(0.53, m.get("acc").get(3).value(), 1e-6);
        assertEquals(1e-3 / 4, m.get("lr").get(3).value(), 0.0);
    }

    /**
     * A summary value holding a tensor: {@code dtype}, a shape of {@code dims}, one field
     * {@code valField} of wire type {@code wire} with the raw {@code payload} (a packed run or one
     * fixed/varint element), and a plugin name in {@code metadata} when not null.
     */
    static byte[] tensorValue(String tag, int dtype, long[] dims, int valField, int wire, byte[] payload, String plugin) {
        ByteArrayOutputStream shape = new ByteArrayOutputStream();
        for (long d : dims) {
            ByteArrayOutputStream dim = new ByteArrayOutputStream();
            varint(dim, 1 << 3);
            varint(dim, d);
            bytesField(shape, 2, dim.toByteArray());
        }
        ByteArrayOutputStream t = new ByteArrayOutputStream();
        varint(t, 1 << 3);
        varint(t, dtype);
        bytesField(t, 2, shape.toByteArray());
        if (wire == 2) {
            bytesField(t, valField, payload);
        } else {
            varint(t, ((long) valField << 3) | wire);
            t.writeBytes(payload);
        }
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        bytesField(o, 1, tag.getBytes(StandardCharsets.UTF_8));
        if (plugin != null) {
            ByteArrayOutputStream pd = new ByteArrayOutputStream();
            bytesField(pd, 1, plugin.getBytes(StandardCharsets.UTF_8));
            ByteArrayOutputStream md = new ByteArrayOutputStream();
            bytesField(md, 1, pd.toByteArray());
            bytesField(o, 9, md.toByteArray());
        }
        bytesField(o, 8, t.toByteArray());
        return o.toByteArray();
    }

    static byte[] varints(long... v) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        for (long x : v) {
            varint(o, x);
        }
        return o.toByteArray();
    }

    /**
     * Issue 15 defect 6: every numeric dtype TensorBoard reads (DataType numbers and TensorProto
     * fields of tensorflow/core/framework/types.proto and tensor.proto), shape checks, and the type
     * of non-scalar tags named. Expected values are the IEEE/bfloat16 decodings of the bit patterns
     * (numpy: {@code np.float16(1/3) = 0.333251953125}, {@code 0x0001} = 2^-24, bfloat16
     * {@code 0x4049} = 3.140625).
     */
    @Test
    void readsEveryNumericDtypeChecksShapeAndNamesOtherTypes() throws IOException {
        long[] scalar = {};
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        file.writeBytes(frame(fileVersionEvent()));
        file.writeBytes(frame(event(1,
                tensorValue("half", 19, scalar, 13, 2, varints(0x3555), "scalars"),
                tensorValue("half_sub", 19, scalar, 13, 0, varints(0x0001), null),
                tensorValue("half_neg_content", 19, scalar, 4, 2, le(2, 0xC000), null),
                tensorValue("bf16", 14, scalar, 13, 2, varints(0x4049), null),
                tensorValue("bf16_content", 14, scalar, 4, 2, le(2, 0x3F80), null),
                tensorValue("flag", 10, scalar, 11, 2, varints(1), null),
                tensorValue("u32", 22, scalar, 16, 2, varints(0xffffffffL), null),
                tensorValue("u64", 23, scalar, 17, 2, varints(-1L), null),
                tensorValue("u64_content", 23, scalar, 4, 2, le(8, -1L), null),
                tensorValue("i8_content", 6, scalar, 4, 2, le(1, 0xfe), null),
                tensorValue("ones_shape", 1, new long[] {1, 1}, 5, 2, le(4, Float.floatToIntBits(2.5f)), null),
                tensorValue("vector", 1, new long[] {3}, 5, 2, le(4, Float.floatToIntBits(2.5f)), null),
                tensorValue("weights", 1, new long[] {30}, 4, 2, new byte[120], "histograms"),
                tensorValue("note", 7, scalar, 8, 2, "hello".getBytes(StandardCharsets.UTF_8), "text"))));
        Path dir = tmp.resolve("dtypes");
        Files.createDirectories(dir);
        Files.write(dir.resolve("events.out.tfevents.1700000000.host.2.0"), file.toByteArray());
        List<Run> runs = TensorBoardReader.readRuns(dir, ReadOptions.strict());
        Map<String, List<Run.MetricPoint>> m = runs.get(0).metrics();
        assertEquals(0.333251953125, m.get("half").get(0).value(), 0.0);
        assertEquals(0x1p-24, m.get("half_sub").get(0).value(), 0.0);
        assertEquals(-2.0, m.get("half_neg_content").get(0).value(), 0.0);
        assertEquals(3.140625, m.get("bf16").get(0).value(), 0.0);
        assertEquals(1.0, m.get("bf16_content").get(0).value(), 0.0);
        assertEquals(1.0, m.get("flag").get(0).value(), 0.0);
        assertEquals(4294967295.0, m.get("u32").get(0).value(), 0.0);
        assertEquals(18446744073709551615.0, m.get("u64").get(0).value(), 0.0);
        assertEquals(18446744073709551615.0, m.get("u64_content").get(0).value(), 0.0);
        assertEquals(-2.0, m.get("i8_content").get(0).value(), 0.0);
        assertEquals(2.5, m.get("ones_shape").get(0).value(), 0.0, "shape [1, 1] has one element");
        assertTrue(!m.containsKey("vector") && !m.containsKey("weights") && !m.containsKey("note"), m.keySet().toString());
        Map<String, String> other = runs.get(0).otherTags();
        assertEquals("tensors of shape [3]", other.get("vector"));
        assertEquals("histograms", other.get("weights"));
        assertEquals("text", other.get("note"));
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> RunInputs.read(dir, RunFormat.TENSORBOARD,
                new RunInputs.Selection(List.of("step"), "weights", Reduce.last()), ReadOptions.strict()));
        assertTrue(e.getMessage().contains("--y weights: this tag holds histograms, not scalars"), e.getMessage());
        e = assertThrows(InvalidInputException.class, () -> RunInputs.read(dir, RunFormat.TENSORBOARD,
                new RunInputs.Selection(List.of("step"), "vector", Reduce.last()), ReadOptions.strict()));
        assertTrue(e.getMessage().contains("holds tensors of shape [3]"), e.getMessage());
    }

    /**
     * Event files without scalars (issue 12, defect 11: an empty one gave "metrics: ; parameters: (none)"): one line
     * naming the file and what it holds, whether it is given as a directory or as the file itself.
     */
    @Test
    void noScalarsNamesTheFileAndWhatItHolds() throws IOException {
        RunInputs.Selection loss = new RunInputs.Selection(List.of("step"), "loss", Reduce.last());
        Path dir = tmp.resolve("header-only");
        Files.createDirectories(dir);
        Path header = Files.write(dir.resolve("events.out.tfevents.1700000000.host.3.0"), frame(fileVersionEvent()));
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> RunInputs.read(dir, RunFormat.TENSORBOARD, loss, ReadOptions.strict()));
        assertEquals(dir + ": no scalar records in its event files: events.out.tfevents.1700000000.host.3.0 (1 record(s), "
                + "none a scalar); fitting needs scalars (add_scalar, tf.summary.scalar)", e.getMessage());
        Path empty = Files.createDirectories(tmp.resolve("empty")).resolve("events.out.tfevents.1700000001.host");
        Files.write(empty, new byte[0]);
        for (Path input : List.of(empty, empty.getParent())) {
            e = assertThrows(InvalidInputException.class, () -> RunInputs.read(input, RunFormat.AUTO, loss, ReadOptions.strict()));
            assertTrue(e.getMessage().startsWith(input + ": no scalar records in ") && e.getMessage().contains("(empty)")
                    && !e.getMessage().contains("metrics: ;"), e.getMessage());
        }
        assertTrue(e.getMessage().contains("events.out.tfevents.1700000001.host (empty)"), e.getMessage());
        // a run with scalars beside an empty file is read as usual
        writeRun(dir.resolve("good"));
        assertEquals(10, RunInputs.read(dir, RunFormat.AUTO, loss, ReadOptions.strict()).size());
        assertTrue(Files.exists(header));
    }

    @Test
    void stepCurveOfOneRunThroughRunInputs() throws IOException {
        writeRun(tmp.resolve("run1"));
        Table t = RunInputs.read(tmp, RunFormat.AUTO, new RunInputs.Selection(List.of("step"), "loss", Reduce.last()),
                ReadOptions.strict());
        assertEquals(10, t.size());
        assertEquals(900, t.number(9, "step"), 0);
        assertEquals(0.1, t.number(9, "loss"), 1e-7);
        assertEquals("run1", t.cell(0, "run"));
    }

    /**
     * Issue 15 defect 5: Keras writes {@code train/} and {@code validation/} runs with the same tag;
     * a step curve of both must not be their mean per step.
     */
    @Test
    void stepCurvesOfSeveralRunsAreNeverAveraged() throws IOException {
        writeRun(tmp.resolve("train"));
        writeRun(tmp.resolve("validation"));
        RunInputs.Selection plain = new RunInputs.Selection(List.of("step"), "loss", Reduce.last());
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> RunInputs.read(tmp, RunFormat.AUTO, plain, ReadOptions.strict()));
        assertTrue(e.getMessage().contains("2 runs log loss (train, validation)") && e.getMessage().contains("--group-by run"),
                e.getMessage());
        Table t = RunInputs.read(tmp, RunFormat.AUTO, new RunInputs.Selection(List.of("step"), "loss", Reduce.last(), List.of("run")),
                ReadOptions.strict());
        assertEquals(20, t.size(), "each run's 10 steps kept, under its own run name");
        assertEquals(java.util.Set.of("train", "validation"), java.util.Set.of(t.cell(0, "run"), t.cell(19, "run")));
    }

    @Test
    void badDataCrcNamesFileAndOffsetOrIsSkipped() throws IOException {
        Path f = writeRun(tmp.resolve("run1"));
        byte[] b = Files.readAllBytes(f);
        int bad = offsets.get(6);
        b[bad + 12 + 5] ^= 0x40;
        Files.write(f, b);
        Map<String, List<Run.MetricPoint>> m = new LinkedHashMap<>();
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> TensorBoardReader.read(f, m, ReadOptions.strict()));
        assertTrue(e.getMessage().contains(f.toString()) && e.getMessage().contains("bad data CRC")
                && e.getMessage().contains("offset " + bad), e.getMessage());
        List<String> warnings = new ArrayList<>();
        Map<String, List<Run.MetricPoint>> kept = new LinkedHashMap<>();
        TensorBoardReader.read(f, kept, new ReadOptions(true, warnings::add));
        assertEquals(5, kept.get("loss").size(), "the five records before the corrupt one");
        assertEquals(1, warnings.size());
    }

    @Test
    void badLengthCrcAndTruncationAreReported() throws IOException {
        Path f = writeRun(tmp.resolve("run1"));
        byte[] b = Files.readAllBytes(f);
        byte[] lengthCorrupt = b.clone();
        lengthCorrupt[offsets.get(2)] ^= 0x01;
        Files.write(f, lengthCorrupt);
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> TensorBoardReader.read(f, new LinkedHashMap<>(), ReadOptions.strict()));
        assertTrue(e.getMessage().contains("bad length CRC") && e.getMessage().contains("offset " + offsets.get(2)), e.getMessage());

        int cut = offsets.get(8) + 20;
        Files.write(f, java.util.Arrays.copyOf(b, cut));
        e = assertThrows(InvalidInputException.class, () -> TensorBoardReader.read(f, new LinkedHashMap<>(), ReadOptions.strict()));
        assertTrue(e.getMessage().contains("truncated record") && e.getMessage().contains("offset " + offsets.get(8)), e.getMessage());
        Map<String, List<Run.MetricPoint>> kept = new LinkedHashMap<>();
        TensorBoardReader.read(f, kept, new ReadOptions(true, w -> { }));
        assertEquals(7, kept.get("loss").size());

        Files.write(f, java.util.Arrays.copyOf(b, offsets.get(3) + 5));
        e = assertThrows(InvalidInputException.class, () -> TensorBoardReader.read(f, new LinkedHashMap<>(), ReadOptions.strict()));
        assertTrue(e.getMessage().contains("truncated record header") && e.getMessage().contains("offset " + offsets.get(3)), e.getMessage());
    }

    @Test
    void malformedProtobufWithValidCrcIsReported() throws IOException {
        Path dir = tmp.resolve("run2");
        Files.createDirectories(dir);
        byte[] junk = {(byte) 0x2a, (byte) 0x7f, 0x01};
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        o.writeBytes(frame(fileVersionEvent()));
        int off = o.size();
        o.writeBytes(frame(junk));
        Path f = dir.resolve("events.out.tfevents.1.host");
        Files.write(f, o.toByteArray());
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> TensorBoardReader.read(f, new LinkedHashMap<>(), ReadOptions.strict()));
        assertTrue(e.getMessage().contains("malformed Event protobuf") && e.getMessage().contains("offset " + off), e.getMessage());
    }

    @Test
    void manyRunsGiveOnePointPerRunWithHparams() throws IOException {
        for (int n : new int[] {100, 200, 400}) {
            Path dir = tmp.resolve("n" + n);
            Files.createDirectories(dir);
            ByteArrayOutputStream o = new ByteArrayOutputStream();
            o.writeBytes(frame(event(1, simpleValue("test_loss", (float) (9.0 / n)))));
            o.writeBytes(frame(event(2, simpleValue("test_loss", (float) (2.0 / Math.sqrt(n))))));
            Files.write(dir.resolve("events.out.tfevents.0.h"), o.toByteArray());
            Files.writeString(dir.resolve("hparams.yaml"), "n: " + n + "\nlr: 0.001\n");
        }
        Table t = RunInputs.read(tmp, RunFormat.TENSORBOARD, new RunInputs.Selection(List.of("n"), "test_loss", Reduce.last()),
                ReadOptions.strict());
        assertEquals(3, t.size());
        assertEquals(200, t.number(1, "n"), 0);
        assertEquals(2.0 / Math.sqrt(200), t.number(1, "test_loss"), 1e-7);
        Table tmin = RunInputs.read(tmp, RunFormat.TENSORBOARD, new RunInputs.Selection(List.of("n"), "test_loss", Reduce.parse("min")),
                ReadOptions.strict());
        assertEquals(Math.min(9.0 / 200, 2.0 / Math.sqrt(200)), tmin.number(1, "test_loss"), 1e-7);
    }
}
