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
import org.repgap.fit.CurvePoints;
import org.repgap.fit.Loss;

/** Tidy CSV/TSV and JSON Lines, derived columns, filters, groups and seed aggregation. */
class TidyTablesTest {

    @TempDir
    Path tmp;

    @Test
    void quotedNamesDeriveWhereDropTopAndSeeds() throws IOException {
        Path f = tmp.resolve("runs.csv");
        Files.writeString(f, "\uFEFF\"Model Size\",\"Training FLOP\",loss,seed,note\n"
                + "100,6000,2.0,0,\"a, quoted \"\"note\"\"\"\n"
                + "100,6000,2.2,1,x\n"
                + "200,24000,1.5,0,x\n"
                + "200,24000,1.7,1,x\n"
                + "400,96000,9.9,0,outlier\n"
                + "50,1500,3.0,0,x\n");
        Table t = RunInputs.read(f, RunFormat.AUTO, new RunInputs.Selection(List.of("D"), "loss", Reduce.last()), ReadOptions.strict());
        assertEquals("a, quoted \"note\"", t.cell(0, "note"));
        CurveExtraction.Spec spec = new CurveExtraction.Spec(List.of("Model Size", "D"), "loss",
                List.of("D=Training FLOP/(6*Model Size)", "`log loss` = log(loss)"), "`Model Size` >= 100", List.of(), 1);
        Table x = CurveExtraction.transform(t, spec);
        assertEquals(5, x.size(), "the row with Model Size 50 is filtered out");
        assertEquals(10, x.number(0, "D"), 1e-12);
        assertEquals(Math.log(2.0), x.number(0, "log loss"), 1e-15);
        List<CurveExtraction.GroupCurve> curves = CurveExtraction.curves(x, spec, w -> { });
        assertEquals(1, curves.size());
        CurvePoints p = curves.get(0).curve().points(false, Loss.Space.LOG);
        assertEquals(2, p.size(), "outlier dropped by --drop-top 1; two seeds per size averaged");
        assertEquals(2.1, p.y()[0], 1e-12);
        assertEquals(1.6, p.y()[1], 1e-12);
        assertEquals(20, p.x()[1][1], 1e-12);
    }

    @Test
    void groupByAndTsv() throws IOException {
        Path f = tmp.resolve("runs.tsv");
        Files.writeString(f, "arch\tn\ttest loss\ncnn\t10\t1.0\ncnn\t20\t0.5\nmlp\t10\t2.0\nmlp\t20\t1.5\nmlp\t40\t\n");
        Table t = RunInputs.read(f, RunFormat.CSV, new RunInputs.Selection(List.of("n"), "test loss", Reduce.last()), ReadOptions.strict());
        CurveExtraction.Spec spec = new CurveExtraction.Spec(List.of("n"), "test loss", List.of(), null, List.of("arch"), 0);
        List<String> warnings = new ArrayList<>();
        List<CurveExtraction.GroupCurve> curves = CurveExtraction.curves(CurveExtraction.transform(t, spec), spec, warnings::add);
        assertEquals(2, curves.size());
        assertEquals("mlp", curves.get(1).group().get("arch"));
        assertEquals(2, curves.get(1).curve().size());
        assertEquals(1, warnings.size(), "the row with an empty loss is reported");
        assertTrue(warnings.get(0).contains("runs.tsv:6"), warnings.get(0));
    }

    @Test
    void malformedCsvLineNamesFileAndLineOrIsSkipped() throws IOException {
        Path f = tmp.resolve("bad.csv");
        Files.writeString(f, "n,loss\n10,1.0\n20,0.5,extra\n40,0.25\n");
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> Delimited.read(f, ReadOptions.strict()));
        assertTrue(e.getMessage().contains("bad.csv:3") && e.getMessage().contains("3 field(s)"), e.getMessage());
        List<String> w = new ArrayList<>();
        Table t = Delimited.read(f, new ReadOptions(true, w::add));
        assertEquals(2, t.size());
        assertEquals(1, w.size());
        Files.writeString(f, "n,loss\n10,\"1.0\n");
        e = assertThrows(InvalidInputException.class, () -> Delimited.read(f, ReadOptions.strict()));
        assertTrue(e.getMessage().contains("bad.csv:2") && e.getMessage().contains("unterminated"), e.getMessage());
        Files.writeString(f, "n,loss\n10,abc\n");
        Table bad = Delimited.read(f, ReadOptions.strict());
        e = assertThrows(InvalidInputException.class, () -> bad.number(0, "loss"));
        assertTrue(e.getMessage().contains("bad.csv:2") && e.getMessage().contains("'abc'"), e.getMessage());
    }

    @Test
    void jsonLinesFlattenNestedAndReportBadLines() throws IOException {
        Path f = tmp.resolve("runs.jsonl");
        Files.writeString(f, "{\"n\": 10, \"metrics\": {\"loss\": 1.0}, \"tag\": \"a\"}\n\n{\"n\": 20, \"metrics\": {\"loss\": 0.5}}\n");
        Table t = RunInputs.read(f, RunFormat.AUTO, new RunInputs.Selection(List.of("n"), "metrics.loss", Reduce.last()), ReadOptions.strict());
        assertEquals(2, t.size());
        assertEquals(0.5, t.number(1, "metrics.loss"), 0);
        assertEquals("", t.cell(1, "tag"));
        Files.writeString(f, "{\"n\": 10, \"loss\": 1.0}\n{\"n\": 20, \"loss\": \n{\"n\": 40, \"loss\": 0.25}\n");
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> JsonLines.read(f, ReadOptions.strict()));
        assertTrue(e.getMessage().contains("runs.jsonl:2"), e.getMessage());
        Table skipped = JsonLines.read(f, new ReadOptions(true, w -> { }));
        assertEquals(2, skipped.size());
    }

    @Test
    void unknownColumnsAreListed() throws IOException {
        Path f = tmp.resolve("runs.csv");
        Files.writeString(f, "n,loss\n10,1\n20,0.5\n");
        Table t = Delimited.read(f, ReadOptions.strict());
        CurveExtraction.Spec spec = new CurveExtraction.Spec(List.of("n"), "loss", List.of("D=N*2"), null, List.of(), 0);
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> CurveExtraction.transform(t, spec));
        assertTrue(e.getMessage().contains("no column 'N'") && e.getMessage().contains("n, loss"), e.getMessage());
        CurveExtraction.Spec spec2 = new CurveExtraction.Spec(List.of("size"), "loss", List.of(), null, List.of(), 0);
        e = assertThrows(InvalidInputException.class, () -> CurveExtraction.curves(t, spec2, w -> { }));
        assertTrue(e.getMessage().contains("--x size"), e.getMessage());
    }
}
