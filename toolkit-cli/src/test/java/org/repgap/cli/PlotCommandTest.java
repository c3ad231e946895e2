package org.repgap.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlotCommandTest {


    private static CliRun run(String... args) {
        return CliRun.of(args);
    }

    @Test
    void helpDocumentsEveryKind() {
        CliRun r = run("plot", "--help");
        assertEquals(0, r.code());
        for (String kind : PlotCommand.kinds()) {
            assertTrue(r.out().contains("  " + kind + " "), () -> "help lacks kind " + kind + ":\n" + r.out());
        }
        assertTrue(r.out().contains("Examples"));
    }

    @Test
    void rendersASavedGapResultAtTheRequestedSize(@TempDir Path dir) throws Exception {
        Path in = dir.resolve("gap.json");
        assertEquals(0, run("gap", "--dataset", "sphere:2", "--n", "300", "--sizes", "50,100,200", "--seeds", "2", "--d", "2",
                "--fit-interval", "ols", "--format", "json", "-o", in.toString()).code());
        Path png = dir.resolve("fig.png");
        CliRun r = run("plot", "--input", in.toString(), "--width", "8cm", "--height", "2in", "--dpi", "100", "--output", png.toString());
        assertEquals(0, r.code(), r.err());
        BufferedImage img = ImageIO.read(png.toFile());
        assertEquals(Math.round(8 / 2.54 * 100), img.getWidth());
        assertEquals(200, img.getHeight());
        Path svg = dir.resolve("fig.svg");
        assertEquals(0, run("plot", "--input", in.toString(), "--kind", "learning-curve", "--style", "slide", "-o", svg.toString()).code());
        String text = Files.readString(svg);
        assertTrue(text.contains("law, d = 2 (given)") && text.contains("width=\"576pt\""), "slide-size SVG with the law");
    }

    @Test
    void userErrorsExitTwoWithOneLine(@TempDir Path dir) throws Exception {
        Path in = dir.resolve("gap.json");
        Files.writeString(in, "{\"curve\": [{\"n\": 100, \"rg_values\": [0.1]}], \"law\": {}, \"fit\": {}, \"comparison\": []}");
        CliRun r = run("plot", "--input", in.toString(), "--output", dir.resolve("f.pdf").toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("missing field 'curve[0].gap_size'") && r.err().contains("gap.json"), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertEquals(2, run("plot", "--input", in.toString(), "--kind", "pie", "--output", dir.resolve("f.pdf").toString()).code());
        assertEquals(2, run("plot", "--input", in.toString(), "--output", dir.resolve("f.jpg").toString()).code());
        assertEquals(2, run("plot", "--input", in.toString(), "--width", "wide", "--output", dir.resolve("f.png").toString()).code());
        assertEquals(2, run("plot", "--output", dir.resolve("f.png").toString()).code());
    }
}
