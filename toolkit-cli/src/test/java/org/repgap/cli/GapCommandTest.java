package org.repgap.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.repgap.InvalidInputException;
import org.repgap.data.PointCloud;
import org.repgap.gap.GapAnalysis;
import org.repgap.json.Json;
import org.repgap.progress.Progress;
import picocli.CommandLine;

class GapCommandTest {

    /** Uniform points on the unit circle S^1 in R^2 (d = 1). */
    static PointCloud circle(int n, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[] v = new double[2 * n];
        for (int i = 0; i < n; i++) {
            double a = 2 * Math.PI * rng.nextDouble();
            v[2 * i] = Math.cos(a);
            v[2 * i + 1] = Math.sin(a);
        }
        return PointCloud.wrap(n, 2, v, "circle");
    }

    private static GapCommand parse(String... args) {
        CommandLine cl = Repgap.commandLine();
        String[] all = new String[args.length + 1];
        all[0] = "gap";
        System.arraycopy(args, 0, all, 1, args.length);
        CommandLine.ParseResult pr = cl.parseArgs(all);
        return (GapCommand) pr.subcommand().commandSpec().userObject();
    }

    private static int run(StringWriter err, String... args) {
        CommandLine cl = Repgap.commandLine();
        cl.setErr(new PrintWriter(err));
        cl.setOut(new PrintWriter(new StringWriter()));
        return cl.execute(args);
    }

    @Test
    void jsonHasCurveLawFitAndGroup() throws Exception {
        GapCommand c = parse("--input", "unused.csv", "--sizes", "100,200,400,800", "--seeds", "5", "--d", "1", "--format", "json");
        String json = c.render(c.analyse(circle(800, 1), Progress.NONE));
        JsonNode root = Json.mapper().readTree(json);
        assertEquals(4, root.get("curve").size());
        JsonNode p = root.get("curve").get(3);
        assertEquals(800, p.get("n").asInt());
        assertEquals(5, p.get("seeds").asInt());
        assertTrue(p.get("rg_mean").asDouble() > 0 && p.get("rg_sd").asDouble() > 0);
        assertEquals(1.0, root.get("law").get("dimension").asDouble());
        assertEquals("given", root.get("law").get("dimension_source").asText());
        assertEquals(2.0, root.get("law").get("exponent").asDouble());
        // circle of length 2 pi: C_1 = Gamma(3) (2 pi / 2)^2 = 2 pi^2; Renyi estimate from 800 points within 10%
        assertEquals(2 * Math.PI * Math.PI, root.get("law").get("constant").asDouble(), 0.1 * 2 * Math.PI * Math.PI);
        JsonNode fit = root.get("fit");
        assertEquals(1.0, fit.get("dimension").asDouble(), 0.15);
        assertTrue(fit.get("slope_ci_low").asDouble() < fit.get("slope").asDouble());
        assertTrue(fit.get("slope_ci_high").asDouble() > fit.get("slope").asDouble());
        assertEquals("none", root.get("group").get("spec").asText());
    }

    @Test
    void textAndCsvFormats() {
        GapCommand c = parse("--dataset", "x", "--sizes", "50,100,200", "--test-fraction", "0.5", "--format", "csv");
        GapAnalysis.Result result = c.analyse(circle(400, 2), Progress.NONE);
        String csv = c.render(result);
        String[] lines = csv.split("\n");
        assertEquals("n,gap_size,rg_mean,rg_sd,seeds,predicted,ratio,slope,slope_ci_low,slope_ci_high,dimension,dimension_ci_low,"
                + "dimension_ci_high,ci_level,law_constant,law_exponent,law_dimension,law_sample_multiplier", lines[0]);
        assertEquals(4, lines.length);
        assertTrue(lines[1].startsWith("50,50,"), lines[1]);
        // the CSV holds the JSON's numbers exactly (round-trip decimal text), the slope and the law on every row
        String[] row = lines[3].split(",", -1);
        assertEquals(result.curve().get(2).rgMean(), Double.parseDouble(row[2]), 0);
        assertEquals(result.fit().slope(), Double.parseDouble(row[7]), 0);
        assertEquals(result.law().constant(), Double.parseDouble(row[14]), 0);
        GapCommand t = parse("--dataset", "x", "--sizes", "50,100,200", "--estimator", "quantization", "--format", "text");
        String text = t.render(t.analyse(circle(2000, 3), Progress.NONE));
        assertTrue(text.contains("implied d") && text.contains("from quantization"), text);
    }

