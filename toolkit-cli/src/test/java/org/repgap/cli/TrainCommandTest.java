package org.repgap.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

class TrainCommandTest {

    private record Run(int code, String out, String err) {
    }

    private static Run run(String... args) {
        CommandLine cl = Repgap.commandLine();
        StringWriter err = new StringWriter();
        cl.setErr(new PrintWriter(err));
        cl.setOut(new PrintWriter(new StringWriter()));
        PrintStream old = System.out;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
        try {
            int code = cl.execute(args);
            return new Run(code, buf.toString(StandardCharsets.UTF_8), err.toString());
        } finally {
            System.setOut(old);
        }
    }

    private static String[] withOptions(String[] args, String... more) {
        return java.util.stream.Stream.concat(java.util.Arrays.stream(args), java.util.Arrays.stream(more)).toArray(String[]::new);
    }

    private static String[] args(Path dir, String steps) {
        return new String[] {"train", "--dataset", "sign-vectors:3:2", "--sizes", "8,16", "--steps", steps, "--width", "16",
            "--batch", "32", "--test-size", "64", "--threads", "1", "--out", dir.toString()};
    }

    /**
     * Issue 12, defect 5: a named data set is drawn once per sweep directory. Adding a size on resume draws the
     * same points (the n = 8 row keeps its ideal_rg to the last digit; before the fix the pool grew with the largest
     * size and was drawn differently), and another --dataset-size is refused, naming the difference.
     */
    @Test
    void resumingWithMoreSizesKeepsTheDrawOfANamedDataSet(@TempDir Path dir) throws Exception {
        String[] common = {"train", "--dataset", "sphere:2", "--steps", "20", "--width", "8", "--batch", "16", "--test-size", "32",
            "--threads", "1", "--out", dir.toString()};
        Run first = run(concat(common, "--sizes", "8"));
        assertEquals(0, first.code(), first.err());
        String row8 = Files.readAllLines(dir.resolve("runs.csv")).get(1);
        Run more = run(concat(common, "--sizes", "8,16"));
        assertEquals(0, more.code(), more.err());
        assertTrue(more.out().contains("2 runs (1 trained, 1 already done)"), more.out());
        assertEquals(row8, Files.readAllLines(dir.resolve("runs.csv")).get(1));
        assertTrue(Files.readString(dir.resolve("config.json")).replaceAll("\\s", "").contains("\"sizes\":[8,16]"), "grid recorded");
        Run other = run(concat(common, "--sizes", "8", "--dataset-size", "300"));
        assertEquals(2, other.code());
        assertTrue(other.err().contains("data_points was 72, now 300"), other.err());
    }

    /**
     * A run whose training diverges (session 6: ACE on signs at the default learning rate) ends the sweep with one
     * line naming the runs and the remedy, exit 2, and leaves no half-written run: before, the first diverged run
     * stopped the sweep with "internal error" and a stack trace. A learning rate of 1000 makes every run diverge.
     */
    @Test
    void divergedRunsAreNamedWithTheRemedyAndLeaveNothingHalfWritten(@TempDir Path dir) throws Exception {
        Run r = run("train", "--dataset", "sign-vectors:3:2", "--group", "signs", "--equivariance", "none,layers", "--sizes", "8",
                "--lr", "1000", "--steps", "40", "--width", "16", "--batch", "32", "--test-size", "64", "--threads", "1",
                "--out", dir.toString());
        assertEquals(2, r.code(), r.err());
        String line = r.err().strip();
        assertEquals(1, line.lines().count(), line);
        assertTrue(line.contains("2 of 2 runs diverged and were not saved (layers-n8-s0, none-n8-s0)"), line);
        assertTrue(line.contains("use a lower --lr"), line);
        for (String id : List.of("layers-n8-s0", "none-n8-s0")) {
            try (var files = Files.list(dir.resolve("runs").resolve(id))) {
                assertEquals(0, files.count(), id + " left files");
            }
        }
        assertEquals(1, Files.readAllLines(dir.resolve("runs.csv")).size(), "header only");
    }

    private static String[] concat(String[] a, String... b) {
        String[] c = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }

