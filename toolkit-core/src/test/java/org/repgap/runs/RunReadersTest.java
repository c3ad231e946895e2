package org.repgap.runs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.repgap.InvalidInputException;

/** Tracker formats written here in their documented layouts, then read back (and corrupted). */
class RunReadersTest {

    @TempDir
    Path tmp;

    private static RunInputs.Selection sel(String x, String y) {
        return new RunInputs.Selection(List.of(x), y, Reduce.last());
    }

    /** MLflow file store: mlruns/0/RUN/{metrics/NAME: "timestamp value step", params/NAME, tags/mlflow.runName}. */
    private Path writeMlflow() throws IOException {
        Path root = tmp.resolve("mlruns");
        Files.createDirectories(root.resolve("0"));
        Files.writeString(root.resolve("0/meta.yaml"), "name: Default\n");
        int[] ns = {100, 200, 400, 800};
        for (int r = 0; r < ns.length; r++) {
            Path run = root.resolve("0/run" + r);
            Files.createDirectories(run.resolve("metrics/val"));
            Files.createDirectories(run.resolve("params"));
            Files.createDirectories(run.resolve("tags"));
            StringBuilder m = new StringBuilder();
            for (int s = 0; s < 3; s++) {
                double v = 2 * Math.pow(ns[r], -0.5) * (s == 2 ? 1 : 1.5);
                m.append(1700000000000L + s).append(' ').append(v).append(' ').append(s * 10).append('\n');
            }
            Files.writeString(run.resolve("metrics/test_loss"), m);
            Files.writeString(run.resolve("metrics/val/loss"), "1700000000000 0.5 0\n");
            Files.writeString(run.resolve("params/n"), Integer.toString(ns[r]));
            Files.writeString(run.resolve("params/optimizer"), "adam");
            Files.writeString(run.resolve("tags/mlflow.runName"), "size-" + ns[r]);
        }
        return root;
    }

    @Test
    void mlflowRunsResolveParamsAndLastMetric() throws IOException {
        Path root = writeMlflow();
        assertEquals(RunFormat.MLFLOW, RunInputs.detect(root, ReadOptions.strict()));
        Table t = RunInputs.read(root, RunFormat.AUTO, sel("n", "test_loss"), ReadOptions.strict());
        assertEquals(4, t.size());
        assertEquals("size-100", t.cell(0, "run"));
        assertEquals(400, t.number(2, "n"), 0);
        assertEquals(2 / Math.sqrt(400), t.number(2, "test_loss"), 1e-12);
        assertEquals(0.5, t.number(2, "val/loss"), 0);
        assertEquals("adam", t.cell(2, "optimizer"));
        Table mean = RunInputs.read(root, RunFormat.MLFLOW, new RunInputs.Selection(List.of("n"), "test_loss", Reduce.parse("mean-last-2")),
                ReadOptions.strict());
        assertEquals(1.25 * 2 / Math.sqrt(400), mean.number(2, "test_loss"), 1e-12);
    }

