package org.repgap.plots.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.repgap.InvalidInputException;
import org.repgap.plots.ChartKind;
import org.repgap.plots.data.ConstraintTrajectoriesData;
import org.repgap.plots.data.EquivarianceErrorData;
import org.repgap.plots.data.SigmaGapData;
import org.repgap.plots.data.TrainingCurvesData;

/**
 * The trainer's CSV tables and the user errors of reading results. JSON results are read back into
 * the core's records and drawn in {@code ResultRoundTripTest} (real output of the core).
 */
class ResultReaderTest {

    private static Path res(String name) throws Exception {
        return Path.of(ResultReaderTest.class.getResource("/org/repgap/plots/results/" + name).toURI());
    }

    @Test
    void trainerCsvMakesTrainingConstraintEquivarianceAndSigmaCharts() throws Exception {
        TrainingCurvesData tr = (TrainingCurvesData) TrainerTables.chart(res("history.csv"), null);
        assertEquals(2, tr.curves().size());
        assertTrue(Double.isNaN(tr.curves().get(1).y()[4]), "empty cell is NaN");
        ConstraintTrajectoriesData c = (ConstraintTrajectoriesData) TrainerTables.chart(res("history.csv"), ChartKind.CONSTRAINTS);
        assertEquals(List.of("γ₁", "γ₂"), c.gammas().stream().map(cu -> cu.label()).toList());
        assertEquals(List.of("λ₁", "λ₂"), c.duals().stream().map(cu -> cu.label()).toList());
        EquivarianceErrorData e = (EquivarianceErrorData) TrainerTables.chart(res("history.csv"), ChartKind.EQUIVARIANCE);
        assertEquals(0.004, e.curves().get(0).y()[4]);
        SigmaGapData s = (SigmaGapData) TrainerTables.chart(res("sigmas.csv"), null);
        assertEquals(2, s.runs().size());
        assertEquals(0.1, s.runs().get(0).sigma()[1], "sorted by sigma");
        assertEquals(0.05, s.runs().get(0).gap()[1]);
        assertEquals(0.07, s.runs().get(0).idealGap()[1]);
    }

    /** runs.csv (the sweep's header): the mean equivariance error over seeds against n, one curve per mechanism. */
    @Test
    void runsCsvMakesTheEquivarianceErrorAgainstN(@TempDir Path dir) throws Exception {
        Path runs = dir.resolve("runs.csv");
        String header = org.repgap.diffusion.sweep.Sweep.RUNS_HEADER;
        StringBuilder sb = new StringBuilder(header).append('\n');
        String[][] rows = {{"8", "none", "0.25"}, {"8", "none", "0.75"}, {"16", "none", "0.1"}, {"8", "canonical", "1e-30"}};
        for (String[] row : rows) {
            List<String> cells = new java.util.ArrayList<>();
            for (String col : header.split(",")) {
                cells.add(switch (col) {
                    case "run_id" -> row[1] + "-n" + row[0];
                    case "n" -> row[0];
                    case "equivariance" -> row[1];
                    case "equivariance_error" -> row[2];
                    case "group" -> "signs";
                    default -> "0";
                });
            }
            sb.append(String.join(",", cells)).append('\n');
        }
        Files.writeString(runs, sb);
        EquivarianceErrorData e = (EquivarianceErrorData) TrainerTables.chart(runs, null);
        assertEquals("training-set size n", e.xLabel());
        assertEquals(List.of("none", "canonical"), e.curves().stream().map(c -> c.label()).toList());
        assertEquals(0.5, e.curves().get(0).y()[0], 1e-15, "mean of the two seeds at n = 8");
        assertEquals(16, e.curves().get(0).x()[1]);
    }

    @Test
    void badInputsAreUserErrors(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "{\"curve\": [");
        assertTrue(assertThrows(InvalidInputException.class, () -> ResultReader.read(bad)).getMessage().contains("not valid JSON"));
        Path other = dir.resolve("other.json");
        Files.writeString(other, "{\"hello\": 1}");
        String m = assertThrows(InvalidInputException.class, () -> ResultReader.read(other)).getMessage();
        assertTrue(m.contains("other.json") && m.contains("cannot tell"), m);
        Path wrong = dir.resolve("wrong.json");
        Files.writeString(wrong, "{\"estimates\": [{\"estimator\": \"mle\", \"dimension\": \"two\"}]}");
        m = assertThrows(InvalidInputException.class, () -> ResultReader.read(wrong)).getMessage();
        assertTrue(m.contains("wrong.json") && m.contains("not a repgap id result"), m);
        Path csv = dir.resolve("h.csv");
        Files.writeString(csv, "step,loss\n0,abc\n");
        m = assertThrows(InvalidInputException.class, () -> ResultReader.figure(csv, null)).getMessage();
        assertTrue(m.contains("row 1") && m.contains("'loss'") && m.contains("abc"), m);
        assertThrows(InvalidInputException.class, () -> ResultReader.read(dir.resolve("none.json")));
        assertThrows(InvalidInputException.class, () -> ResultReader.figure(csv, ChartKind.ID_COMPARISON));
    }
}