    /** The sweep's law checks: printed after training, and by 'repgap fit --input DIR' in text, JSON and CSV. */
    @Test
    void lawChecksAreReportedAfterTheSweepAndByFit(@TempDir Path dir) throws Exception {
        Run train = run(args(dir, "40"));
        assertEquals(0, train.code(), train.err());
        assertTrue(train.out().contains("Law checks: sign-vectors:3:2, group none"), train.out());
        assertTrue(Files.exists(dir.resolve("dimensions.json")));
        Run text = run("fit", "--input", dir.resolve("runs.csv").toString());
        assertEquals(0, text.code(), text.err());
        assertTrue(text.out().contains("exponent (memorisation)"), text.out());
        assertTrue(text.out().contains("(-2/d)"), text.out());
        Run json = run("fit", "--input", dir.toString(), "--format", "json");
        assertEquals(0, json.code(), json.err());
        var tree = org.repgap.json.Json.mapper().readTree(json.out());
        assertEquals("repgap.sweep-laws/1", tree.get("schema").asText());
        assertEquals(2, tree.at("/result/mechanisms/0/sizes").size());
        Run csv = run("fit", "--input", dir.toString(), "--format", "csv", "--sigma-factor", "0.1");
        assertEquals(0, csv.code(), csv.err());
        assertEquals(3, csv.out().strip().split("\n").length, csv.out());
        Run noY = run("fit", "--input", dir.resolve("config.json").toString());
        assertEquals(2, noY.code());
        assertTrue(noY.err().contains("--x and --y are required"), noY.err());
    }

    /** ACE logs one gamma, dual and slack per layer (depth 3: three hidden layers and the output layer). */
    @Test
    void aceHistoryHasOneColumnPerLayer(@TempDir Path dir) throws Exception {
        Run r = run("train", "--dataset", "sign-vectors:3:2", "--group", "signs", "--equivariance", "ace", "--ace-resilient",
                "--sizes", "8", "--steps", "20", "--width", "8", "--depth", "3", "--batch", "16", "--test-size", "32",
                "--threads", "1", "--out", dir.toString());
        assertEquals(0, r.code(), r.err());
        List<String> h = Files.readAllLines(dir.resolve("runs/ace-n8-s0/history.csv"));
        assertEquals("step,loss,lr,gamma_0,gamma_1,gamma_2,gamma_3,dual_0,dual_1,dual_2,dual_3,slack_0,slack_1,slack_2,slack_3",
                h.get(0));
        assertEquals(15, h.get(h.size() - 1).split(",").length);
    }

    @Test
    void sweepWritesTidyTablesAndResumes(@TempDir Path dir) throws Exception {
        Run first = run(args(dir, "40"));
        assertEquals(0, first.code(), first.err());
        assertTrue(first.out().contains("2 runs (2 trained, 0 already done)"), first.out());
        List<String> runs = Files.readAllLines(dir.resolve("runs.csv"));
        assertEquals("run_id,n,seed,group,equivariance,steps,final_loss,sample_rg,ideal_rg,n_eff,sample_rg_plain,ideal_rg_plain,"
                + "n_eff_plain,memorization,equivariance_error,seconds", runs.get(0));
        assertEquals(3, runs.size());
        assertTrue(runs.get(1).startsWith("none-n8-s0,8,0,none,none,40,"), runs.get(1));
        List<String> sigmas = Files.readAllLines(dir.resolve("sigmas.csv"));
        assertEquals("run_id,sigma,train_loss,test_loss,gap,ideal_gap,ideal_plain_gap", sigmas.get(0));
        assertEquals(1 + 2 * 10, sigmas.size());
        assertTrue(Files.exists(dir.resolve("runs/none-n16-s0/checkpoint.bin")));
        assertTrue(Files.readAllLines(dir.resolve("runs/none-n16-s0/history.csv")).get(0).equals("step,loss,lr,gamma_0,dual_0,slack_0"));

        Run again = run(args(dir, "40"));
        assertEquals(0, again.code(), again.err());
        assertTrue(again.out().contains("2 runs (0 trained, 2 already done)"), again.out());
        assertEquals(runs, Files.readAllLines(dir.resolve("runs.csv")));

        // an interrupted run (directory without result.json) restarts cleanly
        Path interrupted = dir.resolve("runs/none-n16-s0");
        Files.delete(interrupted.resolve("result.json"));
        Files.writeString(interrupted.resolve(".history.csv.123.tmp"), "half");
        Run resumed = run(args(dir, "40"));
        assertEquals(0, resumed.code(), resumed.err());
        assertTrue(resumed.out().contains("2 runs (1 trained, 1 already done)"), resumed.out());
        assertTrue(Files.notExists(interrupted.resolve(".history.csv.123.tmp")));
        assertEquals(runs.get(2).split(",")[7], Files.readAllLines(dir.resolve("runs.csv")).get(2).split(",")[7],
                "same seed, same sample_rg");

        Run changed = run(args(dir, "50"));
        assertEquals(2, changed.code());
        assertTrue(changed.err().contains("steps was 40, now 50"), changed.err());

        // another training noise law is another sweep
        Run otherNoise = run(withOptions(args(dir, "40"), "--p-mean", "-2"));
        assertEquals(2, otherNoise.code());
        assertTrue(otherNoise.err().contains("p_mean was -2.5, now -2.0"), otherNoise.err());

        // a sweep written before the noise law was an option (no p_mean / p_std in config.json) used EDM's -1.2:
        // the new default (-2.5) is another sweep, named; --p-mean -1.2 resumes it
        Path config = dir.resolve("config.json");
        String withLaw = Files.readString(config);
        String withoutLaw = withLaw.replaceAll("\\s*\"p_mean\"\\s*:\\s*-2\\.5\\s*,", "").replaceAll("\\s*\"p_std\"\\s*:\\s*1\\.2\\s*,", "");
        assertTrue(!withoutLaw.contains("p_mean") && !withoutLaw.contains("p_std"), withoutLaw);
        Files.writeString(config, withoutLaw);
        Run oldWithDefault = run(args(dir, "40"));
        assertEquals(2, oldWithDefault.code());
        assertTrue(oldWithDefault.err().contains("p_mean was -1.2, now -2.5"), oldWithDefault.err());
        Run old = run(withOptions(args(dir, "40"), "--p-mean", "-1.2"));
        assertEquals(0, old.code(), old.err());
        assertTrue(old.out().contains("2 runs (0 trained, 2 already done)"), old.out());
    }

