package org.repgap.plots;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.repgap.plots.charts.Charts;
import org.repgap.plots.render.Layer;
import org.repgap.plots.render.Plot;

/** Every chart kind in every format: structure, size, text, determinism. */
class FigureOutputTest {

    private static byte[] bytes(FigureSpec spec, OutputFormat f) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Figures.write(spec, f, out);
        return out.toByteArray();
    }

    private static FigureSpec sample(ChartKind kind) {
        return FigureSpec.of(SampleData.of(kind, 7)).withDpi(100);
    }

    /** The texts a reader must find: axis titles and every legend label of the panel. */
    private static List<String> expectedTexts(ChartKind kind) {
        Plot p = Charts.plot(SampleData.of(kind, 7), Style.PAPER);
        List<String> t = new ArrayList<>();
        if (p.xLabel() != null) {
            t.add(p.xLabel());
        }
        if (p.yLabel() != null) {
            t.add(p.yLabel());
        }
        for (Layer l : p.layers()) {
            if (l.label() != null) {
                t.add(l.label());
            }
        }
        t.addAll(p.yCategories());
        return t;
    }

    @ParameterizedTest
    @EnumSource(ChartKind.class)
    void svgParsesHasPointSizeAndContainsLabels(ChartKind kind) throws Exception {
        Svg svg = new Svg(bytes(sample(kind), OutputFormat.SVG));
        assertEquals("svg", svg.root().getLocalName());
        assertEquals("234pt", svg.root().getAttribute("width"));
        assertEquals("172.8pt", svg.root().getAttribute("height"));
        List<String> texts = svg.texts();
        for (String expected : expectedTexts(kind)) {
            assertTrue(texts.contains(expected), () -> kind + ": no text '" + expected + "' in " + texts);
        }
        assertFalse(svg.paths("stroke:").isEmpty(), "no stroked path: no series drawn");
    }

    @ParameterizedTest
    @EnumSource(ChartKind.class)
    void pdfIsOnePageOfTheRequestedSizeWithSelectableText(ChartKind kind) throws Exception {
        FigureSpec spec = sample(kind).withSize(FigureSize.centimetres(8.5, 6.0));
        try (PDDocument doc = Loader.loadPDF(bytes(spec, OutputFormat.PDF))) {
            assertEquals(1, doc.getNumberOfPages());
            PDRectangle box = doc.getPage(0).getMediaBox();
            assertEquals(8.5 / 2.54 * 72, box.getWidth(), 0.01);
            assertEquals(6.0 / 2.54 * 72, box.getHeight(), 0.01);
            String text = new PDFTextStripper().getText(doc);
            Plot p = Charts.plot(spec.panels().get(0), Style.PAPER);
            assertTrue(text.contains(p.xLabel()), () -> kind + ": PDF text lacks the x label; text was " + text);
        }
    }

    static Stream<Arguments> pngSizes() {
        return Stream.of(Arguments.of(ChartKind.LEARNING_CURVE, 3.25, 2.4, 300), Arguments.of(ChartKind.ID_COMPARISON, 6.75, 3.0, 150),
                Arguments.of(ChartKind.TWONN, 3.25, 2.4, 72), Arguments.of(ChartKind.SCALE, 4.0, 3.0, 200),
                Arguments.of(ChartKind.LOCAL_ID, 3.25, 2.4, 100), Arguments.of(ChartKind.QUANTIZATION, 3.25, 2.4, 100),
                Arguments.of(ChartKind.TRAINING, 3.25, 2.4, 100), Arguments.of(ChartKind.SIGMA_GAP, 3.25, 2.4, 100),
                Arguments.of(ChartKind.EQUIVARIANCE, 3.25, 2.4, 100), Arguments.of(ChartKind.CONSTRAINTS, 3.25, 2.4, 100));
    }

    @ParameterizedTest
    @MethodSource("pngSizes")
    void pngHasInchesTimesDpiPixels(ChartKind kind, double wIn, double hIn, int dpi) throws Exception {
        FigureSpec spec = sample(kind).withSize(FigureSize.inches(wIn, hIn)).withDpi(dpi);
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(bytes(spec, OutputFormat.PNG)));
        assertEquals(Math.round(wIn * dpi), img.getWidth());
        assertEquals(Math.round(hIn * dpi), img.getHeight());
        // Not blank: some dark pixels (text, axes) and the corner white.
        assertEquals(0xFFFFFF, img.getRGB(0, img.getHeight() - 1) & 0xFFFFFF);
        int dark = 0;
        for (int y = 0; y < img.getHeight(); y += 2) {
            for (int x = 0; x < img.getWidth(); x += 2) {
                if ((img.getRGB(x, y) & 0xFF) < 80) {
                    dark++;
                }
            }
        }
        assertTrue(dark > 50, kind + ": image is nearly blank");
    }

    @ParameterizedTest
    @EnumSource(ChartKind.class)
    void epsHasBoundingBoxInPoints(ChartKind kind) throws Exception {
        String eps = new String(bytes(sample(kind), OutputFormat.EPS), StandardCharsets.ISO_8859_1);
        assertTrue(eps.startsWith("%!PS-Adobe-3.0 EPSF-3.0"), eps.substring(0, 40));
        assertTrue(eps.contains("%%BoundingBox: 0 0 234 173"), "bounding box of a 3.25 x 2.4 in figure");
    }

    @ParameterizedTest
    @EnumSource(ChartKind.class)
    void svgIsByteIdenticalForTheSameInput(ChartKind kind) throws Exception {
        byte[] a = bytes(sample(kind), OutputFormat.SVG);
        byte[] b = bytes(FigureSpec.of(SampleData.of(kind, 7)).withDpi(100), OutputFormat.SVG);
        assertArrayEquals(a, b);
        byte[] other = bytes(FigureSpec.of(SampleData.of(kind, 8)), OutputFormat.SVG);
        if (kind != ChartKind.SIGMA_GAP && kind != ChartKind.CONSTRAINTS) {
            assertFalse(java.util.Arrays.equals(a, other), "other data, same SVG: the data are not drawn");
        }
    }

    @Test
    void bandLiesAroundTheFitItBounds() throws Exception {
        Svg svg = new Svg(bytes(sample(ChartKind.LEARNING_CURVE), OutputFormat.SVG));
        // The fit is the palette's second colour (vermillion, rgb(213,94,0)): band filled, line stroked.
        List<org.w3c.dom.Element> bands = svg.paths("fill:rgb(213,94,0);fill-opacity");
        List<org.w3c.dom.Element> lines = svg.paths("stroke:rgb(213,94,0)");
        assertEquals(1, bands.size(), "one band polygon");
        java.awt.geom.Path2D band = Svg.polygon(bands.get(0).getAttribute("d"));
        List<double[]> fit = null;
        for (org.w3c.dom.Element e : lines) {
            List<double[]> v = Svg.vertices(e.getAttribute("d"));
            if (v.size() > 10) {
                fit = v;
            }
        }
        assertTrue(fit != null, "fit line path not found");
        for (int i = 1; i < fit.size() - 1; i++) {
            double[] p = fit.get(i);
            assertTrue(band.contains(p[0], p[1]), "fit vertex " + i + " outside its band");
        }
        // and the band is not a sliver: a point well above the line is outside it.
        double[] mid = fit.get(fit.size() / 2);
        assertFalse(band.contains(mid[0], mid[1] - 30), "band 30 pt tall: too wide");
    }

    /**
     * Every text of the SVG is where a browser shows it: not inside the clip of the plot area it lies outside of.
     * (VectorGraphics2D 0.13 ignores the state that {@code dispose()} of a {@code create()} copy restores, so text
     * drawn after a clipped copy went into the clipped group and Chromium hid every tick label.)
     */
    @ParameterizedTest
    @EnumSource(ChartKind.class)
    void svgTextIsNotHiddenByAClip(ChartKind kind) throws Exception {
        Svg svg = new Svg(bytes(sample(kind), OutputFormat.SVG));
        assertEquals(List.of(), svg.textsOutsideTheirClip(), kind.toString());
    }

    @Test
    void multiPanelSvgTextIsNotHiddenByAClip() throws Exception {
        Svg svg = new Svg(bytes(Gallery.multiPanel(), OutputFormat.SVG));
        assertEquals(List.of(), svg.textsOutsideTheirClip());
    }

    @Test
    void multiPanelHasLettersInVectorAndRasterLayoutAlike() throws Exception {
        FigureSpec spec = Gallery.multiPanel();
        Svg svg = new Svg(bytes(spec, OutputFormat.SVG));
        List<String> texts = svg.texts();
        for (String letter : List.of("(a)", "(b)", "(c)", "(d)")) {
            assertTrue(texts.contains(letter), "missing panel label " + letter);
        }
        assertEquals("486pt", svg.root().getAttribute("width"));
        BufferedImage img = Figures.image(spec.withDpi(100));
        assertEquals(675, img.getWidth());
        assertEquals(460, img.getHeight());
    }

    @Test
    void sharedAxesUseOneRangeAndLabelTheOuterPanelsOnly() throws Exception {
        FigureSpec spec = FigureSpec.grid(1, List.of(SampleData.of(ChartKind.TRAINING, 1), SampleData.of(ChartKind.EQUIVARIANCE, 1)))
                .withSharedAxes(true, false);
        List<Plot> plots = Figures.plots(spec);
        assertEquals(plots.get(0).x().min(), plots.get(1).x().min());
        assertEquals(plots.get(0).x().max(), plots.get(1).x().max());
        List<String> texts = new Svg(bytes(spec, OutputFormat.SVG)).texts();
        assertEquals(1, texts.stream().filter("step"::equals).count(), "x title only under the bottom panel: " + texts);
    }

    @Test
    void epsFlattensTransparencyOverWhite() throws Exception {
        String eps = new String(bytes(sample(ChartKind.LEARNING_CURVE), OutputFormat.EPS), StandardCharsets.ISO_8859_1);
        // band: vermillion (213, 94, 0) at alpha 51/255 over white = (247, 223, 204) / 255
        assertTrue(eps.contains("0.968627 0.874510 0.800000 rgb"), "flattened band colour not found");
        assertFalse(eps.contains(" show"), "EPS text must be outlines");
    }

    @Test
    void renderPicksFormatByExtensionAndWritesAtomically(@TempDir Path dir) throws Exception {
        for (OutputFormat f : OutputFormat.values()) {
            Path out = dir.resolve("fig." + f.extension());
            Figures.render(sample(ChartKind.QUANTIZATION), out);
            assertTrue(Files.size(out) > 500, f + " file too small");
        }
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(4, files.count(), "temporary files left behind");
        }
        org.junit.jupiter.api.Assertions.assertThrows(org.repgap.InvalidInputException.class,
                () -> Figures.render(sample(ChartKind.QUANTIZATION), dir.resolve("fig.jpg")));
    }
}
