package org.repgap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.repgap.data.PointCloud;
import org.repgap.datasets.Datasets;
import org.repgap.fit.FitAnalysis;
import org.repgap.fit.FitReport;
import org.repgap.fit.LearningCurve;
import org.repgap.fit.Laws;
import org.repgap.gap.GapAnalysis;
import org.repgap.gap.RepresentationGapCurve;
import org.repgap.group.Groups;
import org.repgap.id.IdContext;
import org.repgap.id.IdEstimation;
import org.repgap.id.IdEstimators;
import org.repgap.id.IdReport;
import org.repgap.json.Json;
import org.repgap.neighbors.NeighborSearch;
import org.repgap.progress.Progress;
import org.repgap.provenance.Provenance;

/**
 * The results contract ({@code docs/results.md}): the JSON that the core writes for each result kind, on fixed
 * seeded inputs, equals a golden file checked into {@code src/test/resources/golden/}. A change of a field's name,
 * type or presence, or of a number, is a failing test and, after regeneration, a visible diff in review.
 *
 * <p>Regenerate after an intended change (then read the diff):
 * {@code mvn -B -o -pl toolkit-core test -Dtest=ResultsContractTest -Drepgap.golden.update=true}.
 *
 * <p>Compared: every field name and JSON type exactly, text exactly, numbers to a relative 1e-9 plus an absolute
 * 1e-12. The relative part covers the last bits that OpenBLAS kernels may round differently on another CPU (the
 * neighbour distances go through a GEMM); the absolute part covers values that should be 0 and come out at rounding level. The
 * inputs are chosen so that no reported number is at rounding level otherwise (the fit's data follow no law
 * exactly). Any change of method, seed or default moves these numbers by far more. Fields that describe the machine or the run time ({@code seconds}, {@code java_version}, {@code os}, {@code toolkit_version}) are
 * compared by presence and type only, as is the optimiser's {@code gradient_norm} at its stopping point (a value
 * at the stopping tolerance, which amplifies a 1-ulp difference of {@code Math.exp} between JVMs).
 */
class ResultsContractTest {

    private static final Set<String> VOLATILE = Set.of("seconds", "java_version", "os", "toolkit_version", "gradient_norm");
    private static final double REL = 1e-9;
    private static final double ABS = 1e-12;

    @Test
    void idReport() throws IOException {
        PointCloud x = Datasets.generate("sphere:2", 600, 3);
        IdContext ctx = IdContext.of(x);
        IdEstimation.Options o = new IdEstimation.Options(200, 11L, 0.95, false, IdEstimation.Resampling.parse("points"));
        List<org.repgap.id.IdEstimator> estimators = new ArrayList<>();
        for (String name : List.of("twonn", "mle", "gride")) {
            estimators.addAll(IdEstimators.createScales(name, IdEstimators.Settings.defaults(), x.n()));
        }
        IdReport r = IdReport.of(ctx, IdEstimation.run(estimators, ctx, o));
        check("id.json", Json.write(r));
    }

    @Test
    void gapResult() throws IOException {
        PointCloud x = Datasets.generate("rotating-pair", 800, 5);
        GapAnalysis.Options o = GapAnalysis.Options.of(RepresentationGapCurve.Options.leaveOneOut(new int[] {100, 200, 400, 800}, 3, 7));
        GapAnalysis.Result r = GapAnalysis.run(x, Groups.so2(), NeighborSearch::bruteForce, o, null, Progress.NONE);
        check("gap.json", Json.write(r));
    }

    @Test
    void fitReport() throws IOException {
        double[] n = {100, 200, 400, 800, 1600, 3200, 6400};
        double[][] xs = new double[n.length * 2][];
        double[] ys = new double[n.length * 2];
        for (int i = 0; i < n.length; i++) {
            for (int s = 0; s < 2; s++) {
                xs[2 * i + s] = new double[] {n[i]};
                ys[2 * i + s] = (0.5 + 3 * Math.pow(n[i], -0.4)) * (1 + (s == 0 ? 0.01 * Math.sin(i + 1) : -0.005 * Math.cos(i)));
            }
        }
        FitAnalysis.Options o = FitAnalysis.Options.defaults().withBootstrap(100, 13L).withHoldout(0.7);
        FitReport r = FitReport.run(List.of(Laws.power(), Laws.powerWithOffset()),
                List.of(new FitReport.Input(Map.of(), LearningCurve.of(xs, ys))), o,
                new FitReport.Settings("n", "loss", null, 1, true),
                Provenance.of("FitReport", Map.of("laws", "power,power+offset"), "golden", 13L), w -> { }, Progress.NONE);
        check("fit.json", Json.write(r));
    }