    @Test
    void mlflowMalformedMetricLineNamesFileAndLine() throws IOException {
        Path root = writeMlflow();
        Path f = root.resolve("0/run1/metrics/test_loss");
        Files.writeString(f, "1700000000000 0.3 0\n1700000000001 oops 1\n");
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> RunInputs.read(root, RunFormat.AUTO, sel("n", "test_loss"), ReadOptions.strict()));
        assertTrue(e.getMessage().contains(f + ":2"), e.getMessage());
        List<String> w = new ArrayList<>();
        Table t = RunInputs.read(root, RunFormat.AUTO, sel("n", "test_loss"), new ReadOptions(true, w::add));
        assertEquals(0.3, t.number(1, "test_loss"), 0, "the value read before the bad line");
        assertEquals(1, w.size());
    }

    @Test
    void unknownNameListsMetricsAndParameters() throws IOException {
        Path root = writeMlflow();
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> RunInputs.read(root, RunFormat.AUTO, sel("n", "loss"), ReadOptions.strict()));
        assertTrue(e.getMessage().contains("--y loss") && e.getMessage().contains("test_loss") && e.getMessage().contains("optimizer"),
                e.getMessage());
    }

    /** Lightning CSVLogger: lightning_logs/version_K/{metrics.csv (sparse), hparams.yaml}. */
    @Test
    void lightningRunsAndStepCurve() throws IOException {
        int[] ns = {50, 100, 200};
        for (int v = 0; v < ns.length; v++) {
            Path dir = tmp.resolve("lightning_logs/version_" + v);
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("metrics.csv"), "epoch,step,train_loss,val_loss\n"
                    + "0,9,0.9,\n0,9,,0.8\n1,19,0.7,\n1,19,," + (3.0 / ns[v]) + "\n");
            Files.writeString(dir.resolve("hparams.yaml"), "# model settings\nn: " + ns[v] + "\nname: 'mlp'\n");
        }
        Path root = tmp.resolve("lightning_logs");
        assertEquals(RunFormat.LIGHTNING, RunInputs.detect(root, ReadOptions.strict()));
        Table t = RunInputs.read(root, RunFormat.AUTO, sel("n", "val_loss"), ReadOptions.strict());
        assertEquals(3, t.size());
        assertEquals(3.0 / 100, t.number(1, "val_loss"), 1e-15);
        assertEquals(100, t.number(1, "n"), 0);
        assertEquals("mlp", t.cell(1, "name"));
        Table curve = RunInputs.read(root.resolve("version_0"), RunFormat.LIGHTNING, sel("step", "train_loss"), ReadOptions.strict());
        assertEquals(2, curve.size());
        assertEquals(19, curve.number(1, "step"), 0);
        assertEquals(0.7, curve.number(1, "train_loss"), 0);
    }

    /** W&B history export: CSV with _step, _runtime, metrics and config columns; and wandb-history.jsonl + config.yaml. */
    @Test
    void wandbCsvAndJsonlHistories() throws IOException {
        Path dir = tmp.resolve("wandb");
        Files.createDirectories(dir);
        for (int n : new int[] {10, 20, 40}) {
            Files.writeString(dir.resolve("run-n" + n + ".csv"), "_step,_runtime,_timestamp,test_loss,config.n\n"
                    + "0,1.5,1700000000," + (5.0 / n) + "," + n + "\n1,3.0,1700000001,," + n + "\n2,4.5,1700000002," + (1.0 / n) + "," + n + "\n");
        }
        Table t = RunInputs.read(dir, RunFormat.AUTO, sel("n", "test_loss"), ReadOptions.strict());
        assertEquals(3, t.size());
        assertEquals(1.0 / 20, t.number(1, "test_loss"), 1e-15);
        assertEquals(20, t.number(1, "n"), 0);

        Path run = tmp.resolve("wandb2/run-abc/files");
        Files.createDirectories(run);
        Files.writeString(run.resolve("wandb-history.jsonl"), "{\"_step\": 0, \"_runtime\": 1.0, \"loss\": 2.0}\n"
                + "{\"_step\": 1, \"_runtime\": 2.0, \"loss\": 1.0}\n");
        Files.writeString(run.resolve("config.yaml"), "wandb_version: 1\n\nn:\n  desc: null\n  value: 64\n");
        assertEquals(RunFormat.WANDB, RunInputs.detect(run.resolve("wandb-history.jsonl"), ReadOptions.strict()));
        Table j = RunInputs.read(tmp.resolve("wandb2"), RunFormat.WANDB, sel("n", "loss"), ReadOptions.strict());
        assertEquals(1, j.size());
        assertEquals(64, j.number(0, "n"), 0);
        assertEquals(1.0, j.number(0, "loss"), 0);
    }

    @Test
    void wandbMultiRunExportSplitsByRunColumn() throws IOException {
        Path f = tmp.resolve("history.csv");
        Files.writeString(f, "run_id,_step,loss,n\na,0,1.0,10\na,1,0.5,10\nb,0,0.8,20\nb,1,0.25,20\n");
        Table t = RunInputs.read(f, RunFormat.AUTO, sel("n", "loss"), ReadOptions.strict());
        assertEquals(2, t.size());
        assertEquals("b", t.cell(1, "run"));
        assertEquals(0.25, t.number(1, "loss"), 0);
    }

    @Test
    void missingInputAndEmptyDirectoryAreExplained() throws IOException {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> RunInputs.read(tmp.resolve("nope"), RunFormat.AUTO, sel("n", "y"), ReadOptions.strict()));
        assertTrue(e.getMessage().contains("no such file"), e.getMessage());
        Path empty = tmp.resolve("empty");
        Files.createDirectories(empty);
        e = assertThrows(InvalidInputException.class, () -> RunInputs.read(empty, RunFormat.AUTO, sel("n", "y"), ReadOptions.strict()));
        assertTrue(e.getMessage().contains("no MLflow runs"), e.getMessage());
    }

    /** A real MLflow store (see the fixture's README): 4 runs, 2 marked deleted; issue 15 defect 3. */
    @Test
    void mlflowSkipsDeletedRunsAndNamesRunsFromMetaYaml() throws Exception {
        Path store = Path.of(RunReadersTest.class.getResource("/org/repgap/runs/mlflow-iris/mlruns").toURI());
        List<String> w = new ArrayList<>();
        List<Run> runs = MlflowReader.readRuns(store, new ReadOptions(false, w::add));
        assertEquals(List.of("DT", "SVM_Kernel"), runs.stream().map(Run::name).sorted().toList(), "names from meta.yaml run_name");
        assertTrue(w.size() == 1 && w.get(0).contains("2 MLflow run(s) marked deleted") && w.get(0).contains("--include-deleted"), w.toString());
        for (Run r : runs) {
            assertEquals("MLOps_CA_2", r.params().get("experiment"), "experiment name from the experiment's meta.yaml");
        }
        Run dt = runs.stream().filter(r -> r.name().equals("DT")).findFirst().orElseThrow();
        assertEquals(0.9333333333333333, dt.metrics().get("metric_0").get(0).value(), 0.0);
        List<Run> all = MlflowReader.readRuns(store, new ReadOptions(false, x -> { }, true, false));
        assertEquals(List.of("DT", "RF", "SVM", "SVM_Kernel"), all.stream().map(Run::name).sorted().toList());
        Table t = RunInputs.read(store, RunFormat.AUTO, sel("experiment", "metric_0"), new ReadOptions(false, x -> { }));
        assertEquals(2, t.size(), "one row per active run");
    }

    /**
     * Issue 15 defect 7: a {@code run.history(pandas=True).to_csv()} file (pandas' unnamed index
     * first) with {@code --x _step} and {@code --x _runtime}.
     */
    @Test
    void wandbHistoryWithPandasIndexAndStepAxes() throws IOException {
        Path f = tmp.resolve("metrics.csv");
        Files.writeString(f, ",_step,_runtime,_timestamp,loss,epoch\n0,0,1.5,1700000000.5,2.0,0\n1,1,3.0,1700000002.0,1.0,0\n"
                + "2,2,4.5,1700000003.5,0.5,1\n");
        assertEquals(RunFormat.WANDB, RunInputs.detect(f, ReadOptions.strict()));
        List<Run> runs = WandbReader.readRuns(f, ReadOptions.strict());
        assertTrue(!runs.get(0).metrics().containsKey("") && !runs.get(0).params().containsKey(""), runs.get(0).metrics().keySet().toString());
        Table steps = RunInputs.read(f, RunFormat.AUTO, sel("_step", "loss"), ReadOptions.strict());
        assertEquals(3, steps.size());
        assertEquals(2, steps.number(2, "_step"), 0);
        assertEquals(0.5, steps.number(2, "loss"), 0);
        Table runtime = RunInputs.read(f, RunFormat.AUTO, sel("_runtime", "loss"), ReadOptions.strict());
        assertEquals(4.5, runtime.number(2, "_runtime"), 0);
        assertEquals(1.0, runtime.number(1, "loss"), 0);
    }

    /**
     * Issue 15 defect 7: the runs-table export (W&B UI "Export CSV": Name, State, Notes, User, Tags,
     * Created, Runtime, Sweep, then config and summary columns), and its JSON form from the API.
     */
    @Test
    void wandbRunsTableSkipsUnfinishedRuns() throws IOException {
        Path f = tmp.resolve("wandb_export_2024-05-01T10_00_00.000+02_00.csv");
        Files.writeString(f, "\"Name\",\"State\",\"Notes\",\"User\",\"Tags\",\"Created\",\"Runtime\",\"Sweep\",\"n\",\"lr\",\"test_loss\"\n"
                + "\"fine-sun-1\",\"finished\",\"-\",\"ana\",\"\",\"2024-05-01T08:00:00.000Z\",\"61\",\"\",\"10\",\"0.001\",\"0.5\"\n"
                + "\"cool-sea-2\",\"finished\",\"-\",\"ana\",\"\",\"2024-05-01T08:05:00.000Z\",\"95\",\"\",\"20\",\"0.001\",\"0.35\"\n"
                + "\"dark-sky-3\",\"crashed\",\"-\",\"ana\",\"\",\"2024-05-01T08:10:00.000Z\",\"12\",\"\",\"40\",\"0.001\",\"3.0\"\n"
                + "\"late-dew-4\",\"running\",\"-\",\"ana\",\"\",\"2024-05-01T08:15:00.000Z\",\"30\",\"\",\"80\",\"0.001\",\"0.9\"\n");
        assertEquals(RunFormat.WANDB, RunInputs.detect(f, ReadOptions.strict()));
        List<String> w = new ArrayList<>();
        Table t = RunInputs.read(f, RunFormat.AUTO, sel("n", "test_loss"), new ReadOptions(false, w::add));
        assertEquals(2, t.size());
        assertEquals("cool-sea-2", t.cell(1, "run"));
        assertEquals(20, t.number(1, "n"), 0);
        assertEquals(0.35, t.number(1, "test_loss"), 0);
        assertTrue(w.size() == 1 && w.get(0).contains("2 W&B run(s) not finished") && w.get(0).contains("crashed=1")
                && w.get(0).contains("--include-unfinished"), w.toString());
        Table all = RunInputs.read(f, RunFormat.AUTO, sel("n", "test_loss"), new ReadOptions(false, x -> { }, false, true));
        assertEquals(4, all.size());

        Path j = tmp.resolve("runs.json");
        Files.writeString(j, "[{\"Name\": \"a\", \"State\": \"finished\", \"config.n\": 10, \"summary.test_loss\": 0.5},\n"
                + " {\"Name\": \"b\", \"State\": \"failed\", \"config.n\": 20, \"summary.test_loss\": 0.1}]\n");
        Table tj = RunInputs.read(j, RunFormat.AUTO, sel("n", "test_loss"), ReadOptions.strict());
        assertEquals(1, tj.size());
        assertEquals(10, tj.number(0, "n"), 0);
        assertEquals(0.5, tj.number(0, "test_loss"), 0);
    }

    /**
     * Issue 12, defect 11: with --skip-bad, a damaged line of a JSON Lines or CSV file read with the format detected was
     * warned of twice (once while detecting the format, once while reading); and a directory of no known layout is
     * refused naming what it holds.
     */
    @Test
    void aDamagedLineIsWarnedOfOnceAndAnUnknownDirectorySaysWhatItHolds() throws IOException {
        Path jsonl = tmp.resolve("runs.jsonl");
        Files.writeString(jsonl, "{\"n\": 10, \"y\": 1}\n{\"n\": 20, \"y\": 0.5}\nnot json\n{\"n\": 40, \"y\": 0.25}\n");
        Path csv = tmp.resolve("runs.csv");
        Files.writeString(csv, "n,y\n10,1\n20,0.5,7\n40,0.25\n");
        for (Path f : List.of(jsonl, csv)) {
            for (RunFormat format : List.of(RunFormat.AUTO, f == csv ? RunFormat.CSV : RunFormat.JSONL)) {
                List<String> w = new ArrayList<>();
                Table t = RunInputs.read(f, format, sel("n", "y"), new ReadOptions(true, w::add));
                assertEquals(f == csv ? 2 : 3, t.size(), f + " " + format);
                assertEquals(1, w.size(), f + " " + format + ": " + w);
                assertTrue(w.get(0).contains(":3") && w.get(0).contains("--skip-bad"), w.toString());
            }
        }
        Path dir = Files.createDirectories(tmp.resolve("notes"));
        Files.writeString(dir.resolve("readme.txt"), "hello");
        Files.createDirectories(dir.resolve("figures"));
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> RunInputs.read(dir, RunFormat.AUTO, sel("n", "y"), ReadOptions.strict()));
        assertTrue(e.getMessage().startsWith("--input " + dir + ": a directory (2 entries: figures/, readme.txt) with no MLflow runs"),
                e.getMessage());
    }
}
