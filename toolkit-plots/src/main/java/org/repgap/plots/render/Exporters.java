package org.repgap.plots.render;

import de.erichseifert.vectorgraphics2d.Processor;
import de.erichseifert.vectorgraphics2d.Processors;
import de.erichseifert.vectorgraphics2d.VectorGraphics2D;
import de.erichseifert.vectorgraphics2d.VectorHints;
import de.erichseifert.vectorgraphics2d.util.PageSize;
import de.rototor.pdfbox.graphics2d.PdfBoxGraphics2D;
import de.rototor.pdfbox.graphics2d.PdfBoxGraphics2DFontTextDrawer;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Locale;
import java.util.function.Consumer;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOInvalidTreeException;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;

/**
 * Writes a canvas painter (a function drawing a figure of a given size in points onto a
 * {@link Graphics2D}) as PNG, SVG, EPS or PDF. Nothing here needs a display.
 */
public final class Exporters {

    private static final double MM_PER_PT = 25.4 / 72;

    private Exporters() {
    }

    /**
     * Renders to an image of {@code round(width_in * dpi)} by {@code round(height_in * dpi)} pixels on
     * white, anti-aliased, with pure strokes (thin lines keep their weight).
     */
    public static BufferedImage image(Consumer<Graphics2D> painter, double widthPt, double heightPt, int dpi) {
        int w = (int) Math.round(widthPt / 72.0 * dpi);
        int h = (int) Math.round(heightPt / 72.0 * dpi);
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, w, h);
            g.scale(w / widthPt, h / heightPt);
            painter.accept(g);
        } finally {
            g.dispose();
        }
        return img;
    }

    /** PNG with its resolution recorded (pHYs chunk), so that layout programs place it at the intended size. */
    public static void png(Consumer<Graphics2D> painter, double widthPt, double heightPt, int dpi, OutputStream out)
            throws IOException {
        BufferedImage img = image(painter, widthPt, heightPt, dpi);
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("png");
        ImageWriter writer = writers.next();
        try (ImageOutputStream ios = ImageIO.createImageOutputStream(out)) {
            ImageWriteParam param = writer.getDefaultWriteParam();
            IIOMetadata meta = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(img), param);
            setDpi(meta, dpi);
            writer.setOutput(ios);
            writer.write(null, new IIOImage(img, null, meta), param);
        } finally {
            writer.dispose();
        }
    }

    private static void setDpi(IIOMetadata meta, int dpi) throws IIOInvalidTreeException {
        String pxPerMetre = Integer.toString((int) Math.round(dpi / 0.0254));
        IIOMetadataNode phys = new IIOMetadataNode("pHYs");
        phys.setAttribute("pixelsPerUnitXAxis", pxPerMetre);
        phys.setAttribute("pixelsPerUnitYAxis", pxPerMetre);
        phys.setAttribute("unitSpecifier", "meter");
        IIOMetadataNode root = new IIOMetadataNode("javax_imageio_png_1.0");
        root.appendChild(phys);
        meta.mergeTree("javax_imageio_png_1.0", root);
    }

    /** SVG (text as {@code <text>} elements) or EPS (text as outlines, since EPS text would need the font installed). */
    public static void vector(Consumer<Graphics2D> painter, double widthPt, double heightPt, String format, OutputStream out)
            throws IOException {
        VectorGraphics2D g = new VectorGraphics2D();
        boolean eps = "eps".equals(format.toLowerCase(Locale.ROOT));
        g.setRenderingHint(VectorHints.KEY_TEXT, eps ? VectorHints.VALUE_TEXT_VECTOR : VectorHints.VALUE_TEXT_DEFAULT);
        if (eps) {
            // The EPS back-end takes its page in millimetres and scales user units by 72/25.4.
            g.scale(MM_PER_PT, MM_PER_PT);
        }
        g.setColor(Color.WHITE);
        g.fill(new Rectangle2D.Double(0, 0, widthPt, heightPt));
        painter.accept(g);
        g.dispose();
        Processor p = Processors.get(format.toLowerCase(Locale.ROOT));
        if (eps) {
            p.getDocument(g.getCommands(), new PageSize(0, 0, widthPt * MM_PER_PT - 1e-9, heightPt * MM_PER_PT - 1e-9)).writeTo(out);
            return;
        }
        ByteArrayOutputStream svg = new ByteArrayOutputStream();
        p.getDocument(g.getCommands(), new PageSize(0, 0, widthPt, heightPt)).writeTo(svg);
        out.write(sizeInPoints(svg.toString(StandardCharsets.UTF_8), widthPt, heightPt).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * VectorGraphics2D declares the SVG size in px, which LaTeX tool chains and browsers read at
     * 96 per inch (a 3.25 in figure would come out 2.44 in wide); the user units are points, so the
     * root element's width and height are rewritten in pt.
     */
    static String sizeInPoints(String svg, double widthPt, double heightPt) {
        int start = svg.indexOf("<svg");
        int end = svg.indexOf('>', start);
        if (start < 0 || end < 0) {
            throw new IllegalStateException("SVG back-end wrote no <svg> element");
        }
        String root = svg.substring(start, end)
                .replaceFirst(" width=\"[^\"]*\"", " width=\"" + fmt(widthPt) + "pt\"")
                .replaceFirst(" height=\"[^\"]*\"", " height=\"" + fmt(heightPt) + "pt\"");
        return svg.substring(0, start) + root + svg.substring(end);
    }

    private static String fmt(double v) {
        return new java.math.BigDecimal(v).setScale(3, java.math.RoundingMode.HALF_EVEN).stripTrailingZeros().toPlainString();
    }

    /**
     * PDF of one page {@code widthPt} by {@code heightPt}, the bundled font embedded (subset) so text
     * stays selectable and prints as designed.
     */
    public static void pdf(Consumer<Graphics2D> painter, double widthPt, double heightPt, OutputStream out) throws IOException {
        try (PDDocument doc = new PDDocument();
             PdfBoxGraphics2DFontTextDrawer fonts = new PdfBoxGraphics2DFontTextDrawer();
             InputStream font = Fonts.open()) {
            PDDocumentInformation info = doc.getDocumentInformation();
            info.setProducer("repgap toolkit-plots");
            PDPage page = new PDPage(new PDRectangle((float) widthPt, (float) heightPt));
            doc.addPage(page);
            fonts.registerFont(Fonts.name(), font);
            PdfBoxGraphics2D g = new PdfBoxGraphics2D(doc, (float) widthPt, (float) heightPt);
            g.setFontTextDrawer(fonts);
            try {
                g.setColor(Color.WHITE);
                g.fill(new Rectangle2D.Double(0, 0, widthPt, heightPt));
                painter.accept(g);
            } finally {
                g.dispose();
            }
            PDFormXObject form = g.getXFormObject();
            try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                cs.drawForm(form);
            }
            doc.save(out);
        }
    }
}
