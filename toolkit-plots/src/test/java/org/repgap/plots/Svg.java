package org.repgap.plots;

import java.awt.geom.Path2D;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** Test helper: parses SVG as XML (no DTD fetch) and pulls out texts and paths. */
final class Svg {
    final Document doc;

    Svg(byte[] bytes) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        f.setNamespaceAware(true);
        DocumentBuilder b = f.newDocumentBuilder();
        doc = b.parse(new ByteArrayInputStream(bytes));
    }

    Element root() {
        return doc.getDocumentElement();
    }

    List<String> texts() {
        List<String> out = new ArrayList<>();
        NodeList nodes = doc.getElementsByTagNameNS("*", "text");
        for (int i = 0; i < nodes.getLength(); i++) {
            out.add(nodes.item(i).getTextContent());
        }
        return out;
    }

    /** Paths whose style contains {@code styleFragment}. */
    List<Element> paths(String styleFragment) {
        List<Element> out = new ArrayList<>();
        NodeList nodes = doc.getElementsByTagNameNS("*", "path");
        for (int i = 0; i < nodes.getLength(); i++) {
            Element e = (Element) nodes.item(i);
            if (e.getAttribute("style").contains(styleFragment)) {
                out.add(e);
            }
        }
        return out;
    }

    /** The vertices of an absolute {@code M x,y L x,y ... Z} path. */
    static List<double[]> vertices(String d) {
        List<double[]> out = new ArrayList<>();
        for (String tok : d.trim().split("\\s*[MLZ]\\s*")) {
            if (tok.isBlank()) {
                continue;
            }
            String[] xy = tok.trim().split("[ ,]+");
            out.add(new double[] {Double.parseDouble(xy[0]), Double.parseDouble(xy[1])});
        }
        return out;
    }

    /**
     * The texts that a browser would not show because their anchor point lies outside the clip of an
     * enclosing group (a {@code <clipPath>} of one {@code <rect>}, in the group's user space: after the
     * transforms of the elements between the text and the group, before the group's own transform).
     * A text drawn after the plot area was clipped, but written into the clipped group, shows up here.
     */
    List<String> textsOutsideTheirClip() {
        List<String> out = new ArrayList<>();
        NodeList nodes = doc.getElementsByTagNameNS("*", "text");
        for (int i = 0; i < nodes.getLength(); i++) {
            Element t = (Element) nodes.item(i);
            java.awt.geom.Point2D p = new java.awt.geom.Point2D.Double(num(t.getAttribute("x")), num(t.getAttribute("y")));
            p = transform(t).transform(p, null);
            for (org.w3c.dom.Node n = t.getParentNode(); n instanceof Element g; n = g.getParentNode()) {
                java.awt.geom.Rectangle2D clip = clipRect(g.getAttribute("clip-path"));
                if (clip != null && !clip.contains(p)) {
                    out.add(t.getTextContent() + " at " + p + " outside clip " + clip);
                    break;
                }
                p = transform(g).transform(p, null);
            }
        }
        return out;
    }

    private static double num(String s) {
        return s == null || s.isEmpty() ? 0 : Double.parseDouble(s.trim());
    }

    /** The element's {@code transform} attribute (translate, scale, rotate, matrix; applied left to right). */
    private static java.awt.geom.AffineTransform transform(Element e) {
        java.awt.geom.AffineTransform a = new java.awt.geom.AffineTransform();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\w+)\\(([^)]*)\\)").matcher(e.getAttribute("transform"));
        while (m.find()) {
            String[] v = m.group(2).trim().split("[ ,]+");
            double[] x = new double[v.length];
            for (int i = 0; i < v.length; i++) {
                x[i] = Double.parseDouble(v[i]);
            }
            switch (m.group(1)) {
                case "translate" -> a.translate(x[0], x.length > 1 ? x[1] : 0);
                case "scale" -> a.scale(x[0], x.length > 1 ? x[1] : x[0]);
                case "rotate" -> a.rotate(Math.toRadians(x[0]), x.length > 2 ? x[1] : 0, x.length > 2 ? x[2] : 0);
                case "matrix" -> a.concatenate(new java.awt.geom.AffineTransform(x));
                default -> throw new IllegalArgumentException("transform " + m.group(1));
            }
        }
        return a;
    }

    /** The rectangle of a {@code url(#id)} clip path of one rect, or null. */
    private java.awt.geom.Rectangle2D clipRect(String ref) {
        if (ref == null || !ref.startsWith("url(#")) {
            return null;
        }
        String id = ref.substring(5, ref.length() - 1);
        NodeList cps = doc.getElementsByTagNameNS("*", "clipPath");
        for (int i = 0; i < cps.getLength(); i++) {
            Element cp = (Element) cps.item(i);
            if (cp.getAttribute("id").equals(id)) {
                NodeList rects = cp.getElementsByTagNameNS("*", "rect");
                if (rects.getLength() != 1) {
                    return null;
                }
                Element r = (Element) rects.item(0);
                return new java.awt.geom.Rectangle2D.Double(num(r.getAttribute("x")), num(r.getAttribute("y")),
                        num(r.getAttribute("width")), num(r.getAttribute("height")));
            }
        }
        return null;
    }

    static Path2D polygon(String d) {
        Path2D.Double p = new Path2D.Double();
        List<double[]> v = vertices(d);
        for (int i = 0; i < v.size(); i++) {
            if (i == 0) {
                p.moveTo(v.get(i)[0], v.get(i)[1]);
            } else {
                p.lineTo(v.get(i)[0], v.get(i)[1]);
            }
        }
        p.closePath();
        return p;
    }
}
