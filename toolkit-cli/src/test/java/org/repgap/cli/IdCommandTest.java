package org.repgap.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.repgap.data.PointCloud;
import org.repgap.data.PointClouds;
import org.repgap.id.DuplicatePolicy;
import org.repgap.id.IdEstimation;
import org.repgap.id.IdEstimators;
import org.repgap.id.IdReport;
import org.repgap.json.Json;
import org.repgap.neighbors.Metric;
import org.repgap.progress.Progress;
import picocli.CommandLine;

class IdCommandTest {
    @TempDir
    Path tmp;

    record Run(int code, String out, String err) {
    }

    static Run run(String... args) {
        CommandLine cl = Repgap.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    /** Points on a circle of radius 1 in R^3 with a small random height: dimension 1. */
    static PointCloud circle(int n, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[][] rows = new double[n][];
        for (int i = 0; i < n; i++) {
            double t = 2 * Math.PI * rng.nextDouble();
            rows[i] = new double[] {Math.cos(t), Math.sin(t), 1e-3 * rng.nextDouble()};
        }
        return PointCloud.of(rows, "circle");
    }

    Path csv(PointCloud x, String name) throws Exception {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < x.n(); i++) {
            for (int c = 0; c < x.dim(); c++) {
                sb.append(c == 0 ? "" : ",").append(Double.toString(x.get(i, c)));
            }
            sb.append('\n');
        }
        Path f = tmp.resolve(name);
        Files.writeString(f, sb.toString());
        return f;
    }

    @Test
    void jsonShape() throws Exception {
        IdReport report = IdCommand.estimate(circle(300, 1), Metric.euclidean(), "all", IdEstimators.Settings.defaults(),
                DuplicatePolicy.DEDUPLICATE, IdEstimation.Options.defaults(), Progress.NONE);
        JsonNode root = Json.mapper().readTree(IdCommand.render(report, Output.Format.json));
        assertEquals(300, root.get("n").asInt());
        assertEquals(3, root.get("ambient_dim").asInt());
        assertEquals(0, root.get("duplicates").asInt());
        JsonNode est = root.get("estimates");
        // mle, twonn, 6 gride scales (n1 = 1..32), tle, mom, mada, knn, corrint, lpca
        assertEquals(14, est.size());
        for (JsonNode e : est) {
            assertTrue(IdEstimators.names().contains(e.get("estimator").asText()), e.toString());
            assertTrue(e.get("dimension").isNumber(), e.toString());
            assertTrue(e.has("ci_low") && e.get("ci_low").isNull());
            assertTrue(e.has("ci_high") && e.get("ci_high").isNull());
            assertTrue(e.get("params").isObject());
            assertFalse(e.has("pointwise"));
        }
        assertEquals("mle", est.get(0).get("estimator").asText());
        assertEquals(1.0, est.get(0).get("dimension").asDouble(), 0.1);
        assertEquals(32, est.get(7).get("params").get("n1").asInt());
    }

    @Test
    void textAndCsvTables() {
        IdReport report = IdCommand.estimate(circle(300, 2), Metric.euclidean(), "mle,twonn,lpca", IdEstimators.Settings.defaults().withK(10),
                DuplicatePolicy.DEDUPLICATE, IdEstimation.Options.defaults().withBootstrap(20, 0), Progress.NONE);
        String text = IdCommand.render(report, Output.Format.text);
        String[] lines = text.split("\n");
        assertTrue(lines[0].startsWith("circle: 300 points in R^3"), lines[0]);
        assertTrue(lines[2].startsWith("estimator"), lines[2]);
        assertTrue(lines[2].contains("95% interval"), lines[2]);
        assertEquals(6, lines.length);
        // aligned: the dimension column ends at the same offset on every row
        int end = lines[2].indexOf("dimension") + "dimension".length();
        for (int i = 3; i < 6; i++) {
            assertTrue(Character.isDigit(lines[i].charAt(end - 1)), lines[i]);
            assertEquals(' ', lines[i].charAt(end));
        }
        assertTrue(lines[3].startsWith("mle        k=10"), lines[3]);
        String csv = IdCommand.render(report, Output.Format.csv);
        assertEquals(4, csv.split("\n").length);
        assertTrue(csv.startsWith("estimator,scale,dimension,ci_low,ci_high,ci_level,standard_error,n,excluded,seconds,params\n"));
    }

    @Test
    void unknownEstimatorIsExit2WithOneLine() {
        Run r = run("id", "--dataset", "M7_Roll", "--estimator", "mle,danco");
        assertEquals(2, r.code());
        assertEquals(1, r.err().strip().split("\n").length, r.err());
        assertTrue(r.err().contains("unknown estimator 'danco'"), r.err());
        for (String name : IdEstimators.names()) {
            assertTrue(r.err().contains(name), r.err());
        }
    }

