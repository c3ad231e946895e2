package org.repgap.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.repgap.json.Json;
import picocli.CommandLine;

class FitCommandTest {

    @TempDir
    Path tmp;

    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cl = Repgap.commandLine();
        cl.setOut(new PrintWriter(new StringWriter()));
        cl.setErr(new PrintWriter(err));
        return cl.execute(args);
    }

    /** y = 1 + 30 n^-0.6 with two seeds per n (+-1 %). */
    private Path curve() throws IOException {
        StringBuilder sb = new StringBuilder("\"train size\",seed,test_loss,arch\n");
        for (int i = 0; i < 12; i++) {
            double n = 10 * Math.pow(2, i);
            double y = 1 + 30 * Math.pow(n, -0.6);
            sb.append(String.format(Locale.ROOT, "%s,0,%.10g,cnn%n", n, y * 1.01));
            sb.append(String.format(Locale.ROOT, "%s,1,%.10g,cnn%n", n, y / 1.01));
        }
        Path f = tmp.resolve("runs.csv");
        Files.writeString(f, sb);
        return f;
    }

    @Test
    void jsonOutputHasTheDocumentedFields() throws IOException {
        Path out = tmp.resolve("fit.json");
        int code = run("fit", "--input", curve().toString(), "--x", "train size", "--y", "test_loss",
                "--law", "power,power+offset,rg", "--bootstrap", "40", "--holdout", "0.75", "--seed", "5",
                "--format", "json", "--output", out.toString());
        assertEquals(0, code, err.toString());
        JsonNode doc = Json.mapper().readTree(Files.readString(out));
        JsonNode fits = doc.get("fits");
        assertEquals(3, fits.size());
        JsonNode best = fits.get(0);
        assertEquals("power+offset", best.get("law").asText());
        for (String field : new String[] {"law", "parameters", "dimension", "dimension_ci_low", "dimension_ci_high", "aicc", "bic",
                "holdout_error", "converged", "points", "band"}) {
            assertTrue(best.has(field), "missing " + field);
        }
        assertEquals("repgap.fit/2", doc.get("schema").asText());
        assertEquals(12, best.get("points").asInt(), "two seeds per size are one point");
        JsonNode alpha = parameter(best, "alpha");
        assertEquals(0.6, alpha.get("value").asDouble(), 0.01);
        assertEquals(1.0, parameter(best, "E").get("value").asDouble(), 0.02);
        assertTrue(alpha.get("ci_low").asDouble() <= alpha.get("value").asDouble()
                && alpha.get("ci_high").asDouble() >= alpha.get("value").asDouble());
        assertTrue(alpha.get("standard_error").asDouble() > 0);
        assertEquals(2 / alpha.get("value").asDouble(), best.get("dimension").asDouble(), 1e-9);
        assertEquals(40, best.get("band").size(), "the bootstrap band at 40 x");
        assertTrue(best.get("converged").asBoolean());
        assertTrue(best.get("convergence").get("starts").asInt() >= best.get("convergence").get("agreeing_starts").asInt()
                && best.get("convergence").get("gradient_norm").isNumber(), best.get("convergence").toString());
        assertTrue(best.get("holdout_error").isNumber());
        JsonNode held = best.get("holdout_fit");
        assertEquals(best.get("holdout_error").asDouble(), held.get("error").asDouble(), 0.0);
        assertTrue(held.get("params").get("alpha").isNumber() && held.get("cut").isNumber(), held.toString());
        assertTrue(held.get("fitted_points").asInt() + held.get("held_out_points").asInt() == 12, held.toString());
        assertEquals(5, doc.get("provenance").get("seed").asLong());
        assertEquals(64, doc.get("provenance").get("data_hash").asText().length(), "SHA-256 of the input file");
    }

    @Test
    void textAndCsvOutputs() throws IOException {
        Path out = tmp.resolve("fit.txt");
        assertEquals(0, run("fit", "--input", curve().toString(), "--x", "train size", "--y", "test_loss", "--law", "power,power+offset",
                "--group-by", "arch", "--output", out.toString()), err.toString());
        String text = Files.readString(out);
        assertTrue(text.contains("rank") && text.contains("group {arch=cnn}") && text.indexOf("power+offset") < text.indexOf("\n2 "), text);
        Path csv = tmp.resolve("fit.csv");
        assertEquals(0, run("fit", "--input", curve().toString(), "--x", "train size", "--y", "test_loss", "--law", "power",
                "--format", "csv", "--output", csv.toString()), err.toString());
        String[] lines = Files.readString(csv).split("\n");
        assertEquals("law,param,value,ci_low,ci_high,ci_level,standard_error,dimension,dimension_ci_low,dimension_ci_high,aicc,bic,holdout_error,converged,points", lines[0]);
        assertEquals(3, lines.length);
    }

    /** Issue 15 defect 4: a group that cannot be fitted is reported and the others are fitted. */
    @Test
    void oneBadGroupDoesNotStopAGroupByFit() throws IOException {
        Path f = curve();
        String good = Files.readString(f);
        // group "tiny": 2 points for a 3-parameter law; group "empty": no finite y
        Files.writeString(f, good + "10,0,2.5,tiny\n20,0,2.0,tiny\n10,0,nan,empty\n20,0,,empty\n");
        Path out = tmp.resolve("groups.json");
        assertEquals(0, run("fit", "--input", f.toString(), "--x", "train size", "--y", "test_loss", "--law", "power+offset",
                "--group-by", "arch", "--format", "json", "--output", out.toString()), err.toString());
        JsonNode doc = Json.mapper().readTree(Files.readString(out));
        assertEquals(1, doc.get("fits").size());
        assertEquals("cnn", doc.get("fits").get(0).get("group").get("arch").asText());
        String warnings = doc.get("warnings").toString();
        assertTrue(warnings.contains("group {arch=tiny} skipped") && warnings.contains("3 free parameters but only 2 point(s)"), warnings);
        assertTrue(warnings.contains("group {arch=empty} skipped: no usable rows"), warnings);
        // nothing fits: exit 2, every reason named
        Files.writeString(f, "\"train size\",seed,test_loss,arch\n10,0,2.5,tiny\n20,0,2.0,tiny\n10,0,nan,empty\n");
        err.getBuffer().setLength(0);
        assertEquals(2, run("fit", "--input", f.toString(), "--x", "train size", "--y", "test_loss", "--law", "power+offset",
                "--group-by", "arch", "--output", tmp.resolve("none.json").toString()));
        assertTrue(err.toString().contains("group {arch=tiny} skipped") && err.toString().contains("no law could be fitted"), err.toString());
        assertTrue(Files.notExists(tmp.resolve("none.json")));
    }

    @Test
    void userErrorsExitWithTwoAndOneLine() throws IOException {
        Path f = curve();
        assertEquals(2, run("fit", "--input", f.toString(), "--x", "size", "--y", "test_loss"));
        assertTrue(err.toString().contains("--x size: no such column"), err.toString());
        assertEquals(2, run("fit", "--input", tmp.resolve("missing.csv").toString(), "--x", "n", "--y", "y"));
        assertEquals(2, run("fit", "--input", f.toString(), "--x", "train size", "--y", "test_loss", "--law", "chinchilla"));
        assertTrue(err.toString().contains("takes 2 --x column(s)"), err.toString());
        assertEquals(2, run("fit", "--input", f.toString(), "--x", "train size", "--y", "test_loss", "--where", "seed >"));
        assertEquals(2, run("fit", "--input", f.toString(), "--x", "train size", "--y", "test_loss", "--loss", "cauchy"));
        assertEquals(2, run("fit", "--input", f.toString(), "--x", "train size", "--y", "test_loss", "--law", "power+offset",
                "--where", "`train size` < 30"));
        assertTrue(err.toString().contains("3 free parameters but only 2 point(s)"), err.toString());
    }

    @Test
    void helpTeaches() {
        StringWriter out = new StringWriter();
        CommandLine cl = Repgap.commandLine();
        cl.setOut(new PrintWriter(out));
        assertEquals(0, cl.execute("fit", "--help"));
        assertTrue(out.toString().contains("--derive") && out.toString().contains("Example"), out.toString());
    }

    private static JsonNode parameter(JsonNode fit, String name) {
        for (JsonNode p : fit.get("parameters")) {
            if (p.get("name").asText().equals(name)) {
                return p;
            }
        }
        throw new AssertionError("no parameter " + name + " in " + fit);
    }
}
