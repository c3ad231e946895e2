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
        assertEquals(0, run(err, "demo", "--n", "2000", "--seeds", "2", "--bootstrap", "20", "--format", "json",
                "--output", out.toString(), "--plot", png.toString()), err.toString());
        JsonNode root = Json.mapper().readTree(Files.readString(out));
        assertEquals(2000, root.get("n").asInt());
        JsonNode rows = root.get("rows");
        assertEquals("none", rows.get(0).get("group").asText());
        assertEquals("so2", rows.get(1).get("group").asText());
        // rotating-pair: a 3-manifold in R^4 whose quotient by so2 is 2-dimensional. TwoNN on 2000 points has a
        // standard error of about d/sqrt(n) = 0.07, the slope of a 5-point curve about 0.1 in d: tolerance 0.35.
        assertEquals(3.0, rows.get(0).get("estimates").get(0).get("dimension").asDouble(), 0.35);
        assertEquals(2.0, rows.get(1).get("estimates").get(0).get("dimension").asDouble(), 0.35);
        assertEquals(3.0, rows.get(0).get("gap").get("fit").get("d_implied").asDouble(), 0.35);
        assertEquals(2.0, rows.get(1).get("gap").get("fit").get("d_implied").asDouble(), 0.35);
        // fewer samples are needed modulo the group
        assertTrue(root.get("equivalent_size").asDouble() < 2000 / 4.0, root.get("equivalent_size").toString());
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
}