    @Test
    void inputAndDatasetAreExclusiveAndOneIsRequired() {
        assertEquals(2, run("id", "--dataset", "M7_Roll", "--input", "x.csv").code());
        assertEquals(2, run("id").code());
        assertEquals(2, run("id", "--dataset", "M7_Roll", "--format", "yaml").code());
        // issue 13: --pointwise is not silently ignored outside JSON
        Run pw = run("id", "--dataset", "M7_Roll", "--pointwise", "--format", "csv");
        assertEquals(2, pw.code());
        assertTrue(pw.err().contains("--pointwise") && pw.err().contains("--format json"), pw.err());
        // enum options are case-insensitive, through one converter for every command (Repgap.commandLine)
        Run upper = run("id", "--dataset", "M7_Roll", "--n", "300", "--estimator", "twonn", "--format", "JSON", "--output",
                System.getProperty("java.io.tmpdir") + "/repgap-idcommandtest-upper.json");
        assertEquals(0, upper.code(), upper.toString());
        assertEquals(2, run("id", "--dataset", "M7_Roll", "--k", "0").code());
    }

    @Test
    void badVariantOptionsAreExit2BeforeAnyWork() {
        for (String[] bad : new String[][] {{"--lpca-ver", "FOO"}, {"--lpca-k", "1"}, {"--mle-comb", "mode"},
                {"--twonn-fit", "cubic"}, {"--gride-range", "1"}, {"--duplicates", "merge"}, {"--level", "1.5"},
                {"--bootstrap", "-1"}, {"--group", "nonsense"}}) {
            Run r = run("id", "--dataset", "M7_Roll", bad[0], bad[1]);
            assertEquals(2, r.code(), String.join(" ", bad) + ": " + r.err());
            assertEquals(1, r.err().strip().split("\n").length, r.err());
        }
    }

    @Test
    void variantSettingsReachTheEstimators() throws Exception {
        IdEstimators.Settings s = IdEstimators.Settings.defaults().withMleCombination(org.repgap.id.Combination.MEAN)
                .withGrideRangeMax(16).withLpca(org.repgap.id.LocalPcaEstimator.Version.PARTICIPATION_RATIO, 10);
        IdReport report = IdCommand.estimate(circle(200, 6), Metric.euclidean(), "mle,gride,lpca", s,
                DuplicatePolicy.DEDUPLICATE, IdEstimation.Options.defaults(), Progress.NONE);
        JsonNode est = Json.mapper().readTree(IdCommand.render(report, Output.Format.json)).get("estimates");
        assertEquals("mean", est.get(0).get("params").get("comb").asText());
        assertEquals(1 + 4 + 1, est.size()); // mle, gride n1 = 1, 2, 4, 8, lpca
        assertEquals("participation_ratio", est.get(5).get("params").get("ver").asText());
        assertEquals(10, est.get(5).get("params").get("neighborhood").asInt());
        assertEquals(1.0, est.get(5).get("dimension").asDouble(), 0.2);
    }

    @Test
    void helpTeaches() {
        Run r = run("id", "--help");
        assertEquals(0, r.code());
        assertTrue(r.out().contains("Examples:"));
        assertTrue(r.out().contains("--bootstrap"));
    }

    @Test
    void fileToJsonWithBootstrap() throws Exception {
        Path in = csv(circle(400, 3), "circle.csv");
        Path out = tmp.resolve("id.json");
        Run r = run("id", "--input", in.toString(), "--estimator", "mle,twonn", "--bootstrap", "30", "--seed", "7",
                "--format", "json", "--output", out.toString());
        assertEquals(0, r.code(), r.err());
        JsonNode root = Json.mapper().readTree(Files.readString(out));
        assertEquals(400, root.get("n").asInt());
        assertEquals(2, root.get("estimates").size());
        JsonNode mle = root.get("estimates").get(0);
        assertTrue(mle.get("ci_low").asDouble() <= mle.get("dimension").asDouble());
        assertTrue(mle.get("ci_high").asDouble() >= mle.get("dimension").asDouble());
        Path out2 = tmp.resolve("id2.json");
        run("id", "--input", in.toString(), "--estimator", "mle,twonn", "--bootstrap", "30", "--seed", "7",
                "--format", "json", "--output", out2.toString());
        assertEquals(Json.mapper().readTree(Files.readString(out)).get("estimates").get(0).get("ci_low"),
                Json.mapper().readTree(Files.readString(out2)).get("estimates").get(0).get("ci_low"));
    }

