package org.repgap.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.repgap.json.Json;

/** {@code repgap demo}: the so2 example of THEORY.md section 5 end to end, on a small sample. */
class DemoCommandTest {

    private static int run(StringWriter err, String... args) {
        picocli.CommandLine cl = Repgap.commandLine();
        cl.setErr(new PrintWriter(err));
        cl.setOut(new PrintWriter(new StringWriter()));
        return cl.execute(args);
    }

    @Test
    void symmetryLowersTheTaskDimensionFromThreeToTwo(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("demo.json");
        Path png = dir.resolve("demo.png");
        StringWriter err = new StringWriter();
        assertEquals(0, run(err, "demo", "--n", "2000", "--seeds", "2", "--bootstrap", "20", "--format", "json", "--no-train",
                "--out", dir.resolve("report").toString(), "--output", out.toString(), "--plot", png.toString()), err.toString());
        JsonNode demo = Json.mapper().readTree(Files.readString(out));
        assertEquals(demo, Json.mapper().readTree(Files.readString(dir.resolve("report/results.json"))), "stdout JSON = results.json");
        JsonNode root = demo.get("comparison");
        assertEquals(2000, root.get("n").asInt());
        JsonNode rows = root.get("rows");
        assertEquals("none", rows.get(0).get("group").asText());
        assertEquals("so2", rows.get(1).get("group").asText());
        // rotating-pair: a 3-manifold in R^4 whose quotient by so2 is 2-dimensional. TwoNN on 2000 points has a
        // standard error of about d/sqrt(n) = 0.07, the slope of a 5-point curve about 0.1 in d: tolerance 0.35.
        assertEquals(3.0, rows.get(0).get("estimates").get(0).get("dimension").asDouble(), 0.35);
        assertEquals(2.0, rows.get(1).get("estimates").get(0).get("dimension").asDouble(), 0.35);
        assertEquals(3.0, rows.get(0).get("gap").get("fit").get("dimension").asDouble(), 0.35);
        assertEquals(2.0, rows.get(1).get("gap").get("fit").get("dimension").asDouble(), 0.35);
        // fewer samples are needed modulo the group
        assertTrue(root.get("equivalent_size").asDouble() < 2000 / 4.0, root.get("equivalent_size").toString());
        JsonNode saving = demo.get("saving");
        assertEquals(root.get("equivalent_size").asDouble(), saving.at("/equivalent_n/value").asDouble(), 1e-9);
        assertTrue(saving.at("/factor/low").asDouble() < saving.at("/factor/value").asDouble()
                && saving.at("/factor/value").asDouble() < saving.at("/factor/high").asDouble(), saving.toString());
        assertTrue(demo.get("sweep_laws").isNull(), "--no-train");
        // the paper style's default height, 2.4 in, at the default 300 dpi
        assertEquals(720, ImageIO.read(png.toFile()).getHeight());
    }

    @Test
    void badOptionsExitWithTwo() {
        StringWriter err = new StringWriter();
        assertEquals(2, run(err, "demo", "--group", "none,nonsense"));
        assertTrue(err.toString().contains("nonsense"), err.toString());
        StringWriter err2 = new StringWriter();
        assertEquals(2, run(err2, "demo", "--n", "100", "--sizes", "50,200"));
        assertTrue(err2.toString().contains("200"), err2.toString());
    }

    /**
     * The whole chain in its quick form: ID and ideal gap, a trainer sweep of none, canonical and ace with its law
     * checks, the figures in three formats, results.json and a self-contained report.html, which a real browser
     * renders (headless Chromium: Debian's package, installed by .ci/run; required when CI is set, else skipped when
     * absent).
     */
    @Test
    void quickDemoWritesTheWholeReportAndABrowserRendersIt(@TempDir Path dir) throws Exception {
        Path report = dir.resolve("demo");
        StringWriter err = new StringWriter();
        assertEquals(0, run(err, "demo", "--quick", "--out", report.toString()), err.toString());
        JsonNode results = Json.mapper().readTree(Files.readString(report.resolve("results.json")));
        assertEquals("repgap.demo/1", results.get("schema").asText());
        JsonNode mechanisms = results.at("/sweep_laws/mechanisms");
        assertEquals(3, mechanisms.size());
        assertEquals("none", mechanisms.get(0).get("mechanism").asText());
        assertEquals("plain", mechanisms.get(0).get("metric").asText());
        assertEquals("orbit", mechanisms.get(1).get("metric").asText());
        // the predicted exponents come from TwoNN on the data: -2/d with d near 3, -2/d_task with d_task near 2
        assertEquals(-2 / 3.0, mechanisms.get(0).at("/predicted/value").asDouble(), 0.15);
        assertEquals(-1.0, mechanisms.get(1).at("/predicted/value").asDouble(), 0.2);
        for (String f : new String[] {"id-and-gap", "trainer-laws"}) {
            for (String ext : new String[] {"png", "pdf", "svg"}) {
                assertTrue(Files.size(report.resolve("figures/" + f + "." + ext)) > 1000, f + "." + ext);
            }
        }
        String html = Files.readString(report.resolve("report.html"));
        assertTrue(html.startsWith("<!DOCTYPE html>"));
        assertEquals(2, html.split("<svg", -1).length - 1, "both figures inlined");
        assertTrue(html.contains("<text"), "figure text is SVG text (selectable)");
        assertTrue(html.contains("repgap train --dataset rotating-pair"), "the command that reproduces the trainer section");
        assertTrue(!html.contains("<script") && !html.contains("http://") || html.contains("xmlns"), "no script, no external resource");
        assertEquals(0, Files.list(report).filter(p -> p.getFileName().toString().endsWith(".tmp")).count(), "no temporary files");
        BrowserCheck.assertRenders(report.resolve("report.html"), dir.resolve("screenshot.png"));
    }
}