    @Test
    void defaultSizesCoverTheData() {
        GapCommand c = parse("--dataset", "x");
        GapAnalysis.Result r = c.analyse(circle(640, 4), Progress.NONE);
        assertEquals(6, r.curve().size());
        assertEquals(20, r.curve().get(0).n());
        assertEquals(640, r.curve().get(5).n());
        assertEquals("leave_one_out", r.evaluation());
    }

    @Test
    void userErrorsExitWithTwo() {
        StringWriter err = new StringWriter();
        assertEquals(2, run(err, "gap", "--input", "a.csv", "--dataset", "b"));
        assertEquals(2, run(err, "gap"));
        assertEquals(2, run(err, "gap", "--dataset", "b", "--loo", "--test-fraction", "0.2"));
        assertEquals(2, run(err, "gap", "--dataset", "b", "--format", "xml"));
        GapCommand c = parse("--dataset", "x", "--sizes", "50,100", "--estimator", "nonsense");
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> c.analyse(circle(200, 1), Progress.NONE));
        assertTrue(e.getMessage().contains("quantization"), e.getMessage());
        GapCommand big = parse("--dataset", "x", "--sizes", "50,1000");
        assertThrows(InvalidInputException.class, () -> big.analyse(circle(200, 1), Progress.NONE));
        GapCommand grp = parse("--dataset", "x", "--group", "nonsense");
        assertThrows(InvalidInputException.class, () -> grp.analyse(circle(200, 1), Progress.NONE));
    }

    /** End to end through a file. */
    @Test
    void endToEndWithInputFile(@TempDir Path dir) throws Exception {
        Path in = dir.resolve("circle.csv");
        StringBuilder sb = new StringBuilder();
        PointCloud x = circle(300, 5);
        for (int i = 0; i < x.n(); i++) {
            sb.append(x.get(i, 0)).append(',').append(x.get(i, 1)).append('\n');
        }
        Files.writeString(in, sb.toString());
        Path out = dir.resolve("gap.json");
        StringWriter err = new StringWriter();
        assertEquals(0, run(err, "gap", "--input", in.toString(), "--sizes", "50,100,300", "--d", "1", "--format", "json",
                "--output", out.toString()), err.toString());
        assertEquals(3, Json.mapper().readTree(Files.readString(out)).get("curve").size());
    }

    /** {@code --estimator twonn --group so2} estimates d_task on the orbit metric: about 2 on the rotating pair (3-manifold, free circle action). */
    @Test
    void idEstimatorGivesTaskDimensionModuloTheGroup(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("gap.json");
        StringWriter err = new StringWriter();
        assertEquals(0, run(err, "gap", "--dataset", "rotating-pair", "--n", "2000", "--group", "so2", "--sizes", "250,500,1000,2000",
                "--estimator", "twonn", "--format", "json", "--output", out.toString()), err.toString());
        com.fasterxml.jackson.databind.JsonNode law = Json.mapper().readTree(Files.readString(out)).get("law");
        // TwoNN on 2000 points has standard error d/sqrt(n) ~ 0.05; the quotient has a boundary in r: allow 0.3
        assertEquals(2.0, law.get("dimension").asDouble(), 0.3);
        assertEquals("twonn", law.get("dimension_source").asText());
    }
}