    @Test
    void tooFewPointsForKIsExit2() throws Exception {
        Path in = csv(circle(40, 4), "small.csv");
        Run r = run("id", "--input", in.toString(), "--estimator", "mom");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("k = 100"), r.err());
        assertEquals(2, run("id", "--input", in.toString(), "--estimator", "mle", "--k", "40").code());
    }

    @Test
    void duplicatePolicyError() throws Exception {
        PointCloud x = circle(100, 5);
        int[] rows = new int[101];
        for (int i = 0; i < 100; i++) {
            rows[i] = i;
        }
        rows[100] = 3;
        Path in = csv(x.select(rows), "dups.csv");
        Run r = run("id", "--input", in.toString(), "--estimator", "twonn", "--duplicates", "error");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("row 101 duplicates row 4"), r.err());
        Path out = tmp.resolve("d.json");
        assertEquals(0, run("id", "--input", in.toString(), "--estimator", "twonn", "--format", "json",
                "--output", out.toString()).code());
        assertEquals(1, Json.mapper().readTree(Files.readString(out)).get("duplicates").asInt());
    }
    @Test
    void listIsATableAndJsonWithEveryEstimatorOnce() throws Exception {
        CliRun text = CliRun.of("id", "--list");
        assertEquals(0, text.code(), text.err());
        for (String name : IdEstimators.names()) {
            assertTrue(text.out().contains("\n" + name + " "), name);
        }
        CliRun json = CliRun.of("id", "--list", "--format", "json");
        assertEquals(0, json.code(), json.err());
        JsonNode root = Json.mapper().readTree(json.out());
        assertEquals("repgap.id-estimators/1", root.get("schema").asText());
        List<String> listed = new java.util.ArrayList<>();
        for (JsonNode e : root.get("estimators")) {
            listed.add(e.get("name").asText());
            assertFalse(e.get("reference").asText().isBlank(), e.toString());
            assertTrue(e.get("defaults").isObject() && e.get("defaults").size() > 0, e.toString());
            assertTrue(e.get("pointwise").isBoolean() && e.get("group_metric").isBoolean()
                    && e.get("analytic_interval").isBoolean(), e.toString());
            assertFalse(e.get("cost").get("formula").asText().isBlank(), e.toString());
        }
        assertEquals(IdEstimators.names(), listed);
        assertEquals(1 + IdEstimators.names().size(), CliRun.of("id", "--list", "--format", "csv").out().strip().split("\n").length);
    }

    /** One graph for all (k = 100) against one per estimator (its own k): every number identical to the bit. */
    @Test
    void allGivesTheNumbersOfEachEstimatorAlone() throws Exception {
        JsonNode all = idJson("--estimator", "all");
        java.util.Map<String, List<JsonNode>> alone = new java.util.HashMap<>();
        for (String name : IdEstimators.names()) {
            for (JsonNode e : idJson("--estimator", name).get("estimates")) {
                alone.computeIfAbsent(name, k -> new java.util.ArrayList<>()).add(e);
            }
        }
        int i = 0;
        java.util.Map<String, Integer> next = new java.util.HashMap<>();
        for (JsonNode e : all.get("estimates")) {
            String name = e.get("estimator").asText();
            JsonNode single = alone.get(name).get(next.merge(name, 1, Integer::sum) - 1);
            for (String field : List.of("dimension", "standard_error", "scale", "scale_distance", "n", "excluded", "params")) {
                assertEquals(single.get(field), e.get(field), name + " " + field);
            }
            assertEquals(Double.doubleToLongBits(single.get("dimension").asDouble()),
                    Double.doubleToLongBits(e.get("dimension").asDouble()), name);
            i++;
        }
        assertEquals(14, i);
        assertEquals(0, all.get("skipped").size());
    }

    private static JsonNode idJson(String... more) throws Exception {
        List<String> args = new java.util.ArrayList<>(List.of("id", "--dataset", "sphere:2", "--n", "400", "--seed", "3",
                "--format", "json"));
        args.addAll(List.of(more));
        CliRun r = CliRun.of(args.toArray(new String[0]));
        assertEquals(0, r.code(), r.err());
        return Json.mapper().readTree(r.out());
    }

    @Test
    void skippedEstimatorsAppearInEveryFormat() throws Exception {
        String[] base = {"id", "--dataset", "sphere:2", "--n", "60", "--estimator", "all"};
        CliRun text = CliRun.of(concat(base, "--format", "text"));
        assertEquals(0, text.code(), text.err());
        assertTrue(text.out().contains("skipped mom: too few points"), text.out());
        CliRun json = CliRun.of(concat(base, "--format", "json"));
        JsonNode skipped = Json.mapper().readTree(json.out()).get("skipped");
        assertEquals(1, skipped.size());
        assertEquals("mom", skipped.get(0).get("estimator").asText());
        CliRun csv = CliRun.of(concat(base, "--format", "csv"));
        assertTrue(csv.out().contains("\nmom,skipped,"), csv.out());
        CliRun budget = CliRun.of("id", "--dataset", "sphere:2", "--n", "300", "--budget", "1e-4", "--format", "json");
        assertEquals(0, budget.code(), budget.err());
        assertTrue(Json.mapper().readTree(budget.out()).get("skipped").toString().contains("cost: about"), budget.out());
        CliRun bad = CliRun.of("id", "--dataset", "sphere:2", "--budget", "0");
        assertEquals(2, bad.code());
        assertEquals(1, bad.err().strip().split("\n").length, bad.err());
    }

    private static String[] concat(String[] a, String... b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