    private static void check(String name, String json) throws IOException {
        if (Boolean.getBoolean("repgap.golden.update")) {
            Path p = Path.of("src/test/resources/golden", name);
            Files.createDirectories(p.getParent());
            Files.writeString(p, json.endsWith("\n") ? json : json + "\n");
            return;
        }
        JsonNode expected;
        try (InputStream in = ResultsContractTest.class.getResourceAsStream("/golden/" + name)) {
            assertTrue(in != null, "golden/" + name + " is missing: regenerate it (see the class Javadoc)");
            expected = Json.mapper().readTree(in);
        }
        List<String> diffs = new ArrayList<>();
        compare("", expected, Json.mapper().readTree(json), diffs);
        if (!diffs.isEmpty()) {
            fail(name + " differs from its golden file (" + diffs.size() + " differences; regenerate if intended):\n  "
                    + String.join("\n  ", diffs.subList(0, Math.min(20, diffs.size()))));
        }
    }

    private static void compare(String path, JsonNode e, JsonNode a, List<String> diffs) {
        String field = path.substring(path.lastIndexOf('.') + 1);
        if (e.getNodeType() != a.getNodeType() && !(e.isNumber() && a.isNumber())) {
            diffs.add(path + ": expected " + e.getNodeType() + " " + abbreviate(e) + ", got " + a.getNodeType() + " " + abbreviate(a));
            return;
        }
        if (e.isObject()) {
            List<String> en = names(e);
            List<String> an = names(a);
            if (!en.equals(an)) {
                diffs.add(path + ": fields " + en + " became " + an);
                return;
            }
            for (String k : en) {
                compare(path + "." + k, e.get(k), a.get(k), diffs);
            }
        } else if (e.isArray()) {
            if (e.size() != a.size()) {
                diffs.add(path + ": " + e.size() + " elements became " + a.size());
                return;
            }
            for (int i = 0; i < e.size(); i++) {
                compare(path + "[" + i + "]", e.get(i), a.get(i), diffs);
            }
        } else if (VOLATILE.contains(field)) {
            return;
        } else if (e.isNumber()) {
            double x = e.asDouble();
            double y = a.asDouble();
            if (!(Math.abs(x - y) <= REL * Math.max(Math.abs(x), Math.abs(y)) + ABS)) {
                diffs.add(path + ": " + x + " became " + y);
            }
        } else if (!e.equals(a)) {
            diffs.add(path + ": " + abbreviate(e) + " became " + abbreviate(a));
        }
    }

    private static List<String> names(JsonNode o) {
        List<String> n = new ArrayList<>();
        for (Iterator<String> it = o.fieldNames(); it.hasNext(); ) {
            n.add(it.next());
        }
        return n;
    }

    private static String abbreviate(JsonNode n) {
        String s = n.toString();
        return s.length() > 60 ? s.substring(0, 60) + "..." : s;
    }

    /** A file of the previous gap schema (repgap.gap/2: d_implied, d_ci_*, level, law.d, law.d_source) still reads. */
    @Test
    void previousGapSchemaReadsIntoTheSameRecord() throws IOException {
        String now;
        try (InputStream in = ResultsContractTest.class.getResourceAsStream("/golden/gap.json")) {
            now = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        String old = now.replace("\"dimension_ci_low\"", "\"d_ci_low\"").replace("\"dimension_ci_high\"", "\"d_ci_high\"")
                .replace("\"ci_level\"", "\"level\"").replace("\"dimension_source\"", "\"d_source\"")
                .replace("\"repgap.gap/3\"", "\"repgap.gap/2\"");
        old = old.replaceFirst("\"dimension\"", "\"d\"").replaceFirst("(\"fit\"[^}]*)\"dimension\"", "$1\"d_implied\"");
        assertTrue(old.contains("\"d_implied\"") && old.contains("\"d\"") && !old.contains("\"dimension"), old);
        GapAnalysis.Result a = Json.mapper().readValue(now, GapAnalysis.Result.class);
        GapAnalysis.Result b = Json.mapper().readValue(old, GapAnalysis.Result.class);
        assertEquals(a.fit(), b.fit());
        assertEquals(a.law().dimension(), b.law().dimension(), 0);
        assertEquals(a.law().dimensionSource(), b.law().dimensionSource());
    }

    @Test
    void theComparisonSeesARenameATypeChangeAndANumber() throws IOException {
        JsonNode e = Json.mapper().readTree("{\"a\": 1.0, \"b\": \"x\", \"c\": [1, 2], \"seconds\": 3}");
        List<String> d = new ArrayList<>();
        compare("", e, Json.mapper().readTree("{\"a\": 1.0, \"b\": \"x\", \"c\": [1, 2], \"seconds\": 9}"), d);
        assertEquals(List.of(), d, "volatile fields and equal values pass");
        compare("", e, Json.mapper().readTree("{\"A\": 1.0, \"b\": \"x\", \"c\": [1, 2], \"seconds\": 3}"), d);
        compare("", e, Json.mapper().readTree("{\"a\": \"1\", \"b\": \"x\", \"c\": [1, 2], \"seconds\": 3}"), d);
        compare("", e, Json.mapper().readTree("{\"a\": 1.000001, \"b\": \"x\", \"c\": [1, 2], \"seconds\": 3}"), d);
        compare("", e, Json.mapper().readTree("{\"a\": 1.0, \"b\": \"x\", \"c\": [1], \"seconds\": 3}"), d);
        assertEquals(4, d.size(), d.toString());
    }
}