    /**
     * {@code --equivariance layers} for {@code perm:4} (DeepSets) and {@code cyclic} (circular convolutions): the runs
     * complete and the measured equivariance error (a mean squared difference of O(1) outputs computed in float32) is at
     * rounding level, far below 1e-9; the plain network's error is far above it.
     */
    @ParameterizedTest
    @CsvSource({"rotated-clouds:4:2, perm:4", "shifted-signals:8:2, cyclic"})
    void equivariantLayersTrainWithRoundingLevelEquivarianceError(String dataset, String group, @TempDir Path dir)
            throws Exception {
        Run r = run("train", "--dataset", dataset, "--group", group, "--equivariance", "none,layers", "--sizes", "8",
                "--steps", "20", "--width", "8", "--depth", "2", "--batch", "16", "--test-size", "32", "--sample-factor", "1",
                "--threads", "1", "--out", dir.toString());
        assertEquals(0, r.code(), r.err());
        List<String> runs = Files.readAllLines(dir.resolve("runs.csv"));
        assertEquals(3, runs.size(), String.join("\n", runs));
        int col = List.of(runs.get(0).split(",")).indexOf("equivariance_error");
        for (String row : runs.subList(1, runs.size())) {
            String[] f = row.split(",");
            double err = Double.parseDouble(f[col]);
            if (f[4].equals("layers")) {
                assertTrue(err < 1e-9, row);
            } else {
                assertTrue(err > 1e-6, row);
            }
        }
    }

    @Test
    void badOptionsExitWithTwo(@TempDir Path dir) {
        Run r = run("train", "--dataset", "sign-vectors", "--equivariance", "sideways", "--out", dir.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--equivariance sideways: unknown mechanism"), r.err());
        Run layers = run("train", "--dataset", "sign-vectors", "--equivariance", "layers", "--out", dir.resolve("x").toString());
        assertEquals(2, layers.code());
        assertTrue(layers.err().contains("equivariant layers exist for the groups sign, signs"), layers.err());
        assertTrue(layers.err().contains("got none"), layers.err());
        assertTrue(java.nio.file.Files.notExists(dir.resolve("x")));
        Run noNoise = run("train", "--dataset", "sign-vectors", "--p-std", "0", "--out", dir.resolve("y").toString());
        assertEquals(2, noNoise.code());
        assertTrue(noNoise.err().contains("--p-std 0.0 positive"), noNoise.err());
        assertTrue(java.nio.file.Files.notExists(dir.resolve("y")));
        Run noSource = run("train", "--out", dir.toString());
        assertEquals(2, noSource.code());
    }
}
